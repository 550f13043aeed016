import { describe, expect, it } from 'vitest';
import { differenceResult } from './compare-diff';
import { buildCompareGraphs } from './compare-graph';
import { layoutCompare } from './compare-layout';
import { buildCompare, builtFits, layoutsFit, prepareCompare } from './prepared-compare';
import { DEFAULT_SANKEY_SETTINGS } from './sankey-types';
import { testDrawingInputs } from './testing/drawing-inputs';
import { syntheticPixelQuery } from './testing/synthetic-result';

const inputs = testDrawingInputs(500, 360);
const { classNames, options } = inputs;
const A = syntheticPixelQuery({ seed: 3, pixels: [14 * 28 + 9] });
const B1 = syntheticPixelQuery({ seed: 11, pixels: [10 * 28 + 12], relevance: -0.4 });
const B2 = syntheticPixelQuery({ seed: 17, pixels: [12 * 28 + 15] });
const settings = { ...DEFAULT_SANKEY_SETTINGS, classNames };
const size = { ...options, width: 500, height: 360 };

describe('a comparison prepared ahead (B pressed, A on screen)', () => {
  // What is on screen: A against the last B, laid out.
  const shown = layoutCompare(buildCompareGraphs(A, B1, settings), size);
  const prepared = prepareCompare(A, B2, inputs, shown);

  it('is what building and laying it out anew from the same layouts gives', () => {
    const graphs = buildCompareGraphs(A, B2, settings);
    expect(prepared.built.graphs).toEqual(graphs);
    expect(prepared.built.diff).toEqual(differenceResult(A, B2));
    expect(prepared.built.problem).toBeNull();
    const anew = layoutCompare(graphs, size, shown);
    expect(prepared.layouts?.a).toEqual(anew.a);
    expect(prepared.layouts?.b).toEqual(anew.b);
    expect(prepared.layouts?.diff).toEqual(anew.diff);
    expect(buildCompare(A, B2, DEFAULT_SANKEY_SETTINGS, classNames).graphs).toEqual(graphs);
  });

  it('is taken only for its own A and B answers, settings and class names', () => {
    const key = inputs.settingsKey;
    expect(builtFits(prepared, A, B2, key, classNames)).toBe(true);
    expect(builtFits(null, A, B2, key, classNames)).toBe(false);
    expect(builtFits(prepared, A, B1, key, classNames)).toBe(false);
    // A changed while B was pressed (another pixel, the same numbers): another answer.
    expect(
      builtFits(
        prepared,
        syntheticPixelQuery({ seed: 3, pixels: [14 * 28 + 9] }),
        B2,
        key,
        classNames,
      ),
    ).toBe(false);
    const pruned = JSON.stringify({ ...DEFAULT_SANKEY_SETTINGS, denseTopN: 3 });
    expect(builtFits(prepared, A, B2, pruned, classNames)).toBe(false);
    expect(builtFits(prepared, A, B2, key, [...classNames])).toBe(false);
  });

  it('has its layouts taken only at the same size and options, from the same layouts', () => {
    const graphs = prepared.built.graphs!;
    expect(layoutsFit(prepared, graphs, 500, 360, options, shown)).toBe(true);
    expect(layoutsFit(prepared, graphs, 501, 360, options, shown)).toBe(false);
    expect(layoutsFit(prepared, graphs, 500, 300, options, shown)).toBe(false);
    expect(layoutsFit(prepared, graphs, 500, 360, { ...options }, shown)).toBe(false);
    // The drawings changed since (e.g. a resize redrew them): what it reused is not theirs.
    expect(layoutsFit(prepared, graphs, 500, 360, options, null)).toBe(false);
    const other = buildCompareGraphs(A, B2, settings);
    expect(layoutsFit(prepared, other, 500, 360, options, shown)).toBe(false);
  });

  it('says why two answers of different models cannot be drawn together, and lays out nothing', () => {
    const vggLike = syntheticPixelQuery({ seed: 5, pixels: [3] });
    const other = { ...vggLike, layers: vggLike.layers.slice(1) };
    const apart = prepareCompare(A, other, inputs, shown);
    expect(apart.built.problem).toEqual(expect.any(String));
    expect(apart.layouts).toBeNull();
  });
});
