// Registers the offline service worker (sw.js, emitted next to index.html by the build) with the
// page's own folder as its scope, so a copy hosted under /project/ caches only /project/. Once it
// is active, a first visit on a host without isolation headers may reload once to be isolated by
// it (isolation-reload.ts).
import { browserIsolationReload } from './isolation-reload';
import { SERVICE_WORKER_FILE } from './precache-manifest';

/** What registration touches, injectable for tests. */
export interface RegisterEnv {
  /** False under the dev server: its modules are not the build's, and a worker would cache them. */
  production: boolean;
  baseURI: string;
  serviceWorker:
    | (Pick<ServiceWorkerContainer, 'register'> & Partial<Pick<ServiceWorkerContainer, 'ready'>>)
    | undefined;
  /** Runs the callback once the page has loaded. */
  afterLoad: (run: () => void) => void;
  warn: (message: string, error: unknown) => void;
  /** Runs once the registered worker is active (the page may reload to be isolated). */
  onActive?: () => void;
}

export function registerServiceWorker(env: RegisterEnv): void {
  const container = env.serviceWorker;
  if (!env.production || !container) return;
  const scope = new URL('./', env.baseURI);
  const script = new URL(SERVICE_WORKER_FILE, scope);
  // After load: the install downloads the whole site, which must not slow the first paint.
  env.afterLoad(() => {
    container.register(script, { scope: scope.href }).then(
      () => {
        // `ready`: the registration of this page's scope has an active worker.
        if (env.onActive) void container.ready?.then(() => env.onActive?.());
      },
      (error: unknown) => {
        // Offline use is an extra: the page works the same without it.
        env.warn('Offline support is unavailable: the service worker did not register.', error);
      },
    );
  });
}

export function browserRegisterEnv(): RegisterEnv {
  const onActive = browserIsolationReload();
  return {
    production: import.meta.env.PROD,
    baseURI: document.baseURI,
    serviceWorker: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
    afterLoad: (run) => {
      if (document.readyState === 'complete') run();
      else window.addEventListener('load', run, { once: true });
    },
    warn: (message, error) => console.warn(message, error),
    onActive: () => void onActive(),
  };
}
