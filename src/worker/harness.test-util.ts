// The handlers behind a dispatcher on a small in-memory CNN, for the worker's Node tests.
import { createDispatcher } from './dispatcher';
import { emptyEngineState } from './engine-state';
import { createHandlers, type RuntimeDeps } from './handlers';
import type { FromWorker, RequestMessage, ToWorker } from './protocol';
import { buildTestModel, nodeBackendEnv } from './test-model.test-util';

export function handlerHarness(loader: RuntimeDeps['loader'] = async () => buildTestModel()) {
  const state = emptyEngineState();
  const handlers = createHandlers({ backendEnv: nodeBackendEnv, loader }, state);
  const received: FromWorker[] = [];
  const dispatcher = createDispatcher(handlers, (m) => received.push(m));
  let id = 0;
  const send = (m: Omit<RequestMessage, 'id' | 'type'>): number => {
    id += 1;
    dispatcher.onMessage({ type: 'request', id, ...m } as ToWorker);
    return id;
  };
  /** The final message (result, error or cancelled) of request `reqId`. */
  const answer = (reqId: number) =>
    received.find((m) => 'id' in m && m.id === reqId && m.type !== 'progress');
  return { state, dispatcher, received, send, answer };
}
