// The pathway Sankey: a controlled, props-driven view of one drawing (a result, its graph and its
// layout, built once by the view: src/components/sankey/use-sankey-drawing.ts). It owns only
// transient UI state (hover, keyboard focus); pinning and playback come from props so the shell
// can keep them in the store and the URL. It turns the layout into a scene for the renderers
// (SankeySvg, LinksCanvas), which draw positioned data only.
import {
  useCallback,
  useEffect,
  useId,
  useInsertionEffect,
  useMemo,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { balance } from '../../layout/sankey-graph';
import type { SankeyDrawing } from '../../layout/sankey-drawing';
import { isNavKey, nextNodeId } from '../../layout/node-navigation';
import { traceChain } from '../../layout/chain-trace';
import { traceFocus, type SankeyFocus } from '../../layout/trace';
import { PERF_BASELINE } from '../../lib/perf-baseline';
import type { PathwayChain } from '../../pathways/types';
import { CANVAS_LINK_THRESHOLD } from '../../render/canvas-links';
import { describeLink, describeNode, flowShares, summarizeGraph } from '../../render/describe';
import { MARKER_NOTE } from '../../render/legend-data';
import { buildScene } from '../../render/sankey-scene';
import { MIN_COLUMN_PITCH, minPlotWidth, scrollToShow } from '../../layout/column-pitch';
import { LinksCanvas, type LinksCanvasHandle } from './LinksCanvas';
import { SankeyEnds } from './SankeyEnds';
import { SankeyLegend } from './SankeyLegend';
import { SankeySvg } from './SankeySvg';
import { SankeyTooltip } from './SankeyTooltip';
import { adoptSankeyStyles } from './sankey-styles';
import type { SankeyFrame } from './use-sankey-drawing';

export interface SankeyViewProps {
  /** What to draw; null while there is no result. */
  drawing: SankeyDrawing | null;
  /**
   * The element the layout's width was measured on, and the size of the empty frame (default
   * 960×520). The drawing's layout must have been made at this size.
   */
  frame?: SankeyFrame;
  /** Pinned node (or link) id; null when nothing is pinned. */
  pinned?: string | null;
  onPinNode?: (id: string | null) => void;
  onHoverNode?: (id: string | null) => void;
  /** Playback: columns revealed from the left (default all). */
  reveal?: number;
  renderer?: 'auto' | 'svg' | 'canvas';
  /** Text while no result is available (loading, nothing selected). */
  placeholder?: string;
  /** Draw the legend under the figure (default true). */
  showLegend?: boolean;
  /** Index into `chains` to draw over the figure (e.g. hovered in TopChains). */
  highlightChain?: number | null;
  /** The chains `highlightChain` indexes (default: the result's own). */
  chains?: readonly PathwayChain[];
  /** A node hovered elsewhere (e.g. its map in the feature-map panel), highlighted like a hover. */
  externalHover?: string | null;
  /** Node ids of important maps (Analyses area) to mark with a ★; "other" nodes are never marked. */
  markedNodeIds?: ReadonlySet<string>;
  /** Id of a longer description next to the diagram (e.g. the pathways in words). */
  describedBy?: string;
  /** What to say when the selection has no pathways (see emptyPathwaysMessage in describe.ts). */
  emptyMessage?: string;
}

const DEFAULT_EMPTY_MESSAGE =
  'This selection sends no signal: its pixels are 0 (background), or the ReLU gates switch off ' +
  'every path from them. Pick a pixel on the object.';

const focusOf = (id: string): SankeyFocus =>
  id.includes('->') ? { kind: 'link', id } : { kind: 'node', id };

/** Whether the plot pans sideways, and whether it shows its left or right end. */
interface Pan {
  pans: boolean;
  atStart: boolean;
  atEnd: boolean;
}

const NO_PAN: Pan = { pans: false, atStart: true, atEnd: true };

/**
 * Whether the element scrolls sideways because its content is wider (a phone: the app gives the
 * plot a minimum width there and lets it pan, app.css), and where it is scrolled to; the view
 * then says that it pans and shades the edge that has more.
 */
function usePan(ref: RefObject<HTMLElement | null>, width: number): Pan {
  const [pan, setPan] = useState(NO_PAN);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const pans =
        getComputedStyle(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1;
      const atStart = !pans || el.scrollLeft <= 1;
      const atEnd = !pans || el.scrollLeft + el.clientWidth >= el.scrollWidth - 1;
      setPan((p) =>
        p.pans === pans && p.atStart === atStart && p.atEnd === atEnd
          ? p
          : { pans, atStart, atEnd },
      );
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [ref, width]);
  return pan;
}

export function SankeyView(props: SankeyViewProps) {
  const { drawing, frame, pinned = null, onPinNode, onHoverNode, reveal = Infinity } = props;
  const result = drawing?.result ?? null;
  const graph = drawing?.graph ?? null;
  const layout = drawing?.layout ?? null;
  // The frame's element is measured by the view that lays the graph out (use-sankey-drawing.ts).
  const ownWrapper = useRef<HTMLDivElement>(null);
  const wrapper = frame?.ref ?? ownWrapper;
  const canvas = useRef<LinksCanvasHandle>(null);
  const width = frame?.width ?? layout?.width ?? 960;
  const height = frame?.height ?? layout?.height ?? 520;
  const summaryId = useId();
  // Before the first paint, so the figure is never drawn unstyled (not a <style>: sankey-styles.ts).
  useInsertionEffect(adoptSankeyStyles, []);
  const [hover, setHover] = useState<string | null>(null);
  const [tabStop, setTabStop] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // The box the tooltip is placed in (it holds the plot, which may be panned inside it).
  const root = useRef<HTMLDivElement>(null);
  const pan = usePan(scroller, width);
  // Many layers (VGG-16): the plot keeps a legible column pitch and pans inside its frame. The
  // width follows the column count only (not the measured width, which it sets), and the last
  // count is kept while the next result loads, so the frame does not jump.
  const columnCount = useRef(0);
  if (layout) columnCount.current = layout.columns.length;
  const minWidth = layout
    ? minPlotWidth(
        columnCount.current,
        layout.margin,
        layout.nodeWidth,
        // Larger type (lecture mode's 16 px) needs proportionally wider gaps.
        (MIN_COLUMN_PITCH * Math.max(12, layout.type.label)) / 12,
      )
    : 0;
  // Playback and lecture stepping bring the newest revealed column into view. Without playback
  // (reveal = all) it returns before reading scrollWidth: that read forces a style and layout
  // pass right after every new Sankey's commit, ~4 ms per click (docs/benchmarks.md).
  useEffect(() => {
    if (reveal === Infinity && !PERF_BASELINE) return;
    const el = scroller.current;
    const column = layout?.columns[Math.min(reveal, layout.columns.length) - 1];
    if (!el || !column || el.scrollWidth <= el.clientWidth + 1 || reveal === Infinity) return;
    const left = scrollToShow(column.x, el.scrollLeft, el.clientWidth, MIN_COLUMN_PITCH * 1.5);
    if (left !== el.scrollLeft) el.scrollTo({ left, behavior: 'smooth' });
  }, [reveal, layout]);

  const nodeById = useMemo(() => new Map(layout?.nodes.map((n) => [n.id, n])), [layout]);
  const linkById = useMemo(() => new Map(layout?.links.map((l) => [l.id, l])), [layout]);
  const exists = (id: string | null) => id !== null && (nodeById.has(id) || linkById.has(id));
  const external = props.externalHover ?? null;
  const focusId = [pinned, hover, external].find(exists) ?? null;
  const chain = props.highlightChain ?? null;
  const chains = props.chains ?? result?.chains;
  const trace = useMemo(() => {
    if (!layout) return null;
    if (focusId) return traceFocus(layout, focusOf(focusId));
    const c = chain === null ? undefined : chains?.[chain];
    return c && chain !== null ? traceChain(c, chain, layout) : null;
  }, [layout, focusId, chain, chains]);
  const marked = props.markedNodeIds;
  const scene = useMemo(
    () => (layout ? buildScene(layout, { trace, reveal, marked }) : null),
    [layout, trace, reveal, marked],
  );
  // Marked ids come from the importance ranking; only those drawn (as map nodes) get the ★.
  const isMarked = useCallback(
    (id: string) => nodeById.get(id)?.kind === 'unit' && marked?.has(id) === true,
    [nodeById, marked],
  );

  // Shares of |flow| per column and per gap (0–100 %), for the tooltips (describe.ts).
  const shares = useMemo(() => (graph ? flowShares(graph) : undefined), [graph]);
  const titleOf = useCallback(
    (id: string) => {
      const node = nodeById.get(id);
      // The ★ is drawn, not read: say it in the tooltip and accessible name too.
      if (node) return describeNode(node, shares) + (isMarked(id) ? `\n★ ${MARKER_NOTE}` : '');
      const link = linkById.get(id);
      return link ? describeLink(link, (n) => nodeById.get(n)?.label ?? n, shares) : id;
    },
    [nodeById, linkById, shares, isMarked],
  );

  const setHoverId = (id: string | null) => {
    setHover(id);
    if (id === null || nodeById.has(id)) onHoverNode?.(id);
  };
  const togglePin = (id: string) => onPinNode?.(pinned === id ? null : id);

  // Escape unpins from anywhere on the page, as the lecture remote has no pointer.
  useEffect(() => {
    if (pinned === null || !onPinNode) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      // A panel that used Escape for itself (e.g. to reset a selection) marks it handled.
      if (e.key === 'Escape' && !e.defaultPrevented) onPinNode(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [pinned, onPinNode]);

  const onNodeKeyDown = (e: KeyboardEvent<SVGGElement>, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      togglePin(id);
      return;
    }
    if (!layout || !isNavKey(e.key)) return;
    e.preventDefault();
    const next = nextNodeId(layout.nodes, id, e.key, (n) => n.column < reveal);
    if (!next) return;
    setTabStop(next);
    wrapper.current?.querySelector<SVGGElement>(`[data-node-id="${CSS.escape(next)}"]`)?.focus();
  };

  // The SVG is memoised (SankeySvg.tsx) and re-renders only when what it draws changes, not on
  // every render of this view (a click elsewhere, a new selection waiting for its answer): its
  // handlers are stable wrappers around the latest closures.
  const latest = useRef({ setHoverId, togglePin, onNodeKeyDown, pinned, onPinNode, setTabStop });
  latest.current = { setHoverId, togglePin, onNodeKeyDown, pinned, onPinNode, setTabStop };
  const svgHandlers = useMemo(
    () => ({
      onNodeEnter: (id: string | null) => latest.current.setHoverId(id),
      onLinkEnter: (id: string | null) => latest.current.setHoverId(id),
      onNodeClick: (id: string) => latest.current.togglePin(id),
      onLinkClick: (id: string) => latest.current.togglePin(id),
      onBackgroundClick: () => {
        const { pinned: p, onPinNode: unpin } = latest.current;
        if (p !== null) unpin?.(null);
      },
      onPlotMove: (x: number, y: number) =>
        latest.current.setHoverId(canvas.current?.hit(x, y) ?? null),
      onNodeKeyDown: (e: KeyboardEvent<SVGGElement>, id: string) =>
        latest.current.onNodeKeyDown(e, id),
      onNodeFocus: (id: string) => {
        latest.current.setTabStop(id);
        latest.current.setHoverId(id);
      },
    }),
    [],
  );

  const linkCount = layout?.links.length ?? 0;
  const useCanvas =
    props.renderer === 'canvas' || (props.renderer !== 'svg' && linkCount > CANVAS_LINK_THRESHOLD);
  const maxImbalance = layout ? balance(layout.nodes, layout.columns.length).maxImbalance : 0;
  const tabStopId = exists(tabStop) ? tabStop : (layout?.nodes[0]?.id ?? null);
  const readoutId = hover ?? focusId;
  const readoutShown = readoutId && exists(readoutId) ? readoutId : null;
  const readoutText = readoutShown ? titleOf(readoutShown) : '';
  const readoutAnchor = useMemo(() => {
    const node = readoutShown ? nodeById.get(readoutShown) : undefined;
    if (node) return { x0: node.x0, x1: node.x1, y0: node.y0, y1: node.y1 };
    const link = readoutShown ? linkById.get(readoutShown) : undefined;
    if (!link) return null;
    const x = (link.x0 + link.x1) / 2;
    const y = (link.y0 + link.y1) / 2;
    return { x0: x, x1: x, y0: y, y1: y };
  }, [readoutShown, nodeById, linkById]);

  const message = !graph
    ? (props.placeholder ?? 'Pick a pixel to see its pathways.')
    : graph.empty
      ? (props.emptyMessage ?? DEFAULT_EMPTY_MESSAGE)
      : null;

  return (
    <div className="pl-sankey" ref={root}>
      {/* The plot pans inside this box where the screen is narrower than it (app.css). */}
      <div
        className="pl-sankey-pan"
        data-pans={pan.pans}
        data-at-start={pan.atStart}
        data-at-end={pan.atEnd}
      >
        <div className="pl-sankey-scroll" ref={scroller} data-testid="sankey-scroll">
          <div
            className="pl-sankey-plot"
            ref={wrapper}
            style={minWidth > 0 ? { minWidth } : undefined}
          >
            {useCanvas && scene && <LinksCanvas ref={canvas} scene={scene} />}
            <SankeySvg
              scene={scene ?? { width, height, headers: [], links: [], nodes: [] }}
              type={layout?.type}
              drawLinks={!useCanvas}
              dataAttributes={{
                'data-testid': 'sankey',
                'data-columns': layout?.columns.map((c) => c.label).join(',') ?? '',
                'data-max-imbalance': String(maxImbalance),
                'data-renderer': useCanvas ? 'canvas' : 'svg',
                'data-link-count': String(linkCount),
                'data-node-count': String(layout?.nodes.length ?? 0),
                'data-pinned': pinned ?? '',
                'data-class': graph ? String(graph.classIndex) : '',
                'data-empty': String(message !== null),
              }}
              ariaLabel={graph ? `Pathway Sankey to class ${graph.className}` : 'Pathway Sankey'}
              describedBy={
                graph ? [summaryId, props.describedBy].filter(Boolean).join(' ') : undefined
              }
              pinned={pinned}
              tabStopId={tabStopId}
              titleOf={titleOf}
              {...svgHandlers}
              onPlotMove={useCanvas ? svgHandlers.onPlotMove : undefined}
            />
            {message && <p className="pl-empty">{message}</p>}
          </div>
        </div>
        <SankeyEnds scene={scene} type={layout?.type} scroller={scroller} />
        {pan.pans && !pan.atEnd && (
          <span className="pl-pan-badge" aria-hidden="true">
            scroll ⇆
          </span>
        )}
      </div>
      {pan.pans && (
        <p className="pl-pan-hint" data-testid="sankey-pan-hint">
          The diagram is wider than its frame: swipe it sideways to see every layer (or Shift +
          wheel, or Tab through its boxes); the pixel and the class stay at its edges.
        </p>
      )}
      {graph && !graph.empty && (
        <p id={summaryId} className="pl-visually-hidden">
          {summarizeGraph(graph)}
        </p>
      )}
      {props.showLegend !== false && (
        <SankeyLegend ky={layout?.ky} marked={scene?.nodes.some((n) => n.marker) ?? false} />
      )}
      <SankeyTooltip
        frame={root}
        sceneWidth={scene?.width ?? width}
        anchor={readoutAnchor}
        text={readoutText}
        itemId={readoutShown}
      />
      <p className="pl-visually-hidden" aria-live="polite" data-testid="sankey-readout">
        {readoutText}
      </p>
    </div>
  );
}
