import { formatPercent } from './format';

interface Props {
  probabilities: Float32Array;
  names: readonly string[];
  predicted: number;
  trueLabel: number | null;
}

/** One bar per class, in class order, so the eye finds a class at the same place every time. */
export function ProbabilityBars({ probabilities, names, predicted, trueLabel }: Props) {
  return (
    <ol className="prob-bars" aria-label="Class probabilities" data-testid="probabilities">
      {Array.from(probabilities, (p, i) => {
        const name = names[i] ?? String(i);
        return (
          <li
            key={i}
            className="prob-row"
            data-testid="prob"
            data-class-index={i}
            data-predicted={i === predicted}
            data-true={i === trueLabel}
            aria-label={`${name}: ${formatPercent(p)}${i === trueLabel ? ' (true label)' : ''}`}
          >
            <span className="prob-name">
              {name}
              {i === trueLabel && <span className="label-tag">label</span>}
            </span>
            <span className="prob-track" aria-hidden="true">
              <span
                className="prob-fill"
                style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }}
              />
            </span>
            <span className="prob-value" aria-hidden="true">
              {formatPercent(p)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
