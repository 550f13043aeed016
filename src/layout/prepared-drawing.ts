// A Sankey drawing made ahead of its result being shown (a pressed pixel's answer that came
// before the release: view-types.ts pathwaysAhead), and the rules for taking it: only for the very
// result, settings and class names it was built for, and its layout only at the same size and
// options. What is taken is what building anew would give (prepared-drawing.test.ts).
import type { PixelQueryResult } from '../pathways/types';
import { buildSankeyGraph } from './sankey-graph';
import { layoutSankey, type SankeyLayout, type SankeyLayoutOptions } from './sankey-layout';
import type { SankeyGraph, SankeySettings } from './sankey-types';

export interface DrawingInputs {
  settings: SankeySettings;
  /** JSON of `settings`: settings are compared by value. */
  settingsKey: string;
  classNames: readonly string[];
  width: number;
  height: number;
  /** Layout options beyond the size, compared by identity (the views keep them stable). */
  options: Partial<SankeyLayoutOptions>;
}

export interface PreparedDrawing extends DrawingInputs {
  result: PixelQueryResult;
  graph: SankeyGraph;
  layout: SankeyLayout;
}

export function prepareDrawing(result: PixelQueryResult, inputs: DrawingInputs): PreparedDrawing {
  const graph = buildSankeyGraph(result, { ...inputs.settings, classNames: inputs.classNames });
  const { width, height, options } = inputs;
  return { ...inputs, result, graph, layout: layoutSankey(graph, { ...options, width, height }) };
}

/** Whether something made ahead was built with these settings and class names. */
export function sameSettings(
  made: DrawingInputs,
  settingsKey: string,
  classNames: readonly string[],
): boolean {
  return made.settingsKey === settingsKey && made.classNames === classNames;
}

/** Whether something made ahead was laid out at this size with these options. */
export function sameFrame(
  made: DrawingInputs,
  width: number,
  height: number,
  options: Partial<SankeyLayoutOptions>,
): boolean {
  return made.width === width && made.height === height && made.options === options;
}

/** Whether `prepared` was built for this result with these settings and class names. */
export function graphFits(
  prepared: PreparedDrawing | null,
  result: PixelQueryResult,
  settingsKey: string,
  classNames: readonly string[],
): prepared is PreparedDrawing {
  return prepared?.result === result && sameSettings(prepared, settingsKey, classNames);
}

/** Whether `prepared` laid out this graph at this size with these options. */
export function layoutFits(
  prepared: PreparedDrawing | null,
  graph: SankeyGraph,
  width: number,
  height: number,
  options: Partial<SankeyLayoutOptions>,
): prepared is PreparedDrawing {
  return prepared?.graph === graph && sameFrame(prepared, width, height, options);
}
