// The site's content security policy, as a <meta> tag (static hosts cannot set headers; see
// docs/hosting.md). Everything comes from the site's own origin: scripts (no inline script, so
// an injected `<img onerror>` cannot run even if escaping ever failed), workers, WASM (tfjs
// compiles its .wasm binary, which needs 'wasm-unsafe-eval', not 'unsafe-eval'), styles and
// images. data: and blob: images are the favicon, canvases and exported figures.
//
// Connections are the exception: a user may open a model from another site by its URL (the app
// asks before it loads from another origin), so connect-src allows any https: origin, and blob:
// and data: for files opened on this device. Model files are data that tfjs parses, never code
// it evaluates (src/model/model-files.ts checks them first), and scripts, workers and WASM still
// come from this site only. Plain http: to other hosts stays refused (mixed content).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: blob: data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The tags the built index.html gets, first thing in <head>. */
export function securityMetaTags(policy: string = CONTENT_SECURITY_POLICY): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}
