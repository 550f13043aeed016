// The cross-origin isolation headers (src/offline/isolation-headers.ts) added by the service worker
// to what it serves, for static hosts that cannot send them (docs/hosting.md, "Cross-origin
// isolation"). A page loaded through the worker is then isolated, and so is the model worker: a
// dedicated worker created by an isolated page must itself be served with a compatible
// Cross-Origin-Embedder-Policy, or it fails to start. Headers the host did send are left as they
// are. Pure (Response and Headers only), so it is unit tested in Node.
import { ISOLATION_HEADERS } from '../isolation-headers';

/**
 * `response` with the isolation headers it lacks, as a new Response with the same status and body
 * (also without the "redirected" flag, which a navigation would refuse); the response itself when
 * it has them all, or when it cannot be rewritten (opaque, or an informational or error status).
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  if (response.status < 200 || response.status > 599) return response;
  const missing = Object.entries(ISOLATION_HEADERS).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  // Statuses that must not carry a body (204, 205, 304) keep none.
  const body = [204, 205, 304].includes(response.status) ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
