// The Sankey wired to the app: the selection's state (live, or the shipped precomputed example
// while the model loads; src/app/session asks the worker) from the store, around SankeyPanel.
// The drawing (result, graph, layout) and the state that belongs in the store and the URL (class,
// prune, pin, playback) come in as props from the view (src/app/views/PathwayView.tsx), which
// built the drawing once; they go to SankeyPanel unchanged.
import { useEffect } from 'react';
import { PERF_BASELINE } from '../../lib/perf-baseline';
import { markLatest, PERF_MARKS } from '../../lib/perf-marks';
import { selectClassNames, selectCurrentPrediction } from '../../state/selectors';
import {
  selectChainsError,
  selectClassData,
  selectPathwaysOrigin,
  selectShownChains,
  type PathwaysOrigin,
  selectPrecomputedLabel,
} from '../../state/selectors-view';
import { useAppState } from '../../state/store';
import type { AppState, LoadStatus } from '../../state/types';
import { isEmptyImage } from '../../lib/dataset-words';
import { emptyPathwaysMessage } from '../../render/describe';
import { useSubjectWords } from '../shell/use-subject-words';
import { SankeyPanel, type SankeyControlProps } from './SankeyPanel';

export type PathwayPanelProps = SankeyControlProps;

/** Whether the image is blank, or the selection is background, or neither (null). */
function selectEmptyCause(s: AppState): 'canvas' | 'zero' | 'gated' | null {
  const image = s.image?.pixels;
  const pixels = s.selection?.pixels;
  if (!image || !pixels || pixels.length === 0) return null;
  if (isEmptyImage(image)) return 'canvas';
  return pixels.every((p) => (image[p] ?? 0) === 0) ? 'zero' : 'gated';
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
  precomputed: '', // selectPrecomputedLabel: it depends on the model's status
  stale: 'updating…',
  none: '',
};

/**
 * The badge beside the heading. "updating…" shows only once the answer is slow (the status turns
 * 'loading' after the query's pending delay, src/app/session/pathway-query.ts): a badge that
 * flashes for a 15 ms answer is noise, and inserting and then removing it cost every click two
 * relayouts of the panel's head.
 */
export function originNote(
  origin: PathwaysOrigin,
  status: LoadStatus,
  precomputedLabel: string,
): string {
  if (origin === 'precomputed') return precomputedLabel;
  if (origin === 'stale' && status !== 'loading' && !PERF_BASELINE) return '';
  return ORIGIN_TEXT[origin];
}

export function PathwayPanel(props: PathwayPanelProps) {
  const model = useAppState((s) => s.model);
  const classNames = useAppState(selectClassNames);
  const prediction = useAppState(selectCurrentPrediction);
  const fallbackPrediction = useAppState((s) => selectClassData(s)?.prediction ?? null);
  const origin = useAppState(selectPathwaysOrigin);
  const status = useAppState((s) => s.pathways.status);
  // A count, not the pixel list: a new selection alone must not re-render the Sankey.
  const pixelCount = useAppState((s) => s.selection?.pixels.length ?? 0);
  const error = useAppState((s) => s.pathways.error);
  const chains = useAppState(selectShownChains);
  const chainsError = useAppState(selectChainsError);
  const unsupported =
    model.summary && !model.summary.pathways.supported ? model.summary.pathways.reason : null;
  const drawing = pixelCount > 0 ? props.drawing : null;
  const shown = drawing?.result ?? null;
  const pixelsKey = shown?.pixels.join(',') ?? '';

  // A timing hook for the UI benchmark (scripts/bench-ui.ts): effects run after the commit, so
  // the mark says "this selection's Sankey is on the page".
  useEffect(() => {
    if (origin !== 'live' || !shown) return;
    markLatest(PERF_MARKS.sankeyRendered, { pixels: pixelsKey, classIndex: shown.classIndex });
  }, [origin, shown, pixelsKey]);

  const canvasEmpty = useAppState((s) => (s.image ? isEmptyImage(s.image.pixels) : false));
  // A model the engine cannot trace says so first: drawing would not change that.
  const placeholder =
    canvasEmpty && !unsupported
      ? 'The canvas is empty: draw something.'
      : pathwayPlaceholder(unsupported, model.status, pixelCount);
  // Why an empty diagram is empty, in the dataset's words (describe.ts).
  const words = useSubjectWords();
  const emptyCause = useAppState(selectEmptyCause);
  const emptyMessage = emptyCause ? emptyPathwaysMessage(emptyCause, pixelCount, words) : undefined;
  const precomputedLabel = useAppState(selectPrecomputedLabel);
  const note = originNote(origin, status, precomputedLabel);

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
      {unsupported ? (
        // No class to choose, nothing to prune, lay out or export: the reason alone, where the
        // diagram would be (the feature maps below say the same).
        <p className="pl-untraceable" role="note" data-testid="pathways-untraceable">
          {placeholder}
        </p>
      ) : (
        <SankeyPanel
          {...props}
          drawing={drawing}
          classNames={classNames}
          predicted={prediction?.classIndex ?? fallbackPrediction}
          placeholder={placeholder}
          chains={chains}
          chainsError={chainsError}
          emptyMessage={emptyMessage}
        />
      )}
    </section>
  );
}
