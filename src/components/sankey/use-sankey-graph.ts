// The graph for a result and options, memoised per result object so that sibling components (the
// view, the prune control's effect line, the export buttons) share one computation.
import { useMemo } from 'react';
import type { PixelQueryResult } from '../../pathways/types';
import { buildSankeyGraph } from '../../layout/sankey-graph';
import {
  DEFAULT_SANKEY_OPTIONS,
  type SankeyGraph,
  type SankeyGraphOptions,
} from '../../layout/sankey-types';

const cache = new WeakMap<PixelQueryResult, Map<string, SankeyGraph>>();

export function resolveOptions(
  options: Partial<SankeyGraphOptions> | undefined,
  classNames: readonly string[] | undefined,
): SankeyGraphOptions {
  return { ...DEFAULT_SANKEY_OPTIONS, ...options, ...(classNames ? { classNames } : {}) };
}

export function getSankeyGraph(result: PixelQueryResult, options: SankeyGraphOptions): SankeyGraph {
  const key = JSON.stringify(options);
  let perResult = cache.get(result);
  if (!perResult) {
    perResult = new Map();
    cache.set(result, perResult);
  }
  let graph = perResult.get(key);
  if (!graph) {
    graph = buildSankeyGraph(result, options);
    // A handful of option sets per result is plenty (the user toggles back and forth).
    if (perResult.size > 8) perResult.clear();
    perResult.set(key, graph);
  }
  return graph;
}

export function useSankeyGraph(
  result: PixelQueryResult | null,
  options?: Partial<SankeyGraphOptions>,
  classNames?: readonly string[],
): SankeyGraph | null {
  const resolved = resolveOptions(options, classNames);
  const key = JSON.stringify(resolved);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the serialised options
  return useMemo(() => (result ? getSankeyGraph(result, resolved) : null), [result, key]);
}
