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
scope.postMessage({ type: 'ready' }, []);
