// The prune setting as a short, URL-safe token ('top8', 'min0.02') and its stated effect. The state
// layer's URL schema can call these so the Sankey's setting round-trips through links.
import { formatPercent } from '../lib/format';
import type { PruneSpec, PruneStats } from './sankey-types';

export const TOP_K_RANGE = { min: 1, max: 64 } as const;
/** Threshold as a share of the |flow| between two columns; above ~0.5 nothing would remain. */
export const SHARE_RANGE = { min: 0, max: 0.5 } as const;

export function clampPrune(spec: PruneSpec): PruneSpec {
  if (spec.mode === 'topK') {
    const k = Math.round(Number.isFinite(spec.k) ? spec.k : 8);
    return { mode: 'topK', k: Math.min(TOP_K_RANGE.max, Math.max(TOP_K_RANGE.min, k)) };
  }
  const share = Number.isFinite(spec.share) ? spec.share : 0;
  return { mode: 'threshold', share: Math.min(SHARE_RANGE.max, Math.max(SHARE_RANGE.min, share)) };
}

export function formatPruneToken(spec: PruneSpec): string {
  const s = clampPrune(spec);
  return s.mode === 'topK' ? `top${s.k}` : `min${Number(s.share.toPrecision(3))}`;
}

/** Parses a token; null for anything malformed so the caller can fall back and say so. */
export function parsePruneToken(token: string | null | undefined): PruneSpec | null {
  if (!token) return null;
  const top = /^top(\d{1,3})$/.exec(token);
  if (top?.[1]) return clampPrune({ mode: 'topK', k: Number(top[1]) });
  const min = /^min(\d*\.?\d+(?:e-?\d+)?)$/.exec(token);
  if (min?.[1]) return clampPrune({ mode: 'threshold', share: Number(min[1]) });
  return null;
}

/** "showing 84% of |flow| · 37 links hidden · 46 grouped as “other”" */
export function describePruneEffect(stats: PruneStats): string {
  const parts = [`showing ${formatPercent(stats.shownShare)} of |flow|`];
  parts.push(`${stats.hiddenLinks} link${stats.hiddenLinks === 1 ? '' : 's'} hidden`);
  if (stats.aggregatedNodes > 0) {
    parts.push(`${stats.aggregatedNodes} grouped as “other”`);
  }
  return parts.join(' · ');
}
