// Resolves site-relative paths to absolute URLs on the main thread. The worker cannot do this
// itself: inside it, relative URLs resolve against the worker script (assets/…), not the page.
// Also the rules for a model's address from a link or the "Open model…" dialog: a same-origin
// path, or an http(s) URL on another site (loaded only after the user agrees: checkModelUrl).

const MAX_CUSTOM_URL_LENGTH = 300;
/** An address on another site is longer (host, folders); still short enough for a link. */
const MAX_ABSOLUTE_URL_LENGTH = 1000;
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

/** Where a model's address points, once checked (checkModelUrl). */
export type ModelUrlCheck =
  | {
      ok: true;
      /** The absolute URL to download model.json from. */
      url: string;
      /** Its origin, e.g. https://other.example. */
      origin: string;
      /** Its host as people read it (other.example, or localhost:8080). */
      host: string;
      /** True for this site's own files: they load without asking, as before. */
      sameOrigin: boolean;
    }
  | { ok: false; reason: string };

/** Syntax only (for the link's modelUrl): a safe relative path or an absolute http(s) URL. */
export function isModelUrlText(text: string): boolean {
  if (isSafeRelativePath(text)) return true;
  return /^https?:\/\//i.test(text) && checkAbsolute(text, null).ok;
}

/** An absolute http(s) URL: parsed, no user name or password, and loadable from `page`. */
function checkAbsolute(text: string, page: URL | null): ModelUrlCheck {
  if (text.length > MAX_ABSOLUTE_URL_LENGTH)
    return { ok: false, reason: 'the address is too long' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'the address is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'only http:// and https:// addresses can be downloaded' };
  }
  // A password in a shared link would be handed to whoever opens it; the model needs none.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'the address must not hold a user name or password' };
  }
  if (page && page.protocol === 'https:' && url.protocol === 'http:') {
    return {
      ok: false,
      reason:
        'this page is served over https, and browsers block downloads from http:// addresses on it: use the https:// address',
    };
  }
  const sameOrigin = page !== null && url.origin === page.origin;
  return { ok: true, url: url.href, origin: url.origin, host: url.host, sameOrigin };
}

/**
 * A model's address from a link (`?modelUrl`) or typed into the "Open model…" dialog: a relative
 * path on this site (resolved like checkCustomModelPath), or an absolute http(s) URL on this or
 * another site. Another site's model is downloaded only once the user has agreed (the caller
 * asks, naming `host`), so a shared link never makes the page fetch elsewhere on its own.
 */
export function checkModelUrl(raw: string, baseURI: string): ModelUrlCheck {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, reason: 'the address is empty' };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text) && !text.startsWith('//')) {
    const path = checkCustomModelPath(text, baseURI);
    if (!path.ok) return path;
    const url = new URL(path.url);
    return { ok: true, url: path.url, origin: url.origin, host: url.host, sameOrigin: true };
  }
  if (text.startsWith('//')) {
    return { ok: false, reason: 'write the address with https:// in front' };
  }
  return checkAbsolute(text, new URL(baseURI));
}
