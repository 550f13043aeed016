// A comparison's graphs and layouts made ahead of B's answer being shown (a pressed pixel's answer
// that came before the release: compare-types.ts pathwaysAhead), and the rules for taking them:
// only for the very A and B answers, settings and class names they were built for, and the
// layouts only at the same size and options, from the same previous layouts (layoutCompare keeps
// what it can of those). What is taken is what building anew would give (prepared-compare.test.ts).
import type { PixelQueryResult } from '../pathways/types';
import { differenceResult } from './compare-diff';
import { buildCompareGraphs, incompatibility, type CompareGraphs } from './compare-graph';
import { layoutCompare, type CompareLayouts } from './compare-layout';
import { sameFrame, sameSettings, type DrawingInputs } from './prepared-drawing';
import type { SankeyLayoutOptions } from './sankey-layout';
import type { SankeySettings } from './sankey-types';

export interface BuiltCompare {
  graphs: CompareGraphs | null;
  /** B − A as a result (compare-diff.ts), or null with the graphs. */
  diff: PixelQueryResult | null;
  /** Why the two answers cannot share a diagram (another model), or null. */
  problem: string | null;
}

/** The three graphs over one node set, or why A and B cannot be drawn together. */
export function buildCompare(
  a: PixelQueryResult,
  b: PixelQueryResult,
  settings: SankeySettings,
  classNames: readonly string[],
): BuiltCompare {
  const problem = incompatibility(a, b);
  if (problem) return { graphs: null, diff: null, problem };
  return {
    graphs: buildCompareGraphs(a, b, { ...settings, classNames }),
    diff: differenceResult(a, b),
    problem: null,
  };
}

/** What a comparison is built and laid out with: what a single drawing is (prepared-drawing.ts). */
export type CompareInputs = DrawingInputs;

export interface PreparedCompare extends CompareInputs {
  a: PixelQueryResult;
  b: PixelQueryResult;
  built: BuiltCompare;
  /** The layouts this one was made from (what layoutCompare reused), or null. */
  previous: CompareLayouts | null;
  layouts: CompareLayouts | null;
}

export function prepareCompare(
  a: PixelQueryResult,
  b: PixelQueryResult,
  inputs: CompareInputs,
  previous: CompareLayouts | null,
): PreparedCompare {
  const built = buildCompare(a, b, inputs.settings, inputs.classNames);
  const { width, height, options } = inputs;
  const layouts = built.graphs
    ? layoutCompare(built.graphs, { ...options, width, height }, previous)
    : null;
  return { ...inputs, a, b, built, previous, layouts };
}

/** Whether `prepared` was built for these answers with these settings and class names. */
export function builtFits(
  prepared: PreparedCompare | null,
  a: PixelQueryResult,
  b: PixelQueryResult,
  settingsKey: string,
  classNames: readonly string[],
): prepared is PreparedCompare {
  return prepared?.a === a && prepared.b === b && sameSettings(prepared, settingsKey, classNames);
}

/** Whether `prepared` laid out these graphs at this size and options, from these layouts. */
export function layoutsFit(
  prepared: PreparedCompare | null,
  graphs: CompareGraphs,
  width: number,
  height: number,
  options: Partial<SankeyLayoutOptions>,
  previous: CompareLayouts | null,
): prepared is PreparedCompare & { layouts: CompareLayouts } {
  return (
    prepared?.built.graphs === graphs &&
    prepared.layouts !== null &&
    prepared.previous === previous &&
    sameFrame(prepared, width, height, options)
  );
}
