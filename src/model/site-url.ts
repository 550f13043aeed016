// Resolves site-relative paths to absolute URLs on the main thread. The worker cannot do this
// itself: inside it, relative URLs resolve against the worker script (assets/…), not the page.

const MAX_CUSTOM_URL_LENGTH = 300;
// Letters, digits and the few punctuation marks real file paths need; no '%', '\\', ':' or '?'
// so that encoded tricks, schemes and query strings cannot slip through.
const SAFE_PATH = /^[A-Za-z0-9._~/-]+$/;

export function resolveSiteUrl(path: string, baseURI: string): string {
  return new URL(path, baseURI).href;
}

/** Syntax only: a relative path made of safe characters, short enough for a link. */
export function isSafeRelativePath(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= MAX_CUSTOM_URL_LENGTH &&
    !text.startsWith('/') &&
    SAFE_PATH.test(text)
  );
}

export type CustomUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Accepts only a same-origin relative path (e.g. `models/mine/model.json`), returning its absolute
 * URL. Absolute and protocol-relative URLs are refused even when they point at this origin, so a
 * shared link can never make the page fetch from somewhere else.
 */
export function checkCustomModelPath(raw: string, baseURI: string): CustomUrlCheck {
  const path = raw.trim();
  if (path.length === 0) return { ok: false, reason: 'the path is empty' };
  if (path.length > MAX_CUSTOM_URL_LENGTH) return { ok: false, reason: 'the path is too long' };
  if (path.startsWith('/') || !SAFE_PATH.test(path)) {
    return {
      ok: false,
      reason: 'only a relative path on this site is allowed (like models/mine/model.json)',
    };
  }
  let resolved: URL;
  try {
    resolved = new URL(path, baseURI);
  } catch {
    return { ok: false, reason: 'the path is not a valid URL' };
  }
  if (resolved.origin !== new URL(baseURI).origin) {
    return { ok: false, reason: 'the model must come from this site' };
  }
  return { ok: true, url: resolved.href };
}
