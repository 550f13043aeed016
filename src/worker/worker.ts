// The model worker: a thin message loop over the shared handlers (see dispatcher.ts).
import { createDispatcher } from './dispatcher';
import type { FromWorker, ToWorker } from './protocol';
import { createBrowserRuntime } from './runtime';

// tsconfig includes both the DOM and WebWorker libraries; `self` is typed as Window there.
const scope = self as unknown as {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

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
