import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerClient, type ClientEvent } from './client';
import {
  CancelledError,
  RemoteError,
  SupersededError,
  TimeoutError,
  WorkerCrashedError,
  isSuperseded,
} from './errors';
import { fakeFactory } from './fake-worker.test-util';

const image = () => new Float32Array(784);
const prediction = { logits: null, probabilities: new Float32Array(10), classIndex: 3 };

afterEach(() => {
  vi.useRealTimers();
});

function setup(options: ConstructorParameters<typeof WorkerClient>[1] = {}) {
  const { factory, made } = fakeFactory();
  const client = new WorkerClient(factory, options);
  const events: ClientEvent[] = [];
  client.on((e) => events.push(e));
  const worker = () => made[made.length - 1]!;
  worker().send({ type: 'ready' });
  return { client, made, worker, events };
}

describe('WorkerClient', () => {
  it('resolves a request with the matching result', async () => {
    const { client, worker } = setup();
    const p = client.request('predict', { image: image() });
    const req = worker().lastRequest();
    expect(req).toMatchObject({ type: 'request', op: 'predict', channel: 'predict' });
    worker().reply(req, prediction);
    await expect(p).resolves.toEqual(prediction);
  });

  it('lets the newest request on a channel win and tells the worker to drop the old one', async () => {
    const { client, worker } = setup();
    const first = client.request('predict', { image: image() });
    const second = client.request('predict', { image: image() });
    await expect(first).rejects.toBeInstanceOf(SupersededError);
    const [r1, r2] = worker().requests();
    expect(worker().posted).toContainEqual({ type: 'cancel', id: r1!.id });
    // A late answer to the superseded request is ignored.
    worker().reply(r1!, { ...prediction, classIndex: 1 });
    worker().reply(r2!, prediction);
    await expect(second).resolves.toEqual(prediction);
    expect(isSuperseded(new SupersededError('x'))).toBe(true);
  });

  it('keeps channels independent', async () => {
    const { client, worker } = setup();
    const a = client.request('predict', { image: image() }, { channel: 'a' });
    const b = client.request('predict', { image: image() }, { channel: 'b' });
    const [ra, rb] = worker().requests();
    worker().reply(rb!, prediction);
    worker().reply(ra!, prediction);
    await expect(a).resolves.toEqual(prediction);
    await expect(b).resolves.toEqual(prediction);
  });

  it('cancels explicitly', async () => {
    const { client, worker } = setup();
    const p = client.request('predict', { image: image() });
    client.cancel('predict');
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(worker().posted.at(-1)).toEqual({ type: 'cancel', id: worker().lastRequest().id });
  });

  it('reports progress and remote errors', async () => {
    const { client, worker } = setup();
    const progress: number[] = [];
    const p = client.request(
      'loadModel',
      { url: 'http://x/model.json' },
      { onProgress: (f) => progress.push(f) },
    );
    const req = worker().lastRequest();
    worker().send({ type: 'progress', id: req.id, fraction: 0.5, label: 'Loading' });
    worker().send({
      type: 'error',
      id: req.id,
      error: { name: 'ModelValidationError', message: 'bad' },
    });
    await expect(p).rejects.toBeInstanceOf(RemoteError);
    await expect(p).rejects.toMatchObject({ name: 'ModelValidationError', message: 'bad' });
    expect(progress).toEqual([0.5]);
  });

  it('times out, then restarts the worker and replays the session', async () => {
    vi.useFakeTimers();
    const { client, made, worker, events } = setup({ defaultTimeoutMs: 1000 });
    void client.request('init', { backend: 'auto' }, { replay: true, channel: 'init' });
    worker().reply(worker().lastRequest(), {});
    void client.request('loadModel', { url: 'u' }, { replay: true, channel: 'model' });
    worker().reply(worker().lastRequest(), {});
    await Promise.resolve();
    const p = client.request('predict', { image: image() }, { timeoutMs: 500 });
    const assertion = expect(p).rejects.toBeInstanceOf(TimeoutError);
    vi.advanceTimersByTime(600);
    await assertion;
    expect(made).toHaveLength(2);
    expect(made[0]!.terminated).toBe(true);
    expect(
      worker()
        .requests()
        .map((r) => r.op),
    ).toEqual(['init', 'loadModel']);
    expect(events.map((e) => e.type)).toEqual(['restarting', 'restarted']);
  });

  it('restarts after a crash: rejects plain requests, carries the session over', async () => {
    const { client, made, worker, events } = setup();
    void client.request('init', { backend: 'wasm' }, { replay: true, channel: 'init' });
    worker().reply(worker().lastRequest(), { name: 'wasm' });
    const old = client.request('loadModel', { url: 'old' }, { replay: true, channel: 'model' });
    const oldRejected = expect(old).rejects.toBeInstanceOf(SupersededError);
    const newest = client.request('loadModel', { url: 'new' }, { replay: true, channel: 'model' });
    const pending = client.request('predict', { image: image() });
    worker().crash('kaboom');
    await expect(pending).rejects.toBeInstanceOf(WorkerCrashedError);
    await oldRejected;
    expect(made).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: 'restarting', reason: 'error: kaboom', attempt: 1 });
    // The fresh worker gets the session first: the backend, then the newest model.
    expect(
      worker()
        .requests()
        .map((r) => r.params),
    ).toEqual([{ backend: 'wasm' }, { url: 'new' }]);
    worker().send({ type: 'ready' });
    // The in-flight loadModel keeps its promise and settles with the new worker's answer.
    worker().reply(worker().requests()[1]!, { name: 'reloaded' });
    await expect(newest).resolves.toEqual({ name: 'reloaded' });
    const p = client.request('predict', { image: image() });
    worker().reply(worker().lastRequest(), prediction);
    await expect(p).resolves.toEqual(prediction);
  });

  it('reports a replay that fails after a restart', async () => {
    const { client, worker, events } = setup();
    const load = client.request('loadModel', { url: 'm' }, { replay: true, channel: 'model' });
    worker().reply(worker().lastRequest(), { name: 'm' });
    await load;
    worker().crash();
    const replay = worker().lastRequest();
    worker().send({ type: 'error', id: replay.id, error: { name: 'Error', message: 'gone' } });
    await Promise.resolve();
    expect(events.map((e) => e.type)).toEqual(['restarting', 'restarted', 'replay-failed']);
  });

  it('stops restarting after repeated crashes', async () => {
    const { client, worker, events } = setup({ maxCrashes: 2 });
    for (let i = 0; i < 3; i++) {
      worker().send({ type: 'ready' });
      worker().crash();
    }
    expect(events.at(-1)?.type).toBe('gave-up');
    await expect(client.request('predict', { image: image() })).rejects.toBeInstanceOf(
      WorkerCrashedError,
    );
  });

  it('switches to the fallback when the worker dies before it is ready', async () => {
    const primary = fakeFactory();
    const fallback = fakeFactory();
    const client = new WorkerClient(primary.factory, { fallbackFactory: fallback.factory });
    const events: ClientEvent[] = [];
    client.on((e) => events.push(e));
    const p = client.request('init', { backend: 'auto' }, { replay: true });
    primary.made[0]!.crash('module script failed');
    expect(events[0]).toMatchObject({ type: 'fallback' });
    expect(fallback.made).toHaveLength(1);
    const worker = fallback.made[0]!;
    expect(worker.requests().map((r) => r.op)).toEqual(['init']);
    worker.send({ type: 'ready' });
    worker.reply(worker.lastRequest(), { name: 'wasm' });
    await expect(p).resolves.toEqual({ name: 'wasm' });
  });

  it('rejects a request whose params cannot be posted without killing the worker', async () => {
    const { client, worker } = setup();
    worker().postMessage = () => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    };
    await expect(client.request('predict', { image: image() })).rejects.toThrow('cloned');
  });

  describe('watchdog (heartbeat)', () => {
    /** A client whose worker promised a heartbeat; `beat` sends one 'alive'. */
    function watched(options: ConstructorParameters<typeof WorkerClient>[1] = {}) {
      vi.useFakeTimers();
      const { factory, made } = fakeFactory();
      const client = new WorkerClient(factory, options);
      const events: ClientEvent[] = [];
      client.on((e) => events.push(e));
      made[0]!.send({ type: 'ready', heartbeatMs: 1000 });
      const beat = () => made[made.length - 1]!.send({ type: 'alive' });
      return { client, made, events, beat };
    }

    it('restarts a worker that falls silent mid-request within seconds, not at the timeout', async () => {
      const { client, made, events } = watched({ defaultTimeoutMs: 60_000 });
      const p = client.request('predict', { image: image() });
      const assertion = expect(p).rejects.toBeInstanceOf(WorkerCrashedError);
      vi.advanceTimersByTime(4_000);
      expect(made).toHaveLength(1); // 4 s of silence: still trusted
      vi.advanceTimersByTime(2_000);
      await assertion;
      expect(made).toHaveLength(2);
      expect(made[0]!.terminated).toBe(true);
      const restarting = events.find((e) => e.type === 'restarting');
      expect(restarting).toMatchObject({ reason: expect.stringContaining('no sign of life') });
    });

    it('never restarts a busy worker that keeps beating', () => {
      const { client, made, beat } = watched();
      void client.request('predict', { image: image() }).catch(() => undefined);
      for (let s = 0; s < 30; s++) {
        vi.advanceTimersByTime(1_000);
        beat();
      }
      expect(made).toHaveLength(1);
    });

    it('gives long work its own allowance; its progress counts as a sign of life', () => {
      const { client, made } = watched();
      const onProgress = vi.fn();
      void client
        .request('predict', { image: image() }, { stallMs: 30_000, onProgress })
        .catch(() => undefined);
      const id = made[0]!.lastRequest().id;
      vi.advanceTimersByTime(20_000);
      made[0]!.send({ type: 'progress', id, fraction: 0.5, label: 'half' });
      vi.advanceTimersByTime(25_000);
      expect(made).toHaveLength(1);
      expect(onProgress).toHaveBeenCalledWith(0.5, 'half');
      vi.advanceTimersByTime(6_000); // 31 s since the last progress
      expect(made).toHaveLength(2);
    });

    it('leaves an idle worker alone, and a worker without a heartbeat unwatched', () => {
      const idle = watched();
      vi.advanceTimersByTime(60_000);
      expect(idle.made).toHaveLength(1);
      const { client, made } = setup(); // 'ready' without heartbeatMs (e.g. the fallback)
      void client.request('predict', { image: image() }).catch(() => undefined);
      vi.advanceTimersByTime(30_000);
      expect(made).toHaveLength(1);
    });

    it('measures silence from the request when the worker was idle before it', () => {
      const { client, made } = watched();
      vi.advanceTimersByTime(10_000); // idle and silent (e.g. a background tab): no harm
      void client.request('predict', { image: image() }).catch(() => undefined);
      vi.advanceTimersByTime(3_000);
      made[0]!.reply(made[0]!.lastRequest(), prediction);
      vi.advanceTimersByTime(10_000);
      expect(made).toHaveLength(1);
    });
  });
});

describe('WorkerClient timings', () => {
  it("reports a request's life: sent, the worker's timings, answered", async () => {
    const { client, worker } = setup();
    const timings: unknown[] = [];
    const p = client.request('predict', { image: image() }, { onTiming: (t) => timings.push(t) });
    const req = worker().lastRequest();
    const timing = { received: 1, started: 2, finished: 3 };
    worker().send({ type: 'result', id: req.id, op: 'predict', result: prediction, timing });
    await p;
    expect(timings).toHaveLength(1);
    const t = timings[0] as Record<string, number>;
    expect(t).toMatchObject(timing);
    expect(t.answered).toBeGreaterThanOrEqual(t.sent!);
  });
});
