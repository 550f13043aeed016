// The Sankey with its controls, fully controlled: every setting comes in as a prop and goes out
// through a callback, so the shell decides what lives in the store and the URL (PathwayPanel does
// that wiring). It draws a drawing built once by the view (use-sankey-drawing.ts) and hands
// parts of it down; nothing here builds or lays out the graph.
import { memo, useDeferredValue, useId, useState } from 'react';
import type { PathwayChain, PixelQueryResult } from '../../pathways/types';
import { describePixels } from '../../layout/sankey-columns';
import type { SankeyDrawing } from '../../layout/sankey-drawing';
import type { SankeySettings } from '../../layout/sankey-types';
import { formatSigned } from '../../lib/format';
import { PERF_BASELINE } from '../../lib/perf-baseline';
import { describePruneEffect } from '../../layout/prune-spec';
import { sankeyTitle } from '../../render/describe';
import { ExportButtons } from './ExportButtons';
import { LayoutOptionsControl } from './LayoutOptionsControl';
import { PathwayWords } from './PathwayWords';
import { PlaybackControl } from './PlaybackControl';
import { PruneControl } from './PruneControl';
import { SankeyExplainer } from './SankeyExplainer';
import { SankeyView } from './SankeyView';
import { TopChains } from './TopChains';
import { TargetClassSelector } from './TargetClassSelector';
import type { SankeyFrame } from './use-sankey-drawing';

/**
 * What the shell gives the Sankey (PathwayPanel passes it through unchanged): the drawing, and
 * the settings that live in the store and the URL with their change callbacks.
 */
export interface SankeyControlProps {
  /** The result, its graph and its layout (use-sankey-drawing.ts); null while there is none. */
  drawing: SankeyDrawing | null;
  /** The element the layout was measured on, and its size. */
  frame?: SankeyFrame;
  /** Chosen target class, or null to follow the prediction. */
  targetClass: number | null;
  onTargetClassChange: (classIndex: number | null) => void;
  settings: SankeySettings;
  onSettingsChange: (settings: SankeySettings) => void;
  pinned: string | null;
  onPinNode: (id: string | null) => void;
  /** Hovered node id, e.g. to highlight the same map in the feature-map panel. */
  onHoverNode?: (id: string | null) => void;
  /** A node hovered in another panel (see layout/node-ref.ts), highlighted here too. */
  externalHover?: string | null;
  /** Node ids of important maps to mark (see SankeyView); also marked in the SVG/PNG export. */
  markedNodeIds?: ReadonlySet<string>;
  /** Playback: revealed columns, or null for all. */
  reveal: number | null;
  onRevealChange: (reveal: number | null) => void;
  /** Lecture mode hides the option controls (prune, layout, export). */
  hideControls?: boolean;
}

export interface SankeyPanelProps extends SankeyControlProps {
  classNames: readonly string[];
  /** The model's prediction for the image (the default target class). */
  predicted: number | null;
  placeholder?: string;
  /** Why the selection has no pathways, when it has none (SankeyView's emptyMessage). */
  emptyMessage?: string;
  /**
   * The top chains of the drawing's result when they come apart from it (the app asks for them
   * after the Sankey, src/app/session/pathway-chains.ts): null while they are being found.
   * Default: the result's own chains.
   */
  chains?: readonly PathwayChain[] | null;
  /** Why the chains could not be found, if they could not. */
  chainsError?: string | null;
}

const IGNORE_ACTIVE = () => {};

/** What the chain table and the words under the diagram show: a drawing and its chains. */
interface Below {
  drawing: SankeyDrawing;
  /** The drawing's result with its chains in place (what TopChains and PathwayWords read). */
  result: PixelQueryResult;
}

/**
 * The newest drawing whose chains are known. While the next result's chains are being found the
 * table and the words keep the last ones (marked stale) instead of vanishing and coming back a
 * moment later, which would move everything under them twice per click.
 */
function useBelow(
  drawing: SankeyDrawing | null,
  chains: readonly PathwayChain[] | null,
): Below | null {
  const [last, setLast] = useState<Below | null>(null);
  if (!drawing) return null;
  if (chains === null) return last;
  if (last?.drawing === drawing && last.result.chains === chains) return last;
  // Derived state, kept from an earlier render (React re-renders at once with it).
  const next = { drawing, result: { ...drawing.result, chains: chains as PathwayChain[] } };
  setLast(next);
  return next;
}

/**
 * Memoised: the shell re-renders its parent on every new selection (the previous answer stays on
 * screen, dimmed, until the new one arrives); redrawing an unchanged Sankey then would only delay
 * the new one.
 */
export const SankeyPanel = memo(function SankeyPanel(props: SankeyPanelProps) {
  const { drawing, settings, onSettingsChange } = props;
  const [chain, setChain] = useState<number | null>(null);
  const wordsId = useId();
  const result = drawing?.result ?? null;
  const graph = drawing?.graph ?? null;
  const chains = props.chains === undefined ? (result?.chains ?? null) : props.chains;
  const latest = useBelow(drawing, chains);
  // The words and the chain table under the diagram follow in a deferred render, just after
  // the new pixel's Sankey is committed, instead of holding it up (~1–2 ms of text per answer).
  const deferred = useDeferredValue(latest);
  const below = PERF_BASELINE ? latest : deferred;
  // Chains of an earlier result must not be drawn over this one's diagram.
  const belowIsCurrent = below !== null && below.drawing === drawing;
  // The words and the table are marked stale in the deferred render that updates them, not in the
  // urgent one that draws the new Sankey: their props then stay the same there, and both
  // memoised components skip it (they used to re-render their old chains just to be marked).
  const shownDrawing = useDeferredValue(drawing);
  const belowStale = PERF_BASELINE
    ? !belowIsCurrent
    : !(below !== null && below.drawing === shownDrawing);
  const columns = graph?.columns.map((c) => c.label) ?? [];
  const title = graph ? sankeyTitle(graph) : 'Pathways';
  const subtitle = graph
    ? `total flow ${formatSigned(graph.relevance)} logit · ${describePruneEffect(graph.stats)}`
    : undefined;
  const fileBase = result
    ? `pathways-${describePixels(result.pixels, result.input.width)}-class-${result.classIndex}`
        .replace(/\W+/g, '-')
        .replace(/-+$/, '')
    : 'pathways';
  return (
    <div className="pl-sankey-panel">
      <div className="pl-sankey-controls">
        <TargetClassSelector
          classNames={props.classNames}
          value={props.targetClass}
          predicted={props.predicted}
          onChange={props.onTargetClassChange}
        />
        {columns.length > 0 && (
          <PlaybackControl
            steps={columns}
            value={props.reveal ?? columns.length}
            onChange={(v) => props.onRevealChange(v >= columns.length ? null : v)}
          />
        )}
        {!props.hideControls && (
          <ExportButtons
            graph={graph}
            title={title}
            subtitle={subtitle}
            fileBase={fileBase}
            markedNodeIds={props.markedNodeIds}
          />
        )}
      </div>
      {!props.hideControls && (
        <div className="pl-sankey-controls">
          <PruneControl
            value={settings.prune}
            onChange={(prune) => onSettingsChange({ ...settings, prune })}
            stats={graph?.stats ?? null}
          />
          <LayoutOptionsControl
            value={settings}
            onChange={(v) => onSettingsChange({ ...settings, ...v })}
          />
        </div>
      )}
      <SankeyView
        drawing={drawing}
        frame={props.frame}
        pinned={props.pinned}
        onPinNode={props.onPinNode}
        onHoverNode={props.onHoverNode}
        reveal={props.reveal ?? Infinity}
        placeholder={props.placeholder}
        highlightChain={belowIsCurrent ? chain : null}
        chains={belowIsCurrent ? below.result.chains : undefined}
        externalHover={props.externalHover}
        markedNodeIds={props.markedNodeIds}
        describedBy={
          belowIsCurrent && !below.drawing.graph.empty && below.result.chains.length > 0
            ? wordsId
            : undefined
        }
        emptyMessage={props.emptyMessage}
      />
      <PathwayWords
        id={wordsId}
        // After a failed search there is nothing to say of this result (TopChains says why).
        result={props.chainsError ? null : (below?.result ?? null)}
        graph={below?.drawing.graph ?? null}
        stale={belowStale}
      />
      <TopChains
        result={below?.result ?? null}
        graph={below?.drawing.graph ?? null}
        active={belowStale ? null : chain}
        onActiveChange={belowStale ? IGNORE_ACTIVE : setChain}
        stale={belowStale}
        error={props.chainsError ?? null}
      />
      <SankeyExplainer />
    </div>
  );
});
