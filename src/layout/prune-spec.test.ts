import { describe, expect, it } from 'vitest';
import { clampPrune, describePruneEffect, formatPruneToken, parsePruneToken } from './prune-spec';
import type { PruneStats } from './sankey-types';

describe('prune tokens', () => {
  it('round-trips', () => {
    for (const spec of [
      { mode: 'topK', k: 8 },
      { mode: 'topK', k: 1 },
      { mode: 'threshold', share: 0.02 },
      { mode: 'threshold', share: 0 },
    ] as const) {
      expect(parsePruneToken(formatPruneToken(spec))).toEqual(spec);
    }
    expect(formatPruneToken({ mode: 'topK', k: 8 })).toBe('top8');
    expect(formatPruneToken({ mode: 'threshold', share: 0.025 })).toBe('min0.025');
  });

  it('rejects malformed tokens and clamps out-of-range values', () => {
    for (const bad of [
      '',
      'top',
      'topx',
      'top-1',
      'min',
      'min-0.1',
      'max3',
      'top1e3',
      null,
      undefined,
    ]) {
      expect(parsePruneToken(bad)).toBeNull();
    }
    expect(parsePruneToken('top999')).toEqual({ mode: 'topK', k: 64 });
    expect(parsePruneToken('top0')).toEqual({ mode: 'topK', k: 1 });
    expect(parsePruneToken('min0.9')).toEqual({ mode: 'threshold', share: 0.5 });
    expect(clampPrune({ mode: 'topK', k: Number.NaN })).toEqual({ mode: 'topK', k: 8 });
  });
});

describe('describePruneEffect', () => {
  it('states the shown share and the hidden count', () => {
    const stats: PruneStats = {
      totalLinks: 100,
      drawnLinks: 40,
      hiddenLinks: 37,
      aggregatedLinks: 20,
      zeroLinks: 3,
      totalAbs: 1,
      shownAbs: 0.84,
      hiddenAbs: 0.16,
      shownShare: 0.84,
      aggregatedNodes: 5,
      inactiveNodes: 0,
    };
    expect(describePruneEffect(stats)).toBe(
      'showing 84% of |flow| · 37 links hidden · 5 grouped as “other”',
    );
    expect(describePruneEffect({ ...stats, hiddenLinks: 1, aggregatedNodes: 0 })).toBe(
      'showing 84% of |flow| · 1 link hidden',
    );
  });
});
