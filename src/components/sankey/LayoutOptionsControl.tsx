// Display options that change the graph's shape: pool columns, dense units shown, map ranking.
import type { PoolMode, RankBy } from '../../layout/sankey-types';

export interface LayoutOptionsValue {
  poolMode: PoolMode;
  denseTopN: number;
  rankBy: RankBy;
}

export interface LayoutOptionsControlProps {
  value: LayoutOptionsValue;
  onChange: (value: LayoutOptionsValue) => void;
}

const DENSE_CHOICES = [4, 8, 12, 16, 24];
const RANK_LABELS: Record<RankBy, string> = {
  flow: '|class flow|',
  signed: 'pathway size (signed)',
  positive: 'pathway size (positive)',
  l1: 'pathway size (L1)',
};

export function LayoutOptionsControl({ value, onChange }: LayoutOptionsControlProps) {
  return (
    <fieldset className="pl-layout-options">
      <legend>Layout</legend>
      <label>
        <input
          type="checkbox"
          checked={value.poolMode === 'merge'}
          onChange={(e) => onChange({ ...value, poolMode: e.target.checked ? 'merge' : 'show' })}
        />{' '}
        merge max-pool into its conv
      </label>
      <label>
        dense units{' '}
        <select
          value={value.denseTopN}
          onChange={(e) => onChange({ ...value, denseTopN: Number(e.target.value) })}
        >
          {DENSE_CHOICES.map((n) => (
            <option key={n} value={n}>
              top {n} + other
            </option>
          ))}
        </select>
      </label>
      <label>
        rank maps by{' '}
        <select
          value={value.rankBy}
          onChange={(e) => onChange({ ...value, rankBy: e.target.value as RankBy })}
        >
          {(Object.keys(RANK_LABELS) as RankBy[]).map((r) => (
            <option key={r} value={r}>
              {RANK_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
