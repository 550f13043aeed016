import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { validateModel } from '../model/validate';
import { describeModel, type LoadedModel } from '../model/load';
import { ModelCache } from './model-cache';
import { buildTestModel } from './test-model.test-util';

function loaded(url: string): LoadedModel {
  const model = buildTestModel();
  const names = { classNames: [], classNamesSource: 'default' as const };
  return { model, summary: { ...validateModel(describeModel(model, url)), ...names } };
}

/** A disposed model's weights refuse to be read. */
function isDisposed(entry: LoadedModel): boolean {
  try {
    return entry.model.layers.some((l) => l.weights.some((w) => w.read().isDisposed));
  } catch {
    return true;
  }
}

describe('ModelCache', () => {
  it('returns a kept model and disposes the least recently used beyond its capacity', () => {
    const cache = new ModelCache(2);
    const a = loaded('a');
    const b = loaded('b');
    const c = loaded('c');
    cache.keep('a', a, a.model);
    cache.keep('b', b, b.model);
    expect(cache.take('a')).toBe(a); // a is now the most recent
    cache.keep('c', c, c.model);
    expect(cache.size).toBe(2);
    expect(cache.take('b')).toBeUndefined();
    expect(isDisposed(b)).toBe(true);
    expect(isDisposed(a)).toBe(false);
    cache.clear();
    expect(isDisposed(a) && isDisposed(c)).toBe(true);
  });

  it('never evicts the model in use', () => {
    const cache = new ModelCache(1);
    const a = loaded('a');
    const b = loaded('b');
    cache.keep('a', a, a.model);
    cache.keep('b', b, a.model); // b loaded while a is still shown
    expect(isDisposed(a)).toBe(false);
    cache.clear();
  });
});
