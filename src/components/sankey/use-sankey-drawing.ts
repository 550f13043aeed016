// The one place the app builds the Sankey: the graph of a result for the settings, and its layout
// at the frame's measured width. Called once per view (src/app/views/PathwayView.tsx, and the dev
// harness); SankeyPanel and everything below it take the output as props and never rebuild it
// (docs/sankey.md, "Data flow").
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import {
  graphFits,
  layoutFits,
  prepareDrawing,
  type PreparedDrawing,
} from '../../layout/prepared-drawing';
import type { PixelQueryResult } from '../../pathways/types';
import type { SankeyDrawing } from '../../layout/sankey-drawing';
import { buildSankeyGraph } from '../../layout/sankey-graph';
import { layoutSankey } from '../../layout/sankey-layout';
import { PERF_BASELINE } from '../../lib/perf-baseline';
import type { SankeyLayoutOptions } from '../../layout/sankey-layout';
import type { SankeySettings } from '../../layout/sankey-types';
import { useElementWidth } from './use-element-width';

/** The Sankey's frame: the element it fills (measured here) and the size it is laid out at. */
export interface SankeyFrame {
  ref: RefObject<HTMLDivElement | null>;
  width: number;
  height: number;
}

export interface SankeyViewModel {
  /** Null while there is no result. */
  drawing: SankeyDrawing | null;
  frame: SankeyFrame;
}

const NO_OPTIONS: Partial<SankeyLayoutOptions> = {};
/** ?perf=baseline: the earlier band order (src/lib/perf-baseline.ts). */
const BASELINE_OPTIONS: Partial<SankeyLayoutOptions> = PERF_BASELINE
  ? { linkOrder: 'breadth' }
  : NO_OPTIONS;

export function useSankeyDrawing(
  result: PixelQueryResult | null,
  settings: SankeySettings,
  classNames: readonly string[],
  height: number,
  /** Layout options beyond the size (type and spacing; e.g. lecture mode's larger text). */
  options: Partial<SankeyLayoutOptions> = NO_OPTIONS,
  /**
   * A result likely to be shown next (view-types.ts pathwaysAhead: a pressed pixel's answer
   * before the release). Its graph and layout are made after this render, and taken when it is
   * shown with the same settings and size, so that showing it costs the drawing only.
   */
  ahead: PixelQueryResult | null = null,
): SankeyViewModel {
  const ref = useRef<HTMLDivElement>(null);
  const { width, measured } = useElementWidth(ref, 960);
  // Keyed by value: an equal settings object (e.g. re-set from the link) must not rebuild.
  const settingsKey = JSON.stringify(settings);
  const prepared = useRef<PreparedDrawing | null>(null);
  // Both options together, as layoutSankey takes them (the baseline's band order included).
  const layoutOptions = useMemo(() => ({ ...options, ...BASELINE_OPTIONS }), [options]);
  const graph = useMemo(() => {
    if (!result) return null;
    if (graphFits(prepared.current, result, settingsKey, classNames)) return prepared.current.graph;
    return buildSankeyGraph(result, { ...settings, classNames });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- settings keyed by value
  }, [result, settingsKey, classNames]);
  const layout = useMemo(() => {
    // Not at the fallback width: the measured one follows before the paint (use-element-width.ts).
    if (!graph || !measured) return null;
    if (layoutFits(prepared.current, graph, width, height, layoutOptions))
      return prepared.current.layout;
    return layoutSankey(graph, { ...layoutOptions, width, height });
  }, [graph, measured, width, height, layoutOptions]);
  // After this render, not in it: the next result's graph and layout, while the button is down.
  useEffect(() => {
    if (
      !measured ||
      !ahead ||
      ahead === result ||
      graphFits(prepared.current, ahead, settingsKey, classNames)
    )
      return;
    prepared.current = prepareDrawing(ahead, {
      settings,
      settingsKey,
      classNames,
      width,
      height,
      options: layoutOptions,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- settings keyed by value
  }, [ahead, result, settingsKey, classNames, measured, width, height, layoutOptions]);
  const drawing = useMemo(
    () => (result && graph && layout ? { result, graph, layout } : null),
    [result, graph, layout],
  );
  const frame = useMemo(() => ({ ref, width, height }), [width, height]);
  return { drawing, frame };
}
