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
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { balance } from '../../layout/sankey-graph';
import type { SankeyDrawing } from '../../layout/sankey-drawing';
import { isNavKey, nextNodeId } from '../../layout/node-navigation';
import { traceChain } from '../../layout/chain-trace';
import { traceFocus, type SankeyFocus } from '../../layout/trace';
import { CANVAS_LINK_THRESHOLD } from '../../render/canvas-links';
import { describeLink, describeNode, summarizeGraph } from '../../render/describe';
import { MARKER_NOTE } from '../../render/legend-data';
import { buildScene } from '../../render/sankey-scene';
import { LinksCanvas, type LinksCanvasHandle } from './LinksCanvas';
import { SankeyLegend } from './SankeyLegend';
import { SankeySvg } from './SankeySvg';
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
  /** Index into result.chains to draw over the figure (e.g. hovered in TopChains). */
  highlightChain?: number | null;
  /** A node hovered elsewhere (e.g. its map in the feature-map panel), highlighted like a hover. */
  externalHover?: string | null;
  /** Node ids of important maps (Analyses area) to mark with a ★; "other" nodes are never marked. */
  markedNodeIds?: ReadonlySet<string>;
  /** Id of a longer description next to the diagram (e.g. the pathways in words). */
  describedBy?: string;
}

const focusOf = (id: string): SankeyFocus =>
  id.includes('->') ? { kind: 'link', id } : { kind: 'node', id };

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

  const nodeById = useMemo(() => new Map(layout?.nodes.map((n) => [n.id, n])), [layout]);
  const linkById = useMemo(() => new Map(layout?.links.map((l) => [l.id, l])), [layout]);
  const exists = (id: string | null) => id !== null && (nodeById.has(id) || linkById.has(id));
  const external = props.externalHover ?? null;
  const focusId = [pinned, hover, external].find(exists) ?? null;
  const chain = props.highlightChain ?? null;
  const trace = useMemo(() => {
    if (!layout) return null;
    if (focusId) return traceFocus(layout, focusOf(focusId));
    const c = chain === null ? undefined : result?.chains[chain];
    return c && chain !== null ? traceChain(c, chain, layout) : null;
  }, [layout, focusId, chain, result]);
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

  const relevance = graph?.relevance ?? 0;
  const titleOf = useCallback(
    (id: string) => {
      const node = nodeById.get(id);
      // The ★ is drawn, not read: say it in the tooltip and accessible name too.
      if (node) return describeNode(node, relevance) + (isMarked(id) ? `\n★ ${MARKER_NOTE}` : '');
      const link = linkById.get(id);
      return link ? describeLink(link, (n) => nodeById.get(n)?.label ?? n, relevance) : id;
    },
    [nodeById, linkById, relevance, isMarked],
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

  const linkCount = layout?.links.length ?? 0;
  const useCanvas =
    props.renderer === 'canvas' || (props.renderer !== 'svg' && linkCount > CANVAS_LINK_THRESHOLD);
  const maxImbalance = layout ? balance(layout.nodes, layout.columns.length).maxImbalance : 0;
  const tabStopId = exists(tabStop) ? tabStop : (layout?.nodes[0]?.id ?? null);
  const readoutId = hover ?? focusId;

  const message = !graph
    ? (props.placeholder ?? 'Pick a pixel to see its pathways.')
    : graph.empty
      ? 'This pixel sends no signal: its value is 0 (or every path from it is gated off), so it ' +
        'has no pathways. Pick a pixel on the object, or use mean-centred input.'
      : null;

  return (
    <div className="pl-sankey" ref={wrapper}>
      {useCanvas && scene && <LinksCanvas ref={canvas} scene={scene} />}
      <SankeySvg
        scene={scene ?? { width, height, headers: [], links: [], nodes: [] }}
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
        describedBy={graph ? [summaryId, props.describedBy].filter(Boolean).join(' ') : undefined}
        pinned={pinned}
        tabStopId={tabStopId}
        titleOf={titleOf}
        onNodeEnter={setHoverId}
        onLinkEnter={setHoverId}
        onNodeClick={togglePin}
        onLinkClick={togglePin}
        onBackgroundClick={() => pinned !== null && onPinNode?.(null)}
        onPlotMove={useCanvas ? (x, y) => setHoverId(canvas.current?.hit(x, y) ?? null) : undefined}
        onNodeKeyDown={onNodeKeyDown}
        onNodeFocus={(id) => {
          setTabStop(id);
          setHoverId(id);
        }}
      />
      {message && <p className="pl-empty">{message}</p>}
      {graph && !graph.empty && (
        <p id={summaryId} className="pl-visually-hidden">
          {summarizeGraph(graph)}
        </p>
      )}
      {props.showLegend !== false && (
        <SankeyLegend ky={layout?.ky} marked={scene?.nodes.some((n) => n.marker) ?? false} />
      )}
      <p className="pl-readout" aria-live="polite">
        {readoutId && exists(readoutId) ? titleOf(readoutId) : ''}
      </p>
    </div>
  );
}
