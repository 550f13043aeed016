import { describe, expect, it } from 'vitest';
import type { ImportanceResult } from '../../analysis/importance';
import { checkImportance, importanceUrl } from '../../app/session/analysis-importance';
import { mostChanged } from './MapSizeBars';
import { firstPerClass } from './sample-sets';
import { importantMapIds } from './use-important-map-ids';

const importance: ImportanceResult = {
  version: 1,
  sampleSize: 10,
  baselineAccuracy: 0.9,
  baselineProbability: 0.8,
  rankBy: 'probability',
  layers: [
    {
      layer: 0,
      name: 'conv1',
      kind: 'conv',
      channels: 3,
      accuracyDrop: [0, 0.1, 0.2],
      probabilityDrop: [0.01, 0.1, 0.3],
      ranking: [2, 1, 0],
    },
    {
      layer: 1,
      name: 'pool1',
      kind: 'pool',
      channels: 3,
      accuracyDrop: [0, 0.1, 0.2],
      probabilityDrop: [0.01, 0.1, 0.3],
      ranking: [2, 1, 0],
    },
  ],
};

const summary = {
  layers: [
    { name: 'conv1', className: 'Conv2D', outputShape: [28, 28, 3], parameterCount: 30 },
    { name: 'pool1', className: 'MaxPooling2D', outputShape: [14, 14, 3], parameterCount: 0 },
  ],
};

describe('important maps for the Sankey', () => {
  it('lists the top-m maps of every layer as Sankey node ids', () => {
    expect([...importantMapIds(importance, 2)]).toEqual([
      'conv1:2',
      'conv1:1',
      'pool1:2',
      'pool1:1',
    ]);
    expect(importantMapIds(importance, 0).size).toBe(0);
  });
});

describe('the cached importance file', () => {
  it('is accepted when its layers match the model', () => {
    expect(checkImportance(importance, summary)).toEqual({ ok: true, result: importance });
  });

  it('is rejected when a layer name or map count differs, or it is malformed', () => {
    const renamed = { ...importance, layers: [{ ...importance.layers[0]!, name: 'convX' }] };
    expect(checkImportance(renamed, summary)).toMatchObject({ ok: false });
    const wider = { ...importance, layers: [{ ...importance.layers[0]!, channels: 4 }] };
    expect(checkImportance(wider, summary)).toMatchObject({ ok: false });
    expect(checkImportance('nope', summary)).toMatchObject({ ok: false });
    expect(checkImportance({ version: 2, layers: [] }, summary)).toMatchObject({ ok: false });
  });

  it('lives next to model.json', () => {
    expect(importanceUrl('http://x/app/models/mnist/model.json')).toBe(
      'http://x/app/models/mnist/importance.json',
    );
  });
});

describe('gallery subsets and attack highlights', () => {
  it('takes the first n samples of each class, class by class', () => {
    expect(firstPerClass([1, 0, 1, 0, 0, 2], 3, 2)).toEqual([1, 3, 0, 2, 5]);
  });

  it('finds the maps the attack changed most', () => {
    expect(mostChanged([0.5, 0.3, 0.2], [0.2, 0.3, 0.5], 2)).toEqual([0, 2]);
  });
});
