import { divergingHex, maxAbs } from '../../lib/colors';
import { fixedFormatter, formatPercent } from '../../lib/format';

interface ClassTableProps {
  /** Softmax probabilities, one per class. */
  probabilities: Float32Array;
  classNames: readonly string[];
  /** R_c of the selection for every class (logit units), or null without a selection. */
  pixelContribution: Float32Array | null;
  chosenClass: number;
  onChooseClass: (c: number) => void;
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++)
    if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

/**
 * One row per class: its probability (the prediction marked) and the selection's signed
 * contribution to its logit. Rows are buttons: choosing a class re-targets the flows and the
 * relevance map.
 */
export function ClassTable(props: ClassTableProps) {
  const { probabilities, classNames, pixelContribution, chosenClass } = props;
  const predicted = argmax(probabilities);
  const extent = pixelContribution ? maxAbs(pixelContribution) : 0;
  const fmt = fixedFormatter(extent);
  return (
    <div className="pl-class-table" role="group" aria-label="Classes">
      <div className="pl-class-row pl-class-head" aria-hidden="true">
        <span>Class</span>
        <span>Probability</span>
        <span />
        <span>Contribution of the selection</span>
        <span />
      </div>
      {classNames.map((name, c) => {
        const p = probabilities[c] ?? 0;
        const r = pixelContribution ? (pixelContribution[c] ?? 0) : null;
        const frac = r !== null && extent > 0 ? Math.abs(r) / extent : 0;
        const label =
          `Class ${name}: probability ${formatPercent(p)}` +
          (c === predicted ? ', predicted' : '') +
          (r !== null ? `, contribution ${fmt(r)}` : '');
        return (
          <button
            key={c}
            type="button"
            className={`pl-class-row${c === predicted ? ' pl-predicted' : ''}`}
            aria-pressed={c === chosenClass}
            aria-label={label}
            onClick={() => props.onChooseClass(c)}
          >
            <span className="pl-class-name">
              {name}
              {c === predicted && <span className="pl-badge">predicted</span>}
            </span>
            <span className="pl-bar-track">
              <span
                className="pl-bar-prob"
                style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }}
              />
            </span>
            <span className="pl-num">{formatPercent(p)}</span>
            <span className="pl-bar-track pl-bar-signed">
              <span className="pl-bar-axis" />
              {r !== null && r !== 0 && (
                <span
                  className="pl-bar-contrib"
                  style={{
                    width: `${frac * 50}%`,
                    left: r > 0 ? '50%' : `${50 - frac * 50}%`,
                    background: divergingHex(Math.sign(r) * 0.8),
                  }}
                />
              )}
            </span>
            <span className="pl-num">{r === null ? '–' : fmt(r)}</span>
          </button>
        );
      })}
    </div>
  );
}
