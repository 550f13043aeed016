// The Sankey wired to the app: it reads the selection and its pathways from the store
// (live, or the shipped precomputed example while the model loads; src/app/session asks the
// worker) and draws them with SankeyPanel. State that belongs in the store and the URL (class,
// prune, pin, playback) comes in as props with change callbacks, so the shell decides where it
// lives.
import { useEffect } from 'react';
import { markLatest, PERF_MARKS } from '../../lib/perf-marks';
import { selectClassNames, selectCurrentPrediction } from '../../state/selectors';
import {
  selectClassData,
  selectPathwaysOrigin,
  selectShownPathways,
  type PathwaysOrigin,
} from '../../state/selectors-view';
import { useAppState } from '../../state/store';
import type { SankeySettings } from '../../layout/sankey-types';
import { SankeyPanel } from './SankeyPanel';

export interface PathwayPanelProps {
  targetClass: number | null;
  onTargetClassChange: (classIndex: number | null) => void;
  settings: SankeySettings;
  onSettingsChange: (settings: SankeySettings) => void;
  pinned: string | null;
  onPinNode: (id: string | null) => void;
  /** Hovered node id, e.g. to highlight the same map in the feature-map panel. */
  onHoverNode?: (id: string | null) => void;
  /** A node hovered in another panel (convert map refs with layout/node-ref.ts). */
  externalHover?: string | null;
  /** Node ids of important maps to mark with a ★ (e.g. useImportantMapIds from the Analyses area). */
  markedNodeIds?: ReadonlySet<string>;
  reveal: number | null;
  onRevealChange: (reveal: number | null) => void;
  /** Lecture mode: hide the prune, layout and export controls. */
  hideControls?: boolean;
  height?: number;
}

/** What the view says while it has no pathways to draw. */
export function pathwayPlaceholder(
  unsupported: string | null,
  modelStatus: string,
  pixelCount: number,
): string {
  if (unsupported) return `This model cannot be traced: ${unsupported}`;
  if (pixelCount === 0) return 'Select a pixel of the input to follow its pathways to the class.';
  if (modelStatus === 'error') return 'No model is loaded, so there are no pathways to show.';
  if (modelStatus !== 'ready') return 'The model is loading; pathways appear once it is ready.';
  return 'Computing pathways…';
}

const ORIGIN_TEXT: Record<PathwaysOrigin, string> = {
  live: '',
  precomputed: 'precomputed — live model loading…',
  stale: 'updating…',
  none: '',
};

export function PathwayPanel(props: PathwayPanelProps) {
  const model = useAppState((s) => s.model);
  const classNames = useAppState(selectClassNames);
  const prediction = useAppState(selectCurrentPrediction);
  const fallbackPrediction = useAppState((s) => selectClassData(s)?.prediction ?? null);
  const result = useAppState(selectShownPathways);
  const origin = useAppState(selectPathwaysOrigin);
  const status = useAppState((s) => s.pathways.status);
  // A count, not the pixel list: a new selection alone must not re-render the Sankey.
  const pixelCount = useAppState((s) => s.selection?.pixels.length ?? 0);
  const error = useAppState((s) => s.pathways.error);
  const unsupported =
    model.summary && !model.summary.pathways.supported ? model.summary.pathways.reason : null;
  const shown = pixelCount > 0 ? result : null;
  const pixelsKey = shown?.pixels.join(',') ?? '';

  // A timing hook for the UI benchmark (scripts/bench-ui.ts): effects run after the commit, so
  // the mark says "this selection's Sankey is on the page".
  useEffect(() => {
    if (origin !== 'live' || !shown) return;
    markLatest(PERF_MARKS.sankeyRendered, { pixels: pixelsKey, classIndex: shown.classIndex });
  }, [origin, shown, pixelsKey]);

  const placeholder = pathwayPlaceholder(unsupported, model.status, pixelCount);
  const note = ORIGIN_TEXT[origin];

  return (
    <section
      className="pl-pathway-panel"
      aria-label="Pixel pathways"
      aria-busy={status === 'loading'}
      data-testid="pathway-panel"
      data-query-status={status}
      data-origin={shown ? origin : 'none'}
      data-pixels={pixelsKey}
      data-step={props.reveal ?? 'all'}
    >
      <div className="pl-pathway-head">
        <h2>Pixel pathways</h2>
        {note && shown && (
          <span className={`pl-origin pl-origin-${origin}`} data-testid="pathway-origin">
            {note}
          </span>
        )}
      </div>
      <p className="pl-explain">
        Where the selected pixel’s signal goes, layer by layer, on its way to the class score: each
        box is a feature map, blue bands raise the score and orange bands lower it, and the flows
        add up at every box.
      </p>
      {error && status === 'error' && (
        <p role="alert" className="pl-query-error">
          Could not compute the pathways: {error}
        </p>
      )}
      <SankeyPanel
        result={shown}
        classNames={classNames}
        predicted={prediction?.classIndex ?? fallbackPrediction}
        targetClass={props.targetClass}
        onTargetClassChange={props.onTargetClassChange}
        settings={props.settings}
        onSettingsChange={props.onSettingsChange}
        pinned={props.pinned}
        onPinNode={props.onPinNode}
        onHoverNode={props.onHoverNode}
        externalHover={props.externalHover}
        markedNodeIds={props.markedNodeIds}
        reveal={props.reveal}
        onRevealChange={props.onRevealChange}
        hideControls={props.hideControls}
        height={props.height}
        placeholder={placeholder}
      />
    </section>
  );
}
