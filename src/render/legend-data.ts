// What the legend says, computed once for the on-screen legend and the exported figure.
import { tickStep } from 'd3';
import { formatNumber } from '../lib/format';
import { SANKEY_COLORS } from './palette';

export interface LegendSwatch {
  color: string;
  label: string;
}

export const SIGN_SWATCHES: readonly LegendSwatch[] = [
  { color: SANKEY_COLORS.positiveLink, label: 'positive flow: pushes the class score up' },
  { color: SANKEY_COLORS.negativeLink, label: 'negative flow: pushes it down' },
];

export const NODE_NOTE =
  'Grey bar = all |flow| through a map; coloured part = its net flow. Band width ∝ |flow|.';

/** Legend text for the ★ on nodes of important maps (Analyses area, finding 1). */
export const MARKER_NOTE = 'important map (ablation: top maps of its layer)';

/** A round flow value whose band is about `targetPx` thick, for the width key. */
export function widthKey(
  ky: number,
  targetPx = 18,
): { value: number; px: number; label: string } | null {
  if (!(ky > 0)) return null;
  const raw = targetPx / ky;
  const step = tickStep(0, raw, 1);
  const value = step > 0 && step <= raw * 1.5 ? step : raw;
  return { value, px: value * ky, label: `${formatNumber(value)} logit` };
}
