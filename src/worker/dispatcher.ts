// The worker's message loop: runs requests one at a time (TensorFlow.js work is serial anyway),
// drops or stops work that a newer request on the same channel superseded, and posts results
// with their typed-array buffers transferred. Every result carries when its request was received,
// started and finished (protocol.ts, WorkerTiming). Shared by the worker and the main-thread
// fallback.
import { epochNow } from './clock';
import { serializeError } from './errors';
import type { HandlerContext, Handlers } from './handler-types';
import type { FromWorker, RequestMessage, ToWorker, WorkerTiming } from './protocol';
import { collectTransferables } from './transfer';

export type Post = (message: FromWorker, transfer: Transferable[]) => void;

interface Job {
  request: RequestMessage;
  controller: AbortController;
  received: number;
}

export interface Dispatcher {
  onMessage(message: ToWorker): void;
  /** Resolves when the queue is empty (tests). */
  idle(): Promise<void>;
}

export function createDispatcher(
  handlers: Handlers,
  post: Post,
  now: () => number = epochNow,
): Dispatcher {
  const queue: Job[] = [];
  let running: Job | null = null;
  let idleWaiters: Array<() => void> = [];

  function dropQueued(predicate: (job: Job) => boolean): void {
    for (let i = queue.length - 1; i >= 0; i--) {
      const job = queue[i] as Job;
      if (!predicate(job)) continue;
      queue.splice(i, 1);
      post({ type: 'cancelled', id: job.request.id }, []);
    }
  }

  function abortRunning(predicate: (job: Job) => boolean): void {
    if (running && predicate(running)) running.controller.abort();
  }

  async function runJob(job: Job): Promise<void> {
    const { request, controller } = job;
    const started = now();
    const ctx: HandlerContext = {
      signal: controller.signal,
      progress(fraction, label) {
        if (!controller.signal.aborted)
          post({ type: 'progress', id: request.id, fraction, label }, []);
      },
    };
    // The correlation between op and params is checked by RequestMessage; TypeScript cannot
    // follow it through the lookup, hence the one widening here.
    const handler = handlers[request.op] as (p: unknown, c: HandlerContext) => Promise<unknown>;
    try {
      const result = await handler(request.params, ctx);
      if (controller.signal.aborted) {
        post({ type: 'cancelled', id: request.id }, []);
        return;
      }
      const timing: WorkerTiming = { received: job.received, started, finished: now() };
      const message = {
        type: 'result',
        id: request.id,
        op: request.op,
        result,
        timing,
      } as FromWorker;
      post(message, collectTransferables(result));
    } catch (error) {
      if (controller.signal.aborted) post({ type: 'cancelled', id: request.id }, []);
      else post({ type: 'error', id: request.id, error: serializeError(error) }, []);
    }
  }

  async function pump(): Promise<void> {
    if (running) return;
    while (queue.length > 0) {
      running = queue.shift() as Job;
      await runJob(running);
      running = null;
    }
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return {
    onMessage(message) {
      if (message.type === 'cancel') {
        dropQueued((job) => job.request.id === message.id);
        abortRunning((job) => job.request.id === message.id);
        return;
      }
      const sameChannel = (job: Job) => job.request.channel === message.channel;
      dropQueued(sameChannel);
      abortRunning(sameChannel);
      queue.push({ request: message, controller: new AbortController(), received: now() });
      void pump();
    },
    idle() {
      if (!running && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
