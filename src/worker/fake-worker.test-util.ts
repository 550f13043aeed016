// A scriptable stand-in for a Worker, for client tests: records what was posted and lets the test
// answer, fail or crash it.
import type { WorkerLike } from './client';
import type { FromWorker, RequestMessage, ToWorker } from './protocol';

export class FakeWorker implements WorkerLike {
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent | Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;

  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  requests(): RequestMessage[] {
    return this.posted.filter((m): m is RequestMessage => m.type === 'request');
  }

  lastRequest(): RequestMessage {
    const all = this.requests();
    const last = all[all.length - 1];
    if (!last) throw new Error('no request posted');
    return last;
  }

  send(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }

  reply(request: RequestMessage, result: unknown): void {
    this.send({ type: 'result', id: request.id, op: request.op, result } as FromWorker);
  }

  crash(message = 'boom'): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

/** A factory that records every worker it made. */
export function fakeFactory(): { factory: () => FakeWorker; made: FakeWorker[] } {
  const made: FakeWorker[] = [];
  return {
    made,
    factory: () => {
      const w = new FakeWorker();
      made.push(w);
      return w;
    },
  };
}
