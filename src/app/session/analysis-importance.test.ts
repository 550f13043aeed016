import { describe, expect, it } from 'vitest';
import type { ImportanceResult } from '../../analysis/importance';
import type { ModelSummary } from '../../model/summary-types';
import { createAnalysesStore } from '../../state/analyses-store';
import { createAppStore } from '../../state/store';
import { checkImportance, importanceUrl, startImportanceLoader } from './analysis-importance';

const layer = (index: number, name: string, kind: 'conv' | 'pool') => ({
  layer: index,
  name,
  kind,
  channels: 3,
  accuracyDrop: [0, 0.1, 0.2],
  probabilityDrop: [0.01, 0.1, 0.3],
  ranking: [2, 1, 0],
});

const importance: ImportanceResult = {
  version: 1,
  sampleSize: 10,
  baselineAccuracy: 0.9,
  baselineProbability: 0.8,
  rankBy: 'probability',
  layers: [layer(0, 'conv1', 'conv'), layer(1, 'pool1', 'pool')],
};

const layers = [
  { name: 'conv1', className: 'Conv2D', outputShape: [28, 28, 3], parameterCount: 30 },
  { name: 'pool1', className: 'MaxPooling2D', outputShape: [14, 14, 3], parameterCount: 0 },
];

describe('the cached importance file', () => {
  it('is accepted when its layers match the model', () => {
    expect(checkImportance(importance, { layers })).toEqual({ ok: true, result: importance });
  });

  it('is rejected when a layer name or map count differs, or it is malformed', () => {
    const renamed = { ...importance, layers: [{ ...importance.layers[0]!, name: 'convX' }] };
    expect(checkImportance(renamed, { layers })).toMatchObject({ ok: false });
    const wider = { ...importance, layers: [{ ...importance.layers[0]!, channels: 4 }] };
    expect(checkImportance(wider, { layers })).toMatchObject({ ok: false });
    expect(checkImportance('nope', { layers })).toMatchObject({ ok: false });
    expect(checkImportance({ version: 2, layers: [] }, { layers })).toMatchObject({ ok: false });
  });

  it('lives next to model.json', () => {
    expect(importanceUrl('http://x/app/models/mnist/model.json')).toBe(
      'http://x/app/models/mnist/importance.json',
    );
  });
});

const summary = (url: string) => ({ url, layers }) as unknown as ModelSummary;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(respond: (url: string) => Response | Promise<Response>) {
  const app = createAppStore();
  const analyses = createAnalysesStore();
  const fetched: string[] = [];
  const fetcher = ((url: string) => {
    fetched.push(url);
    return Promise.resolve(respond(url));
  }) as typeof fetch;
  startImportanceLoader(app, analyses, fetcher);
  return { app, analyses, fetched };
}

describe('the importance loader (session)', () => {
  it('loads the cache once a model is known, and again after requestImportance', async () => {
    const { app, analyses, fetched } = setup(() => Response.json(importance));
    expect(fetched).toEqual([]); // no model yet
    app.getState().patchModel({ summary: summary('http://x/models/a/model.json') });
    expect(analyses.getState().importance.status).toBe('loading');
    await tick();
    expect(analyses.getState().importance).toMatchObject({
      status: 'ready',
      origin: 'cache',
      modelUrl: 'http://x/models/a/model.json',
      result: importance,
    });
    expect(fetched).toEqual(['http://x/models/a/importance.json']);

    analyses.getState().patchImportance({ origin: 'recomputed' });
    analyses.getState().requestImportance();
    await tick();
    expect(analyses.getState().importance).toMatchObject({ status: 'ready', origin: 'cache' });
    expect(fetched).toHaveLength(2);
  });

  it('says when the model has no cache or it does not fit', async () => {
    const missing = setup(() => new Response('', { status: 404 }));
    missing.app.getState().patchModel({ summary: summary('http://x/models/a/model.json') });
    await tick();
    expect(missing.analyses.getState().importance.status).toBe('missing');

    const wrong = setup(() => Response.json({ ...importance, layers: [layer(0, 'x', 'conv')] }));
    wrong.app.getState().patchModel({ summary: summary('http://x/models/a/model.json') });
    await tick();
    expect(wrong.analyses.getState().importance).toMatchObject({ status: 'error' });
    expect(wrong.analyses.getState().importance.error).toMatch(
      /^The cached importance was ignored/,
    );
  });

  it('drops the answer for a model that is no longer current', async () => {
    let answer: (r: Response) => void = () => undefined;
    const { app, analyses } = setup(() => new Promise<Response>((resolve) => (answer = resolve)));
    app.getState().patchModel({ summary: summary('http://x/models/a/model.json') });
    app.getState().patchModel({ summary: null }); // another model is loading
    analyses.getState().resetForModel(); // what a model change does (analysis-sync.ts)
    answer(Response.json(importance));
    await tick();
    expect(analyses.getState().importance).toMatchObject({ status: 'idle', result: null });
  });
});
