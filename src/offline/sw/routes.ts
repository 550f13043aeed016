// Which strategy answers a request: a pure function of the request and the precache list, so it
// can be unit tested without a browser. Anything not listed is left to the browser untouched
// (respondWith is not called), which keeps custom models and test routes on the plain network.

export type Strategy = 'cache-first' | 'network-first';

export interface Route {
  strategy: Strategy;
  /** Absolute URL the precached copy is stored under (query string dropped). */
  cacheKey: string;
  /** Page loads wait for the network only this long before a cached copy is used. */
  timeoutMs: number | null;
}

export interface RequestLike {
  url: string;
  method: string;
  mode: string;
}

/** Navigations give up on a slow network after this long when a cached page exists. */
export const NAVIGATION_TIMEOUT_MS = 4000;

export class PrecacheIndex {
  private readonly keys: Map<string, string>;
  private readonly base: URL;

  /** `base` is the site's base URL (the service worker's folder); `files` are relative to it. */
  constructor(base: string, files: readonly string[]) {
    this.base = new URL(base);
    // Keyed by pathname: the browser may request the same file with a query string.
    this.keys = new Map(files.map((f) => [new URL(f, this.base).pathname, f]));
  }

  /** Absolute URLs to store at install. */
  urls(): string[] {
    return [...this.keys.values()].map((f) => new URL(f, this.base).href);
  }

  route(request: RequestLike): Route | null {
    if (request.method !== 'GET') return null;
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return null;
    }
    // Another origin, or this origin outside our folder (another app): not ours to answer.
    if (url.origin !== this.base.origin || !url.pathname.startsWith(this.base.pathname)) {
      return null;
    }
    const relative = url.pathname.slice(this.base.pathname.length);
    if (request.mode === 'navigate' && (relative === '' || relative === 'index.html')) {
      // Every view is the same page with its state in the query: one cached index.html serves all.
      const index = this.keys.get(new URL('index.html', this.base).pathname);
      if (index === undefined) return null;
      return {
        strategy: 'network-first',
        cacheKey: new URL(index, this.base).href,
        timeoutMs: NAVIGATION_TIMEOUT_MS,
      };
    }
    const file = this.keys.get(url.pathname);
    if (file === undefined) return null;
    const cacheKey = new URL(file, this.base).href;
    // Hashed build output never changes under the same name; everything else (models, samples,
    // precomputed JSON) keeps its name across releases, so the network copy is preferred.
    if (file.startsWith('assets/')) return { strategy: 'cache-first', cacheKey, timeoutMs: null };
    return { strategy: 'network-first', cacheKey, timeoutMs: null };
  }
}
