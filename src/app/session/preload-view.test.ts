// public/preload-view.js asks early for what the app will fetch for the link's view; it is a
// classic script outside the bundle, so this runs it against the app's own choices.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_ID, MODEL_REGISTRY, samplePaths } from '../../model/registry';
import { PRECOMPUTED_FILES } from './precomputed';

const script = readFileSync(new URL('../../../public/preload-view.js', import.meta.url), 'utf8');

interface Preload {
  rel?: string;
  as?: string;
  crossOrigin?: string;
  href?: string;
}

function preloadsFor(search: string): Preload[] {
  const links: Preload[] = [];
  const document = {
    createElement: () => ({}),
    head: { appendChild: (l: Preload) => links.push(l) },
  };
  new Function('location', 'document', 'URLSearchParams', script)(
    { search },
    document,
    URLSearchParams,
  );
  return links;
}

const expected = (id: (typeof MODEL_REGISTRY)[number]['id'], withExample = true) => {
  const paths = samplePaths(id);
  const example = withExample ? PRECOMPUTED_FILES[id] : undefined;
  return [paths.meta, paths.bin, ...(example ? [example] : [])];
};

describe('the early preloads of public/preload-view.js', () => {
  it("ask for each built-in model's gallery and precomputed example, as the app will", () => {
    for (const { id } of MODEL_REGISTRY)
      expect(preloadsFor(`?model=${id}&px=3,4`).map((l) => l.href)).toEqual(expected(id));
    expect(preloadsFor('').map((l) => l.href)).toEqual(expected(DEFAULT_MODEL_ID));
  });

  it('are fetch preloads a same-origin fetch() takes (no second download)', () => {
    for (const link of preloadsFor('?model=mnist'))
      expect(link).toMatchObject({ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
  });

  it('leave out the example for an image from the link, and everything for an own model', () => {
    expect(preloadsFor('?model=mnist&img=abc').map((l) => l.href)).toEqual(
      expected('mnist', false),
    );
    expect(preloadsFor('?modelUrl=https://example.org/m/model.json')).toEqual([]);
    expect(preloadsFor('?localModel=3f2a9c0d1e4b5a69')).toEqual([]);
    // An unknown model is the app's default one after a notice: nothing is guessed.
    expect(preloadsFor('?model=resnet')).toEqual([]);
  });
});
