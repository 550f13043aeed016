// The offline service worker. Built on its own by vite/offline-plugin.ts into sw.js next to
// index.html (so its scope is the folder the site is served from, e.g. /project/), with the build's
// precache list inlined as __PRECACHE_MANIFEST__. No skipWaiting/clients.claim: a new build takes
// over once every tab of the old one is closed, so no open page ever has its files swapped.
// Everything it serves carries the cross-origin isolation headers (isolation.ts) unless the host
// sent them, so a static host that cannot send headers still gets a threaded WASM backend once
// the worker is installed (docs/hosting.md, "Cross-origin isolation"; the page's side is
// src/offline/isolation-reload.ts).
import type { PrecacheManifest } from '../precache-manifest';
import { withIsolationHeaders } from './isolation';
import { PrecacheIndex } from './routes';
import { cacheFirst, deleteOldCaches, networkFirst, precache } from './strategies';

declare const self: ServiceWorkerGlobalScope;
declare const __PRECACHE_MANIFEST__: PrecacheManifest;

const manifest = __PRECACHE_MANIFEST__;
// Cache names are shared by the whole origin: the scope in the name keeps two copies of the site
// (say /project/ and /project-staging/) from deleting each other's caches.
const prefix = `pathway-lens:${self.registration.scope}:`;
const cacheName = `${prefix}${manifest.version}`;
const index = new PrecacheIndex(new URL('./', self.location.href).href, manifest.files);

self.addEventListener('install', (event) => {
  event.waitUntil(precache(cacheName, index.urls()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOldCaches(prefix, cacheName));
});

self.addEventListener('fetch', (event) => {
  const route = index.route(event.request);
  if (route === null) return;
  const { request } = event;
  const answer =
    route.strategy === 'cache-first'
      ? cacheFirst(request, cacheName, route.cacheKey)
      : networkFirst(request, cacheName, route.cacheKey, route.timeoutMs);
  event.respondWith(answer.then(withIsolationHeaders));
});
