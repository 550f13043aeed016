// The Sankey with its controls, fully controlled: every setting comes in as a prop and goes out
// through a callback, so the shell decides what lives in the store and the URL (PathwayPanel does
// that wiring). It draws a drawing built once by the view (use-sankey-drawing.ts) and hands
// parts of it down; nothing here builds or lays out the graph.
import { memo, useDeferredValue, useId, useState } from 'react';
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
  // The words and the chain table under the diagram follow in a deferred render, just after
  // the new pixel's Sankey is committed, instead of holding it up (~1–2 ms of text per answer).
  const deferred = useDeferredValue(drawing);
  const below = PERF_BASELINE ? drawing : deferred;
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
        highlightChain={chain}
        externalHover={props.externalHover}
        markedNodeIds={props.markedNodeIds}
        describedBy={
          result && graph && !graph.empty && result.chains.length > 0 ? wordsId : undefined
        }
        emptyMessage={props.emptyMessage}
      />
      <PathwayWords id={wordsId} result={below?.result ?? null} graph={below?.graph ?? null} />
      <TopChains
        result={below?.result ?? null}
        graph={below?.graph ?? null}
        active={chain}
        onActiveChange={setChain}
      />
      <SankeyExplainer />
    </div>
  );
});
