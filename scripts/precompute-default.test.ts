// The shipped first-paint examples (public/precomputed/<model>-default.json) must equal a fresh
// computation with the shipped model, so it cannot go stale silently: after retraining or
// changing the default sample this fails until `npm run precompute` is run again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSankeyGraph } from '../src/layout/sankey-graph';
import type { PrecomputedFile } from '../src/lib/precomputed';
import { parsePrecomputed } from '../src/lib/precomputed-parse';
import { computeDefaultExample, precomputedFileName, PRECOMPUTED_MODELS } from './lib/precompute';
import { REPO_ROOT } from './lib/shipped';

const shippedFile = (id: (typeof PRECOMPUTED_MODELS)[number]) =>
  JSON.parse(
    readFileSync(join(REPO_ROOT, 'public', 'precomputed', precomputedFileName(id)), 'utf8'),
  ) as PrecomputedFile;

/** Every number in a, b (same structure), compared with a relative float32-and-rounding bound. */
function compare(a: unknown, b: unknown, where: string, out: string[]): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-6 + 1e-4 * Math.max(Math.abs(a), Math.abs(b))) {
      out.push(`${where}: shipped ${a}, fresh ${b}`);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${where}: length ${a.length} vs ${b.length}`);
    else a.forEach((v, i) => compare(v, b[i], `${where}[${i}]`, out));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      compare(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${where}.${k}`,
        out,
      );
    }
    return;
  }
  if (a !== b) out.push(`${where}: shipped ${String(a)}, fresh ${String(b)}`);
}

describe.each(PRECOMPUTED_MODELS)('public/precomputed/%s-default.json', (id) => {
  const shipped = shippedFile(id);
  it('equals a fresh computation with the shipped model', async () => {
    const fresh = await computeDefaultExample(id);
    const { maxConservationError: _shippedError, ...shippedResult } = shipped.result;
    const { maxConservationError: _freshError, ...freshResult } = fresh.result;
    const differences: string[] = [];
    compare(
      { ...shipped, result: shippedResult },
      { ...fresh, result: freshResult },
      'file',
      differences,
    );
    expect(differences.slice(0, 10), 'run `npm run precompute` to refresh it').toEqual([]);
  });

  it('revives into a conserved Sankey for the app', () => {
    const view = parsePrecomputed(shipped);
    expect(view.pixels).toEqual(view.result.pixels);
    const graph = buildSankeyGraph(view.result);
    expect(graph.empty).toBe(false);
    expect(graph.maxImbalance).toBeLessThan(1e-5);
    expect(
      view.forward.relevance[view.result.classIndex * 784 + (view.pixels[0] ?? 0)],
    ).toBeCloseTo(view.result.relevance, 4);
  });

  it('is rejected when damaged, so the app waits for the live model instead', () => {
    const damaged = structuredClone(shipped);
    damaged.result.nodeFlow[1]?.pop();
    expect(() => parsePrecomputed(damaged)).toThrow(/nodeFlow/);
    expect(() => parsePrecomputed({ ...shipped, px: '99,99' })).toThrow(/px/);
    expect(() => parsePrecomputed(null)).toThrow();
  });
});
