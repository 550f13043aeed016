// What the offline service worker stores at install. The build (vite/offline-plugin.ts) lists the
// emitted files and passes them through selectPrecacheFiles; the worker gets the result inlined.
// Pure (no Node, no DOM) so the build, the service worker and the unit tests share it.

export interface PrecacheManifest {
  /** Hash of every listed file's path and bytes: any change in a new build gives a new cache. */
  version: string;
  /** Paths relative to the site's base (the service worker's folder), e.g. `assets/index-x.js`. */
  files: string[];
}

/** The service worker's own file name, emitted next to index.html. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * The files worth storing for offline use: the whole build (page, hashed JS/CSS/WASM, precomputed
 * JSON, …) except the service worker itself, source maps, dotfiles, and models or samples other
 * than the shipped ones (a user's own model dropped into public/models/ could be large, and the
 * app does not need it to start).
 */
export function selectPrecacheFiles(
  paths: readonly string[],
  shipped: readonly string[],
): string[] {
  const ids = new Set(shipped);
  return paths
    .filter((path) => {
      if (path === SERVICE_WORKER_FILE || path.endsWith('.map')) return false;
      const parts = path.split('/');
      if (parts.some((part) => part.startsWith('.'))) return false;
      if (parts[0] === 'models') return parts.length > 2 && ids.has(parts[1] ?? '');
      if (parts[0] === 'samples') return ids.has((parts[1] ?? '').replace(/\.[^.]*$/, ''));
      return true;
    })
    .sort();
}
