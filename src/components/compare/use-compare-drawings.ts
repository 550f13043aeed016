// The one build of a comparison's three drawings (A, B, B − A): the graphs over one node set
// (compare-graph.ts) and their one shared layout (compare-layout.ts), at the width measured on the
// first view's frame. Rebuilt only when a side's answer, the settings or the size change, so
// hovering, pinning and stepping redraw nothing but the highlight.
import { useMemo, useRef } from 'react';
import type { PixelQueryResult } from '../../pathways/types';
import {
  buildCompareGraphs,
  incompatibility,
  type CompareGraphs,
} from '../../layout/compare-graph';
import { differenceResult } from '../../layout/compare-diff';
import { layoutCompare, type CompareLayouts } from '../../layout/compare-layout';
import type { SankeyDrawing } from '../../layout/sankey-drawing';
import type { SankeyLayoutOptions } from '../../layout/sankey-layout';
import type { SankeySettings } from '../../layout/sankey-types';
import { useElementWidth } from '../sankey/use-element-width';
import type { SankeyFrame } from '../sankey/use-sankey-drawing';

export interface CompareDrawings {
  a: SankeyDrawing;
  b: SankeyDrawing;
  diff: SankeyDrawing;
  graphs: CompareGraphs;
  layouts: CompareLayouts;
}

export interface CompareViewModel {
  drawings: CompareDrawings | null;
  /** Why the two answers cannot share a diagram (another model), or null. */
  problem: string | null;
  frame: SankeyFrame;
}

export function useCompareDrawings(
  a: PixelQueryResult | null,
  b: PixelQueryResult | null,
  settings: SankeySettings,
  classNames: readonly string[],
  height: number,
  options: Partial<SankeyLayoutOptions>,
): CompareViewModel {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 560);
  const settingsKey = JSON.stringify(settings);
  const built = useMemo(() => {
    if (!a || !b) return { graphs: null, diff: null, problem: null };
    const problem = incompatibility(a, b);
    if (problem) return { graphs: null, diff: null, problem };
    return {
      graphs: buildCompareGraphs(a, b, { ...settings, classNames }),
      diff: differenceResult(a, b),
      problem: null,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- settings keyed by value
  }, [a, b, settingsKey, classNames]);
  const layouts = useMemo(
    () => (built.graphs ? layoutCompare(built.graphs, { ...options, width, height }) : null),
    [built.graphs, options, width, height],
  );
  const drawings = useMemo(() => {
    const { graphs, diff } = built;
    if (!a || !b || !graphs || !diff || !layouts) return null;
    return {
      a: { result: a, graph: graphs.a, layout: layouts.a },
      b: { result: b, graph: graphs.b, layout: layouts.b },
      diff: { result: diff, graph: graphs.diff, layout: layouts.diff },
      graphs,
      layouts,
    };
  }, [a, b, built, layouts]);
  const frame = useMemo(() => ({ ref, width, height }), [width, height]);
  return { drawings, problem: built.problem, frame };
}
