import { isEmptyImage } from '../../lib/dataset-words';
import { useAppState } from '../../state/store';
import { selectClassNames, selectCurrentPrediction, selectTrueLabel } from '../../state/selectors';
import { formatPercent } from './format';

/** The predicted class and whether it matches the sample's label (the class panel has the rest). */
export function PredictionPanel() {
  const current = useAppState(selectCurrentPrediction);
  const status = useAppState((s) => s.prediction.status);
  const previous = useAppState((s) => s.prediction.result);
  // While the next image is computed, the last answer stays (dimmed) instead of flickering away.
  const stale = !current && status === 'pending' && previous !== null;
  const prediction = current ?? (stale ? previous : null);
  const error = useAppState((s) => s.prediction.error);
  const modelStatus = useAppState((s) => s.model.status);
  const names = useAppState(selectClassNames);
  const trueLabel = useAppState(selectTrueLabel);
  const source = useAppState((s) => s.image?.source);
  // A blank canvas (after Clear) has nothing to classify: any answer would be the biases' alone.
  const empty = useAppState((s) => (s.image ? isEmptyImage(s.image.pixels) : false));

  let body;
  if (empty) {
    body = (
      <p className="muted" data-testid="prediction-empty" aria-live="polite">
        The canvas is empty: draw something.
      </p>
    );
  } else if (prediction) {
    const { classIndex, probabilities } = prediction;
    const name = names[classIndex] ?? String(classIndex);
    const correct = trueLabel === null || stale ? null : trueLabel === classIndex;
    body = (
      <div className="prediction-body" data-stale={stale}>
        <div
          className="prediction-headline"
          data-testid="prediction"
          data-class-index={classIndex}
          data-class-name={name}
          data-for-sample={!stale && source?.kind === 'sample' ? source.index : undefined}
          data-stale={stale}
          aria-live="polite"
        >
          <span className="prediction-class">{name}</span>
          <span className="prediction-confidence">
            {formatPercent(probabilities[classIndex] ?? 0)}
          </span>
        </div>
        {correct !== null && (
          <p className="verdict" data-testid="verdict" data-correct={correct}>
            {correct ? (
              <>
                <span aria-hidden="true">✓ </span>Matches the label
              </>
            ) : (
              <>
                <span aria-hidden="true">✗ </span>Misclassified: the label is{' '}
                {names[trueLabel as number] ?? trueLabel}
              </>
            )}
          </p>
        )}
      </div>
    );
  } else if (status === 'error') {
    body = (
      <p className="panel-error" role="alert">
        The prediction failed: {error}
      </p>
    );
  } else if (modelStatus === 'error') {
    body = <p className="muted">No prediction without a model.</p>;
  } else {
    body = (
      <p className="muted" data-testid="prediction-pending">
        {modelStatus === 'ready' ? 'Computing…' : 'Waiting for the model…'}
      </p>
    );
  }

  return (
    <section className="panel prediction" aria-labelledby="prediction-title">
      <h2 id="prediction-title">Prediction</h2>
      {body}
    </section>
  );
}
