// The three totals of a comparison, R_c(p) of A, of B and their difference, in logit units.
import { formatSigned } from '../../lib/format';

export interface CompareTotalsProps {
  a: number;
  b: number;
}

export function CompareTotals({ a, b }: CompareTotalsProps) {
  const diff = b - a;
  return (
    <dl className="cmp-totals" aria-label="Totals R_c(p)" data-testid="compare-totals">
      <div>
        <dt>A: R_c(p)</dt>
        <dd data-testid="total-a">{formatSigned(a)}</dd>
      </div>
      <div>
        <dt>B: R_c(p)</dt>
        <dd data-testid="total-b">{formatSigned(b)}</dd>
      </div>
      <div>
        <dt>B − A</dt>
        <dd data-testid="total-diff" className={diff > 0 ? 'is-more' : diff < 0 ? 'is-less' : ''}>
          {formatSigned(diff)} logit
        </dd>
      </div>
    </dl>
  );
}
