// The Sankey wired to the app: it reads the image, model and prediction from the store, asks the
// worker for the selection's pathways (newest request wins) and draws them with SankeyPanel.
// State that belongs in the store and the URL (selection, class, prune, pin, playback) comes in
// as props with change callbacks, so the shell decides where it lives (see docs in the report).
import { useEffect } from 'react';
import type { PixelQueryResult } from '../../pathways/types';
import { requestPixelQuery } from '../../app/session/engine-requests';
import { selectClassNames, selectCurrentPrediction } from '../../state/selectors';
import { useAppState } from '../../state/store';
import { SankeyPanel, type SankeySettings } from './SankeyPanel';
import { usePixelQuery, type PixelQueryFn } from './use-pixel-query';

export interface PathwayPanelProps {
  /** Selected input pixels, flat row * W + col (the input panel's selection); [] for none. */
  pixels: readonly number[];
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
  reveal: number | null;
  onRevealChange: (reveal: number | null) => void;
  /** Lecture mode: hide the prune, layout and export controls. */
  hideControls?: boolean;
  /** Receives every new result, e.g. to share it with the feature-map panel. */
  onResult?: (result: PixelQueryResult | null) => void;
  /** The engine request; defaults to the session's worker (tests inject a fake). */
  query?: PixelQueryFn;
}

/** What the view says while it has no pathways to draw. */
export function pathwayPlaceholder(
  unsupported: string | null,
  modelStatus: string,
  pixelCount: number,
): string {
  if (unsupported) return `This model cannot be traced: ${unsupported}`;
  if (modelStatus === 'error') return 'No model is loaded, so there are no pathways to show.';
  if (modelStatus !== 'ready') return 'The model is loading; pathways appear once it is ready.';
  if (pixelCount === 0) return 'Select a pixel of the input to follow its pathways to the class.';
  return 'Computing pathways…';
}

const defaultQuery: PixelQueryFn = (pixels, options) => requestPixelQuery(pixels, options);

export function PathwayPanel(props: PathwayPanelProps) {
  const { onResult } = props;
  const imageVersion = useAppState((s) => s.image?.version ?? null);
  const model = useAppState((s) => s.model);
  const classNames = useAppState(selectClassNames);
  const prediction = useAppState(selectCurrentPrediction);
  const unsupported =
    model.summary && !model.summary.pathways.supported ? model.summary.pathways.reason : null;
  const state = usePixelQuery(
    {
      enabled: model.status === 'ready' && imageVersion !== null && unsupported === null,
      pixels: props.pixels,
      classIndex: props.targetClass,
      imageKey: imageVersion,
    },
    props.query ?? defaultQuery,
  );
  useEffect(() => onResult?.(state.result), [state.result, onResult]);

  const placeholder = pathwayPlaceholder(unsupported, model.status, props.pixels.length);

  return (
    <section
      className="pl-pathway-panel"
      aria-label="Pixel pathways"
      aria-busy={state.status === 'loading'}
      data-query-status={state.status}
    >
      {state.error && (
        <p role="alert" className="pl-query-error">
          Could not compute the pathways: {state.error}
        </p>
      )}
      <SankeyPanel
        result={props.pixels.length > 0 ? state.result : null}
        classNames={classNames}
        predicted={prediction?.classIndex ?? null}
        targetClass={props.targetClass}
        onTargetClassChange={props.onTargetClassChange}
        settings={props.settings}
        onSettingsChange={props.onSettingsChange}
        pinned={props.pinned}
        onPinNode={props.onPinNode}
        onHoverNode={props.onHoverNode}
        externalHover={props.externalHover}
        reveal={props.reveal}
        onRevealChange={props.onRevealChange}
        hideControls={props.hideControls}
        placeholder={placeholder}
      />
    </section>
  );
}
