import { useMemo } from 'react';
import { divergingHex, maxAbs } from '../../lib/colors';
import { fixedFormatter, formatPercent } from '../../lib/format';
import { classLabel, classRows, TOP_ROWS } from './class-rows';

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
 * Names longer than this get a tooltip: the name column cuts them (classes.css: 10em, or 6em in
 * a narrow table of many classes).
 */
const LONG_NAME = 12;
const LONG_NAME_NUMBERED = 7;

/**
 * One row per class (for many classes, the rows classRows picks, and one "other" row): its
 * probability (the prediction marked) and the selection's signed contribution to its logit. Rows
 * are buttons: choosing a class re-targets the flows and the relevance map.
 */
export function ClassTable(props: ClassTableProps) {
  const { probabilities, classNames, pixelContribution, chosenClass } = props;
  const predicted = argmax(probabilities);
  const extent = pixelContribution ? maxAbs(pixelContribution) : 0;
  const fmt = fixedFormatter(extent);
  const rows = useMemo(() => classRows(probabilities, chosenClass), [probabilities, chosenClass]);
  // With more classes than rows, each row also shows the class number (what search and links use).
  const numbered = rows.other !== null || rows.pinned !== null;
  return (
    <div className="pl-class-table" role="group" aria-label="Classes" data-numbered={numbered}>
      <div className="pl-class-row pl-class-head" aria-hidden="true">
        <span>{numbered ? `Class (top ${TOP_ROWS} of ${probabilities.length})` : 'Class'}</span>
        <span>Probability</span>
        <span />
        <span>Contribution of the selection</span>
        <span />
      </div>
      {rows.classes.map((c) => {
        const name = classLabel(classNames, c);
        const p = probabilities[c] ?? 0;
        const r = pixelContribution ? (pixelContribution[c] ?? 0) : null;
        const frac = r !== null && extent > 0 ? Math.abs(r) / extent : 0;
        const label =
          `Class ${name}${numbered ? ` (number ${c})` : ''}: probability ${formatPercent(p)}` +
          (c === predicted ? ', predicted' : '') +
          (c === rows.pinned ? ', chosen, not among the most probable' : '') +
          (r !== null ? `, contribution ${fmt(r)}` : '');
        const classes = [
          'pl-class-row',
          c === predicted ? 'pl-predicted' : '',
          c === rows.pinned ? 'pl-class-pinned' : '',
        ];
        return (
          <button
            key={c}
            type="button"
            className={classes.filter(Boolean).join(' ')}
            aria-pressed={c === chosenClass}
            aria-label={label}
            data-class-index={c}
            onClick={() => props.onChooseClass(c)}
          >
            <span className="pl-class-name">
              {numbered && <span className="pl-class-number">{c}</span>}
              <span
                className="pl-class-label"
                title={name.length > (numbered ? LONG_NAME_NUMBERED : LONG_NAME) ? name : undefined}
              >
                {name}
              </span>
              {c === predicted && <span className="pl-badge">predicted</span>}
              {c === rows.pinned && <span className="pl-badge pl-badge-quiet">chosen</span>}
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
      {rows.other && (
        <div
          className="pl-class-row pl-class-other"
          data-testid="class-other"
          aria-label={`The other ${rows.other.count} classes together: probability ${formatPercent(rows.other.probability)}. Find one with the search above.`}
          role="note"
        >
          <span className="pl-class-name">
            <span className="pl-class-label">other ({rows.other.count} classes)</span>
          </span>
          <span className="pl-bar-track">
            <span
              className="pl-bar-prob"
              style={{ width: `${Math.max(0, Math.min(1, rows.other.probability)) * 100}%` }}
            />
          </span>
          <span className="pl-num">{formatPercent(rows.other.probability)}</span>
          <span />
          <span className="pl-num">–</span>
        </div>
      )}
    </div>
  );
}
