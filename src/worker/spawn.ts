// Creates the app's worker client: a module worker when possible, else the main-thread fallback.
import { WorkerClient, type WorkerLike } from './client';
import { createInProcessWorker } from './in-process';

function mainThreadWorker(): WorkerLike {
  return createInProcessWorker(() => import('./runtime').then((m) => m.createBrowserRuntime()));
}

function moduleWorker(): WorkerLike {
  // This exact `new Worker(new URL(...), { type: 'module' })` form is what Vite bundles.
  return new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'pathway-lens-model',
  }) as unknown as WorkerLike;
}

export function createModelWorkerClient(): WorkerClient {
  const factory = () => {
    if (typeof Worker === 'undefined') return mainThreadWorker();
    try {
      return moduleWorker();
    } catch {
      return mainThreadWorker();
    }
  };
  return new WorkerClient(factory, { fallbackFactory: mainThreadWorker });
}
