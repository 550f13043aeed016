// The one build of a comparison's three drawings (A, B, B − A): the graphs over one node set
// (compare-graph.ts) and their one shared layout (compare-layout.ts), at the width measured on the
// first view's frame. Rebuilt only when a side's answer, the settings or the size change, so
// hovering, pinning and stepping redraw nothing but the highlight. An update keeps each drawing
// (the same object) whose layout and answer it did not change: when B switches and the shared
// boxes stay, A is not redrawn (compare-layout.ts, layoutCompare).
import { useEffect, useMemo, useRef } from 'react';
import type { PixelQueryResult } from '../../pathways/types';
import type { CompareGraphs } from '../../layout/compare-graph';
import { layoutCompare, type CompareLayouts } from '../../layout/compare-layout';
import {
  buildCompare,
  builtFits,
  layoutsFit,
  prepareCompare,
  type PreparedCompare,
} from '../../layout/prepared-compare';
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
  /**
   * B's likely next answer (compare-types.ts pathwaysAhead: a pressed pixel's, before the
   * release). Its graphs and layouts are made after this render, and taken when it becomes B with
   * the same A, settings and size, so that showing it costs the drawing only.
   */
  bAhead: PixelQueryResult | null = null,
): CompareViewModel {
  const ref = useRef<HTMLDivElement>(null);
  const { width, measured } = useElementWidth(ref, 560);
  const settingsKey = JSON.stringify(settings);
  const prepared = useRef<PreparedCompare | null>(null);
  const built = useMemo(() => {
    if (!a || !b) return { graphs: null, diff: null, problem: null };
    if (builtFits(prepared.current, a, b, settingsKey, classNames)) return prepared.current.built;
    return buildCompare(a, b, settings, classNames);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- settings keyed by value
  }, [a, b, settingsKey, classNames]);
  // The previous drawings: what an update may keep (read and written only in the memos below).
  const last = useRef<CompareDrawings | null>(null);
  const layouts = useMemo(() => {
    // Not at the fallback width: the measured one follows before the paint.
    if (!built.graphs || !measured) return null;
    const previous = last.current?.layouts ?? null;
    if (layoutsFit(prepared.current, built.graphs, width, height, options, previous))
      return prepared.current.layouts;
    return layoutCompare(built.graphs, { ...options, width, height }, previous);
  }, [built.graphs, measured, options, width, height]);
  const drawings = useMemo(() => {
    const { graphs, diff } = built;
    if (!a || !b || !graphs || !diff || !layouts) return (last.current = null);
    const before = last.current;
    const drawing = (side: 'a' | 'b' | 'diff', result: PixelQueryResult): SankeyDrawing => {
      const old = before?.[side];
      const layout = layouts[side];
      // A kept layout is also the kept graph's (layoutCompare keeps it only for an equal graph).
      return old && old.layout === layout && old.result === result
        ? old
        : { result, graph: graphs[side], layout };
    };
    return (last.current = {
      a: drawing('a', a),
      b: drawing('b', b),
      diff: drawing('diff', diff),
      graphs,
      layouts,
    });
  }, [a, b, built, layouts]);
  // After this render, not in it: B's next answer laid out with A, while the button is down.
  useEffect(() => {
    if (!measured || !a || !bAhead || bAhead === b) return;
    if (builtFits(prepared.current, a, bAhead, settingsKey, classNames)) return;
    const inputs = { settings, settingsKey, classNames, width, height, options };
    prepared.current = prepareCompare(a, bAhead, inputs, last.current?.layouts ?? null);
    // `settings` too: a new object with equal values returns early above (settingsKey).
  }, [a, b, bAhead, settings, settingsKey, classNames, measured, width, height, options]);
  const frame = useMemo(() => ({ ref, width, height }), [width, height]);
  return { drawings, problem: built.problem, frame };
}
