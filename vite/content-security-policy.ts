// The site's content security policy, as a <meta> tag (static hosts cannot set headers; see
// docs/hosting.md). Everything comes from the site's own origin: scripts (no inline script, so
// an injected `<img onerror>` cannot run even if escaping ever failed), workers, WASM (tfjs
// compiles its .wasm binary, which needs 'wasm-unsafe-eval', not 'unsafe-eval'), styles, images
// and connections. data: and blob: images are the favicon, canvases and exported figures.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The tags the built index.html gets, first thing in <head>. */
export function securityMetaTags(policy: string = CONTENT_SECURITY_POLICY): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}
