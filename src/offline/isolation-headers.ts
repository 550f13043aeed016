// The response headers that make the site cross-origin isolated (`crossOriginIsolated` true), which
// is what lets the WASM backend share memory between threads (src/model/wasm-threads.ts). The site
// loads nothing from other origins, so require-corp blocks nothing, and same-origin files need no
// Cross-Origin-Resource-Policy of their own (leaving it out keeps `?embed=1` embeddable).
// Sent by `npm start` / `vite preview` and the dev server (vite.config.ts); on static hosts that
// cannot set headers the site's own service worker adds them to what it serves (sw/isolation.ts,
// isolation-reload.ts; docs/hosting.md, "Cross-origin isolation").
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
