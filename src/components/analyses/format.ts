// Number formats of the Analyses area (one place, so every view prints alike).
import { formatNumber, formatPercent } from '../../lib/format';

export { formatNumber, formatPercent };

/** A probability or share as a percentage with one decimal below 10 %. */
export const pct = (v: number): string => (Number.isFinite(v) ? formatPercent(v) : '–');

/** A correlation or overlap with two decimals (– when undefined). */
export const fixed2 = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '–');

/** A relative change as a percentage: "0" below float32 rounding, "<0.1%" for tiny changes. */
export function changePct(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v < 1e-4) return '0';
  const p = v * 100;
  if (p < 0.1) return '<0.1%';
  return p >= 10 ? `${p.toFixed(0)}%` : `${p.toFixed(1)}%`;
}

/** A probability with two decimals near certainty, where "100%" would hide the change. */
export function probPct(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v > 0.99 ? `${(v * 100).toFixed(2)}%` : formatPercent(v);
}

/** A drop in probability, in percentage points. */
export function dropPp(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const p = v * 100;
  const a = Math.abs(p);
  const body =
    a >= 10
      ? a.toFixed(0)
      : a >= 0.1
        ? a.toFixed(1)
        : a >= 0.01
          ? a.toFixed(2)
          : a > 0
            ? '<0.01'
            : '0';
  return `${p < 0 && body !== '0' ? '−' : ''}${body} pp`;
}

export function className(names: readonly string[], c: number): string {
  return names[c] ?? String(c);
}
