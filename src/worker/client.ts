// Promise client for the model worker: request ids, newest-request-wins per channel, explicit
// cancel, timeouts, progress callbacks, a watchdog on the worker's heartbeat, and restart after a
// crash or a hang with the session replayed.
import {
  CancelledError,
  RemoteError,
  SupersededError,
  TimeoutError,
  WorkerCrashedError,
} from './errors';
import { epochNow } from './clock';
import type { FromWorker, OpName, ParamsOf, ResultOf, ToWorker, WorkerTiming } from './protocol';

/** The part of a Worker the client uses; the fake worker in tests and the fallback implement it. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent | Event) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

const WATCHDOG_TICK_MS = 500;

export interface RequestOptions {
  /** Requests on one channel supersede each other (default: the op name). */
  channel?: string;
  timeoutMs?: number;
  onProgress?: (fraction: number, label: string) => void;
  /** Buffers the caller gives away (they are detached after sending). */
  transfer?: Transferable[];
  /**
   * Re-send this request (the newest one per channel) after a restart, before anything else:
   * for session state such as init and loadModel. Its params must not be transferred.
   */
  replay?: boolean;
  /**
   * How long the worker may stay silent (no heartbeat, progress or answer) while this request
   * is pending before it counts as hung and is restarted (default DEFAULT_STALL_MS). Long work
   * that reports progress between steps sets the longest step it may take.
   */
  stallMs?: number;
  /** Called with the request's timings just before its promise resolves (benchmarks). */
  onTiming?: (timing: RequestTiming) => void;
}

/**
 * A request's life in epoch milliseconds (clock.ts): posted here (`sent`), in the worker
 * (`received`, `started`, `finished`; absent when a worker does not report them) and its answer
 * back on this thread (`answered`).
 */
export interface RequestTiming extends Partial<WorkerTiming> {
  sent: number;
  answered: number;
}

/** Silence that marks a worker as dead or hung while quick requests wait (heartbeat: 1 s). */
export const DEFAULT_STALL_MS = 5_000;
/** For requests with long synchronous steps between progress reports (backend start, model
 * parse and warm-up, an analysis' batches). */
export const LONG_STEP_STALL_MS = 30_000;

export type ClientEvent =
  | { type: 'restarting'; reason: string; attempt: number }
  | { type: 'restarted'; reason: string }
  | { type: 'gave-up'; reason: string }
  | { type: 'fallback'; reason: string }
  | { type: 'replay-failed'; op: OpName; error: Error };

export interface ClientOptions {
  defaultTimeoutMs?: number;
  /** Used once, permanently, if the worker dies before it said 'ready' (failed to start). */
  fallbackFactory?: WorkerFactory;
  /** Crashes allowed within `crashWindowMs` before the client stops restarting. */
  maxCrashes?: number;
  crashWindowMs?: number;
  now?: () => number;
}

interface Pending {
  id: number;
  op: OpName;
  channel: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (fraction: number, label: string) => void;
  timer: ReturnType<typeof setTimeout> | null;
  replay: boolean;
  stallMs: number;
  sent: number;
  onTiming?: (timing: RequestTiming) => void;
}

interface ReplayEntry {
  op: OpName;
  params: unknown;
  options: RequestOptions;
}

export class WorkerClient {
  private worker: WorkerLike;
  private factory: WorkerFactory;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly latestByChannel = new Map<string, number>();
  private readonly replayLog = new Map<string, ReplayEntry>();
  private readonly listeners = new Set<(event: ClientEvent) => void>();
  private crashTimes: number[] = [];
  private ready = false;
  /** Set when the current worker promised a heartbeat ('ready' with heartbeatMs). */
  private heartbeat = false;
  private lastHeard = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private disposed = false;
  private gaveUp = false;
  private readonly options: Required<Omit<ClientOptions, 'fallbackFactory'>> & {
    fallbackFactory?: WorkerFactory;
  };

  constructor(factory: WorkerFactory, options: ClientOptions = {}) {
    this.factory = factory;
    this.options = {
      defaultTimeoutMs: options.defaultTimeoutMs ?? 60_000,
      maxCrashes: options.maxCrashes ?? 3,
      crashWindowMs: options.crashWindowMs ?? 60_000,
      now: options.now ?? (() => Date.now()),
      fallbackFactory: options.fallbackFactory,
    };
    this.worker = this.spawn();
  }

  /** Whether the current worker has announced itself (its code loaded and ran). */
  get isReady(): boolean {
    return this.ready;
  }

  /** True when requests run on this thread (the fallback) instead of in a worker. */
  get runsOnMainThread(): boolean {
    return (this.worker as { runsOnMainThread?: boolean }).runsOnMainThread === true;
  }

  /** Requests still waiting for an answer (diagnostics: src/app/session/diagnostics.ts). */
  get pendingCount(): number {
    return this.pending.size;
  }

  on(listener: (event: ClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  request<K extends OpName>(
    op: K,
    params: ParamsOf<K>,
    options: RequestOptions = {},
  ): Promise<ResultOf<K>> {
    if (this.disposed) return Promise.reject(new Error('The worker client was disposed.'));
    if (this.gaveUp) {
      return Promise.reject(
        new WorkerCrashedError('The model worker keeps crashing; reload the page.'),
      );
    }
    const channel = options.channel ?? op;
    this.supersede(channel);
    if (options.replay) this.replayLog.set(channel, { op, params, options });
    return this.send(op, params, channel, options) as Promise<ResultOf<K>>;
  }

  /** Cancels the pending request on `channel`, if any; its promise rejects with CancelledError. */
  cancel(channel: string): void {
    const id = this.latestByChannel.get(channel);
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (!pending) return;
    this.settle(pending, new CancelledError(pending.op));
    this.post({ type: 'cancel', id: pending.id });
  }

  /**
   * Terminates the worker and starts a fresh one. The session (the newest replay request per
   * channel: init, loadModel…) is re-sent first; a replay request that was still in flight keeps
   * its promise, which settles with the fresh worker's answer. Other pending requests reject
   * with WorkerCrashedError.
   */
  restart(reason: string): void {
    if (this.disposed) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.onmessageerror = null;
    this.worker.terminate();
    const carried = new Map<string, Pending>();
    for (const pending of [...this.pending.values()]) {
      if (pending.replay) {
        this.pending.delete(pending.id);
        if (pending.timer !== null) clearTimeout(pending.timer);
        carried.set(pending.channel, pending);
      } else {
        this.settle(pending, new WorkerCrashedError(`The model worker stopped (${reason}).`));
      }
    }
    this.worker = this.spawn();
    for (const [channel, entry] of this.replayLog) {
      const waiting = carried.get(channel);
      const answer = this.send(entry.op, entry.params, channel, entry.options);
      if (waiting) {
        answer.then(waiting.resolve, waiting.reject);
      } else {
        answer.catch((error: Error) => {
          // A superseded replay is not news; anything else is.
          if (!(error instanceof SupersededError)) {
            this.emit({ type: 'replay-failed', op: entry.op, error });
          }
        });
      }
    }
    this.emit({ type: 'restarted', reason });
  }

  dispose(): void {
    this.disposed = true;
    this.watch();
    this.worker.terminate();
    for (const pending of [...this.pending.values()]) {
      this.settle(pending, new CancelledError(pending.op));
    }
    this.listeners.clear();
  }

  private supersede(channel: string): void {
    const previous = this.latestByChannel.get(channel);
    const pending = previous === undefined ? undefined : this.pending.get(previous);
    if (!pending) return;
    this.settle(pending, new SupersededError(pending.op));
    // The worker supersedes by channel itself; the explicit cancel also stops queued replays.
    this.post({ type: 'cancel', id: pending.id });
  }

  private send(
    op: OpName,
    params: unknown,
    channel: string,
    options: RequestOptions,
  ): Promise<unknown> {
    const id = this.nextId++;
    this.latestByChannel.set(channel, id);
    return new Promise((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
      const pending: Pending = {
        id,
        op,
        channel,
        resolve,
        reject,
        onProgress: options.onProgress,
        timer: null,
        replay: options.replay === true,
        stallMs: options.stallMs ?? DEFAULT_STALL_MS,
        sent: epochNow(),
        onTiming: options.onTiming,
      };
      if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
        pending.timer = setTimeout(() => this.onTimeout(pending, timeoutMs), timeoutMs);
      }
      if (this.pending.size === 0) this.lastHeard = this.options.now();
      this.pending.set(id, pending);
      this.watch();
      const message = { type: 'request', id, op, channel, params } as ToWorker;
      this.post(message, options.transfer);
    });
  }

  private post(message: ToWorker, transfer?: Transferable[]): void {
    try {
      this.worker.postMessage(message, transfer ?? []);
    } catch (error) {
      // DataCloneError and the like belong to this one request, not to the worker.
      if (message.type === 'request') {
        const pending = this.pending.get(message.id);
        if (pending)
          this.settle(pending, error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  /** Runs the watchdog while requests wait on a worker that sends heartbeats. */
  private watch(): void {
    const needed = this.heartbeat && this.pending.size > 0 && !this.disposed;
    if (needed && this.watchdog === null) {
      this.watchdog = setInterval(() => this.checkAlive(), WATCHDOG_TICK_MS);
    } else if (!needed && this.watchdog !== null) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
  }

  private checkAlive(): void {
    let allowed = 0;
    for (const pending of this.pending.values()) allowed = Math.max(allowed, pending.stallMs);
    const silent = this.options.now() - this.lastHeard;
    if (this.pending.size > 0 && silent > allowed) {
      this.onCrash(`it gave no sign of life for ${Math.round(silent / 1000)} s`);
    }
    this.watch();
  }

  private settle(pending: Pending, outcome: { value: unknown } | Error): void {
    if (!this.pending.delete(pending.id)) return;
    this.watch();
    if (pending.timer !== null) clearTimeout(pending.timer);
    if (this.latestByChannel.get(pending.channel) === pending.id) {
      this.latestByChannel.delete(pending.channel);
    }
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome.value);
  }

  private onTimeout(pending: Pending, ms: number): void {
    this.settle(pending, new TimeoutError(pending.op, ms));
    // The queue is serial: a request that never answers blocks every later one, so the worker
    // is treated as hung.
    this.onCrash(`a ${pending.op} request timed out`);
  }

  private spawn(): WorkerLike {
    this.ready = false;
    this.heartbeat = false;
    this.watch();
    const worker = this.factory();
    worker.onmessage = (event) => this.onMessage(event.data);
    worker.onerror = (event) => {
      // An error inside a module worker fires here with a message; a failed script load
      // fires a bare Event. Either way, the worker is no longer trustworthy.
      if ('preventDefault' in event) event.preventDefault();
      const message = (event as ErrorEvent).message;
      this.onCrash(message ? `error: ${message}` : 'the worker failed');
    };
    worker.onmessageerror = () => this.onCrash('a message could not be decoded');
    return worker;
  }

  private onMessage(message: FromWorker): void {
    this.lastHeard = this.options.now();
    if (message.type === 'ready') {
      this.ready = true;
      this.heartbeat = message.heartbeatMs !== undefined;
      this.watch();
      return;
    }
    if (message.type === 'alive') return;
    const pending = this.pending.get(message.id);
    if (!pending) return; // Stale: superseded, cancelled or timed out already.
    switch (message.type) {
      case 'progress':
        pending.onProgress?.(message.fraction, message.label);
        return;
      case 'result':
        pending.onTiming?.({ ...message.timing, sent: pending.sent, answered: epochNow() });
        this.settle(pending, { value: message.result });
        return;
      case 'error':
        this.settle(pending, new RemoteError(message.error));
        return;
      case 'cancelled':
        this.settle(pending, new CancelledError(pending.op));
        return;
    }
  }

  private onCrash(reason: string): void {
    if (this.disposed || this.gaveUp) return;
    if (!this.ready && this.options.fallbackFactory) {
      // The worker never started (e.g. module workers unsupported): run on this thread instead.
      this.factory = this.options.fallbackFactory;
      this.options.fallbackFactory = undefined;
      this.emit({ type: 'fallback', reason });
      this.restart(reason);
      return;
    }
    const now = this.options.now();
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < this.options.crashWindowMs), now];
    if (this.crashTimes.length > this.options.maxCrashes) {
      this.gaveUp = true;
      this.worker.terminate();
      for (const pending of [...this.pending.values()]) {
        this.settle(pending, new WorkerCrashedError(`The model worker stopped (${reason}).`));
      }
      this.emit({ type: 'gave-up', reason });
      return;
    }
    this.emit({ type: 'restarting', reason, attempt: this.crashTimes.length });
    this.restart(reason);
  }

  private emit(event: ClientEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
