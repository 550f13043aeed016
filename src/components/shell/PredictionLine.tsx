// The prediction in one line, for the stacked (phone) layout: shown right under the input so the
// answer is on the first screen with the image; the full Prediction panel stays further down.
// CSS shows it below 980 px only (app.css); it is not a live region (the panel already is).
import { selectClassNames, selectCurrentPrediction, selectTrueLabel } from '../../state/selectors';
import { useAppState } from '../../state/store';
import { formatPercent } from './format';

export function PredictionLine() {
  const prediction = useAppState(selectCurrentPrediction);
  const names = useAppState(selectClassNames);
  const trueLabel = useAppState(selectTrueLabel);
  if (!prediction) return null;
  const { classIndex, probabilities } = prediction;
  const name = names[classIndex] ?? String(classIndex);
  const correct = trueLabel === null ? null : trueLabel === classIndex;
  return (
    <p className="prediction-line" data-testid="prediction-line" data-class-index={classIndex}>
      <span className="prediction-line-key">Prediction</span>{' '}
      <strong className="prediction-line-class">{name}</strong>{' '}
      <span className="muted">{formatPercent(probabilities[classIndex] ?? 0)}</span>
      {correct !== null && (
        <span className="prediction-line-verdict" data-correct={correct}>
          {correct
            ? ' · matches the label'
            : ` · label is ${names[trueLabel as number] ?? trueLabel}`}
        </span>
      )}
    </p>
  );
}
