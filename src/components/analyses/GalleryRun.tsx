// The population analyses (important maps, consistency and portion-hot, N_total groups) run on
// gallery samples when the user asks: one run hook and one row of controls for all of them.
import type { ReactNode } from 'react';
import { useRun } from '../../state/analyses-store';
import type { RunId, RunParams } from '../../state/analyses-types';
import { useAppState } from '../../state/store';
import { RunStatus } from './RunStatus';
import {
  SampleCountPicker,
  useGalleryMissing,
  useGallerySet,
  type GallerySet,
} from './SampleCountPicker';
import { useAnalysisRun } from './use-analysis-run';

/**
 * useAnalysisRun for a run on the current model's gallery: its key is the model and `settings`
 * (whatever else the answer depends on), `params` builds the request from the gallery.
 */
export function useGalleryRun<K extends RunId>(
  id: K,
  settings: string,
  params: (gallery: GallerySet) => RunParams<K>,
) {
  const modelUrl = useAppState((s) => s.model.summary?.url ?? null);
  const gallery = useGallerySet();
  const key = modelUrl && gallery ? `${modelUrl}|${settings}` : null;
  const run = useAnalysisRun(id, key, () => (gallery ? params(gallery) : null));
  return { ...run, gallery, modelUrl };
}

interface Props {
  id: RunId;
  /** The run button's test id. */
  testId: string;
  /** Besides while the run is going. */
  disabled: boolean;
  onRun: () => void;
  /** The run button's label. */
  children: ReactNode;
  /** Controls between the button and the run status. */
  extra?: ReactNode;
  /** The status line before the first run. */
  idle?: string;
}

/**
 * Samples per class, the run button and the run's status; without a gallery that fits the
 * model, the sentence that says why instead of a button that cannot work.
 */
export function GalleryRunControls({ id, testId, disabled, onRun, children, extra, idle }: Props) {
  const running = useRun(id).status === 'running';
  const missing = useGalleryMissing();
  if (missing !== null) {
    return (
      <div className="an-controls">
        <p className="an-placeholder" data-testid="no-sample-set">
          {missing}
        </p>
        {extra}
      </div>
    );
  }
  return (
    <div className="an-controls">
      <SampleCountPicker />
      <button
        type="button"
        className="an-button"
        data-testid={testId}
        disabled={disabled || running}
        onClick={onRun}
      >
        {children}
      </button>
      {extra}
      <RunStatus id={id} idle={idle} />
    </div>
  );
}
