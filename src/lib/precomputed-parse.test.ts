// The shipped first-paint file parses; damaged copies of it are refused with a reason instead of
// being drawn (NaN bands, unbalanced flows).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrecomputed, PrecomputedError } from './precomputed-parse';

const shipped = (): Record<string, unknown> =>
  JSON.parse(readFileSync('public/precomputed/mnist-default.json', 'utf8')) as Record<
    string,
    unknown
  >;

type Json = Record<string, unknown> & { result: Record<string, unknown> };

function damaged(edit: (file: Json) => void): unknown {
  const file = shipped() as Json;
  edit(file);
  return file;
}

describe('parsePrecomputed', () => {
  it('reads the shipped example, whose flows balance', () => {
    const view = parsePrecomputed(shipped());
    expect(view.modelId).toBe('mnist');
    const r = view.result;
    for (const flows of r.nodeFlow) {
      const total = flows.reduce((t, x) => t + x, 0);
      expect(Math.abs(total - r.relevance)).toBeLessThan(1e-4);
    }
  });

  it('refuses a number that overflows float32 (it would draw NaN bands)', () => {
    const file = damaged((f) => ((f.result['nodeFlow'] as number[][])[2]![0] = 1e300));
    expect(() => parsePrecomputed(file)).toThrow(PrecomputedError);
    expect(() => parsePrecomputed(file)).toThrow(/nodeFlow/);
  });

  it('refuses flows that do not add up to the total', () => {
    const file = damaged((f) => {
      const flows = (f.result['nodeFlow'] as number[][])[1]!;
      flows[0] = flows[0]! + 0.5;
    });
    expect(() => parsePrecomputed(file)).toThrow(/layer 1's flows do not add up/);
  });

  it('refuses an edge flow that breaks a node balance even when the layer totals hold', () => {
    const file = damaged((f) => {
      const edges = (f.result['edgeFlow'] as number[][])[1]!;
      edges[0] = edges[0]! + 0.25;
      edges[1] = edges[1]! - 0.25; // same layer total, two maps off balance
    });
    expect(() => parsePrecomputed(file)).toThrow(/does not balance/);
  });

  it('refuses text where numbers belong, and a wrong format tag', () => {
    expect(() =>
      parsePrecomputed(damaged((f) => ((f.result['relevance'] as unknown) = 'NaN'))),
    ).toThrow(/relevance/);
    expect(() => parsePrecomputed(damaged((f) => (f['format'] = 'other')))).toThrow(/format/);
  });
});
