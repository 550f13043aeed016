// What a view hands down to the Sankey components: the query result, the graph built from it once
// (buildSankeyGraph) and that graph positioned at the frame's size (layoutSankey). Components
// below the view draw this; none of them builds or lays out the graph again (docs/sankey.md,
// "Data flow").
import type { PixelQueryResult } from '../pathways/types';
import { buildSankeyGraph } from './sankey-graph';
import { layoutSankey, type SankeyLayout, type SankeyLayoutOptions } from './sankey-layout';
import type { SankeyGraph, SankeyGraphOptions } from './sankey-types';

export interface SankeyDrawing {
  /** The result the graph was built from (its chains feed the pathway table and words). */
  result: PixelQueryResult;
  graph: SankeyGraph;
  /** The graph positioned at the on-screen frame's size. */
  layout: SankeyLayout;
}

/** Builds and lays out in one go, for callers without React memoisation (tests, scripts). */
export function buildSankeyDrawing(
  result: PixelQueryResult,
  options: Partial<SankeyGraphOptions> = {},
  layout: Partial<SankeyLayoutOptions> = {},
): SankeyDrawing {
  const graph = buildSankeyGraph(result, options);
  return { result, graph, layout: layoutSankey(graph, layout) };
}
