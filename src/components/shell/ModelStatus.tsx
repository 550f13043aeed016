import { formatPercent } from './format';
import { useAppState } from '../../state/store';

/** One line under the header: loading progress, or what the loaded model is. */
export function ModelStatus() {
  const model = useAppState((s) => s.model);
  if (model.status === 'loading') {
    const pct = Math.round(model.progress * 100);
    return (
      <div className="model-status" data-testid="model-status" data-status="loading">
        {/* The name and the share of the weights downloaded (a model of one's own may be big). */}
        <span>
          Loading {model.label}… <span data-testid="model-progress">{pct} %</span>
        </span>
        <progress
          max={100}
          value={pct}
          aria-label={`Loading the ${model.label} model`}
          aria-valuetext={`${pct} %`}
        />
      </div>
    );
  }
  if (model.status === 'ready' && model.summary) {
    const { card, summary } = model;
    const params = card?.parameterCount ?? summary.parameterCount;
    return (
      <div
        className="model-status"
        data-testid="model-status"
        data-status="ready"
        title={
          `${card?.title ?? model.label}` +
          (card?.testAccuracy != null ? ` · ${formatPercent(card.testAccuracy)} test accuracy` : '')
        }
      >
        <span className="model-ready" aria-hidden="true">
          ✓
        </span>
        {/* Short, so that the header's controls stay one row at 1400 px with both pickers and
            Compare; the title and test accuracy are in the tooltip and the Network panel. */}
        <span className="muted">{params.toLocaleString('en-US')} parameters</span>
      </div>
    );
  }
  return (
    <div className="model-status" data-testid="model-status" data-status={model.status}>
      <span className="muted">{model.status === 'error' ? 'No model' : 'Starting…'}</span>
    </div>
  );
}
