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

/** Runs the script on a stand-in page; `note` is the loading words of index.html, if still there. */
function run(search: string, note: { textContent: string } | null = null) {
  const links: Preload[] = [];
  const timers: Array<{ callback: () => void; ms: number }> = [];
  const document = {
    createElement: () => ({}),
    head: { appendChild: (l: Preload) => links.push(l) },
    querySelector: (selector: string) => (selector === '.boot-note' ? note : null),
  };
  const setTimeout = (callback: () => void, ms: number) => timers.push({ callback, ms });
  new Function('location', 'document', 'URLSearchParams', 'setTimeout', script)(
    { search },
    document,
    URLSearchParams,
    setTimeout,
  );
  return { links, timers };
}

const preloadsFor = (search: string): Preload[] => run(search).links;

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

  it("leave the benchmark's baseline (?perf=baseline) as it was before them", () => {
    expect(preloadsFor('?perf=baseline&threads=1')).toEqual([]);
    expect(preloadsFor('?perf=other').map((l) => l.href)).toEqual(expected(DEFAULT_MODEL_ID));
  });

  it("say that the app has not started when index.html's loading words are still there", () => {
    const note = { textContent: 'Loading Pathway Lens…' };
    const { timers } = run('?model=mnist', note);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBeGreaterThanOrEqual(10_000);
    timers[0]!.callback();
    expect(note.textContent).toMatch(/has not started\. Reload the page/);
    // Once the app has rendered, the words are gone and nothing is written.
    expect(() => run('?model=mnist', null).timers[0]!.callback()).not.toThrow();
  });
});
