// The model worker: a thin message loop over the shared handlers (see dispatcher.ts).
import { createDispatcher } from './dispatcher';
import type { FromWorker, ToWorker } from './protocol';
import { createBrowserRuntime } from './runtime';

// tsconfig includes both the DOM and WebWorker libraries; `self` is typed as Window there.
const scope = self as unknown as {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
};

// A superseded model load aborts its downloads; tfjs's download-progress monitor (tfjs-core
// io/progress.js) chains a .then() without a catch on every fetch, so each aborted shard left an
// "Uncaught (in promise) AbortError" behind (found by the soak, docs/reliability.md). Aborts are
// always ours (a newer request or a cancel): nothing to report.
scope.addEventListener('unhandledrejection', (event) => {
  if ((event.reason as { name?: unknown } | null)?.name === 'AbortError') event.preventDefault();
});

const { handlers } = createBrowserRuntime();
const dispatcher = createDispatcher(handlers, (message, transfer) =>
  scope.postMessage(message, transfer),
);
scope.onmessage = (event) => dispatcher.onMessage(event.data);
// A heartbeat from the event loop: it stops when the worker closes itself, is killed or spins in
// a loop, which is how the client notices within seconds instead of at a request's timeout.
const HEARTBEAT_MS = 1000;
setInterval(() => scope.postMessage({ type: 'alive' }, []), HEARTBEAT_MS);
scope.postMessage({ type: 'ready', heartbeatMs: HEARTBEAT_MS }, []);
