// The main-thread fallback: behaves like a Worker (same dispatcher, same handlers, messages
// structured-cloned both ways so that transfer semantics match) but runs on this thread. Used when
// module workers are unavailable or the worker fails to start; the UI says so.
import type { WorkerLike } from './client';
import { createDispatcher, type Dispatcher } from './dispatcher';
// Types only: a value import of handlers.ts would pull TensorFlow.js into the main chunk.
import type { Handlers } from './handler-types';
import type { FromWorker, ToWorker } from './protocol';

export interface InProcessRuntime {
  handlers: Handlers;
  /** Frees the runtime's model and tensors when the fallback is terminated. */
  dispose?(): void;
}

export interface InProcessWorker extends WorkerLike {
  readonly runsOnMainThread: true;
}

export function createInProcessWorker(load: () => Promise<InProcessRuntime>): InProcessWorker {
  let dispatcher: Dispatcher | null = null;
  let runtime: InProcessRuntime | null = null;
  let terminated = false;
  const backlog: ToWorker[] = [];

  const deliver = (message: FromWorker, transfer: Transferable[]) => {
    if (terminated) return;
    const copy = structuredClone(message, { transfer });
    // Asynchronous like a real worker, so callers never see re-entrant callbacks.
    setTimeout(() => {
      if (!terminated) worker.onmessage?.({ data: copy } as MessageEvent<FromWorker>);
    }, 0);
  };

  const worker: InProcessWorker = {
    runsOnMainThread: true,
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message, transfer = []) {
      if (terminated) return;
      const copy = structuredClone(message, { transfer });
      if (dispatcher) dispatcher.onMessage(copy);
      else backlog.push(copy);
    },
    terminate() {
      terminated = true;
      // Nothing else will free the old session's model on this thread.
      runtime?.dispose?.();
    },
  };

  load().then(
    (loaded) => {
      if (terminated) return;
      runtime = loaded;
      dispatcher = createDispatcher(loaded.handlers, deliver);
      deliver({ type: 'ready' }, []);
      for (const message of backlog.splice(0)) dispatcher.onMessage(message);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      setTimeout(() => worker.onerror?.({ message } as ErrorEvent), 0);
    },
  );
  return worker;
}
