// Prune control: top-K maps per layer, or hide links below a share of a layer's |flow|, with the
// stated effect on the drawing ("showing 84% of |flow| · 37 links hidden").
import { useId, useRef } from 'react';
import { SHARE_RANGE, TOP_K_RANGE, describePruneEffect } from '../../layout/prune-spec';
import type { PruneSpec, PruneStats } from '../../layout/sankey-types';
import { Term } from '../common/Term';

export interface PruneControlProps {
  value: PruneSpec;
  onChange: (spec: PruneSpec) => void;
  /** Stats of the drawn graph; null while there is none. */
  stats: PruneStats | null;
  /** Largest K offered (default: 32). */
  maxK?: number;
}

const THRESHOLD_MAX = 0.2;

export function PruneControl({ value, onChange, stats, maxK = 32 }: PruneControlProps) {
  const id = useId();
  // Remember the other mode's setting so flipping modes back and forth does not lose it.
  const last = useRef({ k: 8, share: 0.02 });
  if (value.mode === 'topK') last.current.k = value.k;
  else last.current.share = value.share;
  const kMax = Math.min(maxK, TOP_K_RANGE.max);
  const setMode = (mode: PruneSpec['mode']) =>
    onChange(mode === 'topK' ? { mode, k: last.current.k } : { mode, share: last.current.share });

  return (
    <fieldset className="pl-prune" data-testid="sankey-prune">
      <legend>Prune</legend>
      <label>
        <input
          type="radio"
          name={`${id}-mode`}
          checked={value.mode === 'topK'}
          onChange={() => setMode('topK')}
        />{' '}
        top maps per layer
      </label>
      <label>
        <input
          type="radio"
          name={`${id}-mode`}
          checked={value.mode === 'threshold'}
          onChange={() => setMode('threshold')}
        />{' '}
        hide small links
      </label>
      {value.mode === 'topK' ? (
        <label>
          K{' '}
          <input
            type="range"
            min={TOP_K_RANGE.min}
            max={kMax}
            step={1}
            value={Math.min(value.k, kMax)}
            onChange={(e) => onChange({ mode: 'topK', k: Number(e.target.value) })}
            aria-valuetext={`${value.k} maps per layer, the rest grouped as other`}
          />{' '}
          <output>{value.k}</output>
        </label>
      ) : (
        <label>
          below{' '}
          <input
            type="range"
            min={SHARE_RANGE.min}
            max={THRESHOLD_MAX}
            step={0.005}
            value={Math.min(value.share, THRESHOLD_MAX)}
            onChange={(e) => onChange({ mode: 'threshold', share: Number(e.target.value) })}
            aria-valuetext={`links under ${(value.share * 100).toFixed(1)} percent of a layer's flow hidden`}
          />{' '}
          <output>{(value.share * 100).toFixed(1)}%</output> of a layer’s |flow|
        </label>
      )}
      <span className="pl-effect" aria-live="polite" data-testid="sankey-prune-effect">
        {stats ? describePruneEffect(stats) : ''}
      </span>
      {stats && <Term id="classFlow">{''}</Term>}
    </fieldset>
  );
}
