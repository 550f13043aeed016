// The Analyses area's wiring: store actions (requestRun, cancelRun) → this session module → the
// analyses' worker client, and the answers back into the run slots. The client is a fake that
// answers in whatever order the test says (it does not supersede by itself), so the session's own
// rules are what is tested: newest request per slot wins, cancel, throttled progress, stale drops.
import { describe, expect, it } from 'vitest';
import type { ImportanceResult } from '../../analysis/importance';
import { createAnalysesStore } from '../../state/analyses-store';
import { createAppStore } from '../../state/store';
import { modelSummary } from '../../model/summary.test-util';
import type { WorkerClient } from '../../worker/client';
import { CancelledError, SupersededError } from '../../worker/errors';
import { fakeFactory } from '../../worker/fake-worker.test-util';
import { WorkerClient as RealClient } from '../../worker/client';
import { channelOf, PROGRESS_INTERVAL_MS, startAnalysisRuns } from './analysis-requests';

interface Sent {
  op: string;
  params: unknown;
  options: { channel?: string; transfer?: unknown[]; onProgress?: (f: number, l: string) => void };
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A WorkerClient stand-in: records requests and settles them when the test says. */
class FakeClient {
  sent: Sent[] = [];
  cancelled: string[] = [];
  disposed = false;
  constructor(readonly runsOnMainThread = false) {}
  request(op: string, params: unknown, options: Sent['options'] = {}): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.sent.push({ op, params, options, resolve, reject }),
    );
  }
  cancel(channel: string): void {
    this.cancelled.push(channel);
    const last = this.runs()
      .filter((s) => s.options.channel === channel)
      .at(-1);
    last?.reject(new CancelledError(last.op));
  }
  dispose(): void {
    this.disposed = true;
  }
  /** The analysis requests (not init or loadModel). */
  runs(): Sent[] {
    return this.sent.filter((s) => s.op.startsWith('analysis'));
  }
  asClient(): WorkerClient {
    return this as unknown as WorkerClient;
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const image = () => new Float32Array(784);
const occlusion = (row: number) => ({
  image: image(),
  label: 3,
  patch: { row, col: 0, size: 8 },
  topM: 3,
});
/** A recognisable occlusion answer (only its identity matters here). */
const answer = (tag: number) => ({ tag }) as never;

function setup(options: { mainThread?: boolean; now?: () => number } = {}) {
  const app = createAppStore();
  app
    .getState()
    .patchModel({ status: 'ready', summary: modelSummary('http://x/models/a/model.json') });
  const analyses = createAnalysesStore();
  const session = new FakeClient(options.mainThread);
  const made: FakeClient[] = [];
  const runs = startAnalysisRuns({
    analyses,
    app,
    sessionClient: session.asClient(),
    createClient: () => {
      const c = new FakeClient();
      made.push(c);
      return c.asClient();
    },
    now: options.now,
  });
  const engine = () => made[0]!;
  return { app, analyses, session, made, engine, runs };
}

describe('analysis runs: store actions → session → worker', () => {
  it('starts the analyses’ own worker on the first request and sends the slot’s operation', () => {
    const { app, analyses, made, engine } = setup();
    app.getState().patchBackend({ requested: 'wasm' });
    expect(made).toHaveLength(0); // nothing until a run is asked for

    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    expect(made).toHaveLength(1);
    expect(engine().sent.map((s) => s.op)).toEqual(['init', 'loadModel', 'analysisOcclusion']);
    expect(engine().sent[0]!.params).toEqual({ backend: 'wasm' });
    expect(engine().sent[1]!.params).toEqual({ url: 'http://x/models/a/model.json' });
    const run = engine().runs()[0]!;
    expect(run.options.channel).toBe(channelOf('occlusion'));
    // No transfer list: the arrays are copied by postMessage, the caller's stay usable.
    expect(run.options.transfer).toBeUndefined();
    // The slot shows the request at once; the session took the command (the store keeps no params).
    const slot = analyses.getState().runs.occlusion;
    expect(slot).toMatchObject({ status: 'running', key: 'k1', label: 'Starting', command: null });

    analyses.getState().requestRun('movement', 'm1', { image: image(), label: 3, dx: 4, dy: 0 });
    expect(made).toHaveLength(1); // one worker for every slot, the model loaded once
    expect(engine().sent.filter((s) => s.op === 'loadModel')).toHaveLength(1);
  });

  it('writes the answer into the slot with the key it answers', async () => {
    const { analyses, engine } = setup();
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    engine().runs()[0]!.resolve(answer(1));
    await tick();
    expect(analyses.getState().runs.occlusion).toMatchObject({
      status: 'done',
      progress: 1,
      result: { tag: 1 },
      resultKey: 'k1',
    });
  });

  it('shows only the newest request’s answer when an older one arrives after it', async () => {
    const { analyses, engine } = setup();
    analyses.getState().requestRun('occlusion', 'old', occlusion(0));
    analyses.getState().requestRun('occlusion', 'new', occlusion(4));
    const [first, second] = engine().runs();

    first!.resolve(answer(1)); // the old answer first: not shown, still running for "new"
    await tick();
    expect(analyses.getState().runs.occlusion).toMatchObject({
      status: 'running',
      key: 'new',
      result: null,
    });

    second!.resolve(answer(2));
    await tick();
    expect(analyses.getState().runs.occlusion).toMatchObject({ result: { tag: 2 } });
  });

  it('drops an older answer that arrives last, even for the same key', async () => {
    const { analyses, engine } = setup();
    analyses.getState().requestRun('sampleSet', 'same', { set: labelled(), topM: 3 });
    analyses.getState().requestRun('sampleSet', 'same', { set: labelled(), topM: 3 });
    const [first, second] = engine().runs();
    second!.resolve(answer(2));
    await tick();
    first!.resolve(answer(1));
    await tick();
    expect(analyses.getState().runs.sampleSet).toMatchObject({
      status: 'done',
      result: { tag: 2 },
      resultKey: 'same',
    });
  });

  it('keeps slots independent', async () => {
    const { analyses, engine } = setup();
    analyses.getState().requestRun('occlusion', 'o', occlusion(0));
    analyses.getState().requestRun('movement', 'm', { image: image(), label: 3, dx: 4, dy: 0 });
    const [o, m] = engine().runs();
    m!.resolve(answer(2));
    o!.resolve(answer(1));
    await tick();
    expect(analyses.getState().runs.occlusion.result).toEqual({ tag: 1 });
    expect(analyses.getState().runs.movement.result).toEqual({ tag: 2 });
  });

  it('cancels: the worker is told, the slot says so, a late answer is not shown', async () => {
    const { analyses, engine } = setup();
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    const run = engine().runs()[0]!;
    analyses.getState().cancelRun('occlusion');
    expect(engine().cancelled).toEqual([channelOf('occlusion')]);
    expect(analyses.getState().runs.occlusion).toMatchObject({
      status: 'cancelled',
      command: null,
    });
    run.resolve(answer(1)); // already rejected by the fake's cancel: a no-op, as in a real client
    await tick();
    expect(analyses.getState().runs.occlusion).toMatchObject({ status: 'cancelled', result: null });

    // The same key again runs again (the user asked).
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    engine().runs()[1]!.resolve(answer(2));
    await tick();
    expect(analyses.getState().runs.occlusion).toMatchObject({
      status: 'done',
      result: { tag: 2 },
    });
  });

  it('drops the answers of the old model after a model change', async () => {
    const { analyses, engine } = setup();
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    analyses.getState().resetForModel();
    engine().runs()[0]!.resolve(answer(1));
    await tick();
    expect(analyses.getState().runs.occlusion).toMatchObject({ status: 'idle', result: null });
  });

  it('loads a new model into its worker before the next run', () => {
    const { app, analyses, engine } = setup();
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    app.getState().patchModel({ summary: modelSummary('http://x/models/b/model.json') });
    analyses.getState().requestRun('occlusion', 'k2', occlusion(0));
    expect(engine().sent.map((s) => s.op)).toEqual([
      'init',
      'loadModel',
      'analysisOcclusion',
      'loadModel',
      'analysisOcclusion',
    ]);
    expect(engine().sent[3]!.params).toEqual({ url: 'http://x/models/b/model.json' });
  });

  it('throttles progress, always shows the end, and ignores an old request’s progress', () => {
    let t = 1000;
    const { analyses, engine } = setup({ now: () => t });
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    const progress = engine().runs()[0]!.options.onProgress!;
    const shown = () => analyses.getState().runs.occlusion.progress;
    progress(0.1, 'Pathways');
    expect(analyses.getState().runs.occlusion).toMatchObject({ progress: 0.1, label: 'Pathways' });
    t += PROGRESS_INTERVAL_MS / 2;
    progress(0.2, 'Pathways');
    expect(shown()).toBe(0.1);
    t += PROGRESS_INTERVAL_MS;
    progress(0.3, 'Pathways');
    expect(shown()).toBe(0.3);
    progress(1, 'Done');
    expect(shown()).toBe(1);

    analyses.getState().requestRun('occlusion', 'k2', occlusion(4));
    t += PROGRESS_INTERVAL_MS * 2;
    progress(0.5, 'old');
    expect(shown()).toBe(0);
  });

  it('shows errors, but not those of a superseded request', async () => {
    const { analyses, engine } = setup();
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    engine().runs()[0]!.reject(new SupersededError('analysisOcclusion'));
    await tick();
    expect(analyses.getState().runs.occlusion.status).toBe('running');
    engine().runs()[0]!.reject(new Error('boom')); // settled already: nothing changes
    analyses.getState().requestRun('occlusion', 'k2', occlusion(4));
    engine().runs()[1]!.reject(new Error('The engine ran out of memory.'));
    await tick();
    expect(analyses.getState().runs.occlusion).toMatchObject({
      status: 'error',
      error: 'The engine ran out of memory.',
    });
  });

  it('says so when no model has loaded yet', async () => {
    const { app, analyses, made } = setup();
    app.getState().patchModel({ summary: null });
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    await tick();
    expect(analyses.getState().runs.occlusion).toMatchObject({
      status: 'error',
      error: 'The model has not loaded yet.',
    });
    expect(made).toHaveLength(1);
  });

  it('uses the session’s own client when it runs on the page’s thread', () => {
    const { analyses, session, made } = setup({ mainThread: true });
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    expect(made).toHaveLength(0);
    expect(session.runs().map((s) => s.op)).toEqual(['analysisOcclusion']);
    analyses.getState().cancelRun('occlusion');
    expect(session.cancelled).toEqual([channelOf('occlusion')]);
  });

  it('makes a recomputed importance the one shown, for the current model only', async () => {
    const { analyses, engine } = setup();
    const url = 'http://x/models/a/model.json';
    analyses.getState().patchImportance({ status: 'ready', modelUrl: url, origin: 'cache' });
    analyses.getState().requestRun('importance', `${url}|5`, { set: labelled(), source: 'g' });
    const recomputed = { version: 1, layers: [] } as unknown as ImportanceResult;
    engine().runs()[0]!.resolve(recomputed);
    await tick();
    expect(analyses.getState().importance).toMatchObject({
      status: 'ready',
      origin: 'recomputed',
      result: recomputed,
    });
  });

  it('takes a request made before it started, and stops', () => {
    const app = createAppStore();
    app.getState().patchModel({ summary: modelSummary('http://x/models/a/model.json') });
    const analyses = createAnalysesStore();
    analyses.getState().requestRun('occlusion', 'k1', occlusion(0));
    const engine = new FakeClient();
    const runs = startAnalysisRuns({
      analyses,
      app,
      sessionClient: new FakeClient().asClient(),
      createClient: () => engine.asClient(),
    });
    expect(engine.runs()).toHaveLength(1);
    runs.stop();
    expect(engine.disposed).toBe(true);
    analyses.getState().requestRun('occlusion', 'k2', occlusion(0));
    expect(engine.runs()).toHaveLength(1);
  });

  it('works through a real WorkerClient: one message per request on the slot’s channel', async () => {
    const { factory, made } = fakeFactory();
    const client = new RealClient(factory);
    made[0]!.send({ type: 'ready' });
    const app = createAppStore();
    app.getState().patchModel({ summary: modelSummary('http://x/models/a/model.json') });
    const analyses = createAnalysesStore();
    startAnalysisRuns({ analyses, app, sessionClient: client, createClient: () => client });
    const params = occlusion(0);
    analyses.getState().requestRun('occlusion', 'k1', params);
    const request = made[0]!.lastRequest();
    expect(request).toMatchObject({ op: 'analysisOcclusion', channel: channelOf('occlusion') });
    made[0]!.reply(request, answer(7));
    await tick();
    expect(analyses.getState().runs.occlusion).toMatchObject({
      status: 'done',
      result: { tag: 7 },
    });
    expect(params.image.byteLength).toBe(784 * 4); // not transferred away
  });
});

function labelled() {
  return { images: new Float32Array(2 * 784), labels: new Int32Array([0, 1]), count: 2 };
}
