// The offline service worker. Built on its own by vite/offline-plugin.ts into sw.js next to
// index.html (so its scope is the folder the site is served from, e.g. /project/), with the build's
// precache list inlined as __PRECACHE_MANIFEST__. No skipWaiting/clients.claim: a new build takes
// over once every tab of the old one is closed, so no open page ever has its files swapped.
// Not yet: adding the cross-origin isolation headers to what it serves (for static hosts that
// cannot send them). Tried: with them, e2e/offline.spec.ts's sub-path test fails after the
// offline reload (the Fashion-MNIST gallery step), for a reason not found yet (docs/hosting.md).
import type { PrecacheManifest } from '../precache-manifest';
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
  event.respondWith(
    route.strategy === 'cache-first'
      ? cacheFirst(request, cacheName, route.cacheKey)
      : networkFirst(request, cacheName, route.cacheKey, route.timeoutMs),
  );
});
