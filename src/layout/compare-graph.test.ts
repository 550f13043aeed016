import { describe, expect, it } from 'vitest';
import { buildCompareGraphs, incompatibility } from './compare-graph';
import { layoutCompare } from './compare-layout';
import { balance, nodeTotals, buildSankeyGraph } from './sankey-graph';
import { MNIST_LIKE_LAYERS, syntheticPixelQuery, zeroPixelQuery } from './testing/synthetic-result';
import type { SankeyGraph } from './sankey-types';

const A = syntheticPixelQuery({ seed: 3, pixels: [14 * 28 + 9] });
const B = syntheticPixelQuery({ seed: 11, pixels: [10 * 28 + 12], relevance: -0.4 });

/** Largest |Σin − Σout| and |Σin − F| over the boxes, from the graph's own numbers. */
function worstImbalance(g: SankeyGraph): number {
  let worst = 0;
  for (const n of g.nodes) {
    const t = nodeTotals(n, g.columns.length - 1);
    worst = Math.max(worst, Math.abs(t.in - t.out), Math.abs(t.in - n.flow));
  }
  return worst;
}

/** Each column's Σ F: R_c(p) in every column. */
function columnSums(g: SankeyGraph): number[] {
  return g.columns.map((c) =>
    g.nodes.filter((n) => n.column === c.index).reduce((s, n) => s + n.flow, 0),
  );
}

describe('buildCompareGraphs', () => {
  const graphs = buildCompareGraphs(A, B);

  it('draws the same boxes, in the same order, in A, B and B − A', () => {
    const ids = (g: SankeyGraph) => g.nodes.map((n) => n.id);
    expect(ids(graphs.b)).toEqual(ids(graphs.a));
    expect(ids(graphs.diff)).toEqual(ids(graphs.a));
    expect(graphs.b.links.map((l) => l.id)).toEqual(graphs.a.links.map((l) => l.id));
  });

  it('gives every map of either side’s own top-K a box of its own (the union)', () => {
    for (const side of [A, B]) {
      const own = buildSankeyGraph(side);
      for (const n of own.nodes.filter((m) => m.kind === 'unit')) {
        expect(graphs.a.nodes.map((m) => m.id)).toContain(n.id);
      }
    }
    // …and nothing else: every own box is in one side's top-K (or is the lone rest of a column).
    const tops = new Set(
      [A, B].flatMap((s) =>
        buildSankeyGraph(s)
          .nodes.filter((n) => n.kind === 'unit')
          .map((n) => n.id),
      ),
    );
    const extra = graphs.a.nodes.filter((n) => n.kind === 'unit' && !tops.has(n.id));
    expect(extra.length).toBeLessThanOrEqual(graphs.a.columns.length);
    // The union is larger than either side's top 8 somewhere (the two pixels differ).
    const conv = graphs.a.nodes.filter((n) => n.column === 4 && n.kind === 'unit');
    expect(conv.length).toBeGreaterThan(8);
  });

  it('balances at every box on both sides and in the difference', () => {
    for (const g of [graphs.a, graphs.b, graphs.diff]) {
      expect(worstImbalance(g)).toBeLessThan(1e-5);
      expect(g.maxImbalance).toBeLessThan(1e-5);
    }
  });

  it('takes the difference per box and per band, and its total is R_B − R_A in every column', () => {
    graphs.diff.nodes.forEach((n, i) => {
      expect(n.flow).toBeCloseTo(graphs.b.nodes[i]!.flow - graphs.a.nodes[i]!.flow, 12);
    });
    graphs.diff.links.forEach((l, i) => {
      expect(l.flow).toBeCloseTo(graphs.b.links[i]!.flow - graphs.a.links[i]!.flow, 12);
    });
    expect(graphs.diff.relevance).toBeCloseTo(B.relevance - A.relevance, 12);
    for (const sum of columnSums(graphs.diff)) expect(sum).toBeCloseTo(-0.4 - 0.84, 5);
  });

  it('keeps each side’s totals: every column of A carries R_A, of B carries R_B', () => {
    for (const sum of columnSums(graphs.a)) expect(sum).toBeCloseTo(0.84, 5);
    for (const sum of columnSums(graphs.b)) expect(sum).toBeCloseTo(-0.4, 5);
  });

  it('still balances when pruning by a share hides bands (hidden only where both sides hide)', () => {
    const pruned = buildCompareGraphs(A, B, { prune: { mode: 'threshold', share: 0.05 } });
    expect(pruned.a.hiddenLinks.length).toBeGreaterThan(0);
    expect(pruned.diff.hiddenLinks.map((l) => l.id)).toEqual(pruned.a.hiddenLinks.map((l) => l.id));
    for (const g of [pruned.a, pruned.b, pruned.diff]) expect(worstImbalance(g)).toBeLessThan(1e-5);
  });

  it('compares one selection towards two classes: the class box is each side’s own class', () => {
    const toThree = syntheticPixelQuery({ seed: 3, classIndex: 3 });
    const toFive = syntheticPixelQuery({ seed: 5, classIndex: 5, relevance: 0.2 });
    const g = buildCompareGraphs(toThree, toFive, {
      classNames: ['0', '1', '2', 'three', '4', 'five'],
    });
    expect(g.a.nodes.at(-1)?.id).toBe('class:3');
    expect(g.b.nodes.at(-1)?.id).toBe('class:5');
    expect(g.diff.className).toBe('five − three');
    expect(g.diff.nodes.at(-1)?.flow).toBeCloseTo(0.2 - 0.84, 5);
    expect(worstImbalance(g.diff)).toBeLessThan(1e-5);
  });

  it('draws a zero pixel against a live one (A silent, B not)', () => {
    const g = buildCompareGraphs(zeroPixelQuery(), B);
    expect(g.a.empty).toBe(true);
    expect(g.b.empty).toBe(false);
    expect(worstImbalance(g.diff)).toBeLessThan(1e-5);
  });

  it('refuses results of two different networks', () => {
    const other = syntheticPixelQuery({
      layers: MNIST_LIKE_LAYERS.slice(0, 3).concat(MNIST_LIKE_LAYERS.slice(-1)),
    });
    expect(incompatibility(A, other)).toMatch(/different networks/);
    expect(() => buildCompareGraphs(A, other)).toThrow(/cannot be compared/);
  });
});

describe('layoutCompare', () => {
  const graphs = buildCompareGraphs(A, B);
  const views = layoutCompare(graphs, { width: 700, height: 420 });

  it('puts every map in the same place in the three views', () => {
    for (const view of [views.b, views.diff]) {
      view.nodes.forEach((n, i) => {
        const a = views.a.nodes[i]!;
        expect([n.id, n.x0, n.y0, n.x1, n.y1]).toEqual([a.id, a.x0, a.y0, a.x1, a.y1]);
      });
    }
  });

  it('draws bands at one scale: width = |flow| · ky, inside their boxes', () => {
    for (const view of [views.a, views.b, views.diff]) {
      expect(view.ky).toBe(views.a.ky);
      const byId = new Map(view.nodes.map((n) => [n.id, n]));
      for (const l of view.links) {
        expect(l.width).toBeCloseTo(Math.abs(l.flow) * view.ky, 9);
        const s = byId.get(l.source)!;
        expect(l.y0 - l.width / 2).toBeGreaterThanOrEqual(s.y0 - 1e-6);
        expect(l.y0 + l.width / 2).toBeLessThanOrEqual(s.y1 + 1e-6);
      }
    }
  });

  it('names each side’s own pixel in its input column', () => {
    expect(views.a.columns[0]?.note).toBe('pixel (row 14, col 9)');
    expect(views.b.columns[0]?.note).toBe('pixel (row 10, col 12)');
  });
});

describe('buildCompareGraphs reuses what a side already had', () => {
  it('gives the same graphs whether A’s parts were built for another B or not', () => {
    const other = syntheticPixelQuery({ seed: 21, pixels: [20 * 28 + 5], relevance: 0.3 });
    buildCompareGraphs(A, other);
    // A fresh copy of A has nothing remembered; the result must not tell them apart.
    const fresh = structuredClone(A);
    expect(buildCompareGraphs(A, B)).toEqual(buildCompareGraphs(fresh, B));
  });

  it('does not reuse a side’s parts under other settings', () => {
    buildCompareGraphs(A, B, { prune: { mode: 'topK', k: 8 } });
    const four = buildCompareGraphs(A, B, { prune: { mode: 'topK', k: 4 } });
    expect(four).toEqual(
      buildCompareGraphs(structuredClone(A), B, { prune: { mode: 'topK', k: 4 } }),
    );
    const conv = (g: SankeyGraph) => g.nodes.filter((n) => n.column === 4 && n.kind === 'unit');
    expect(conv(four.a).length).toBeLessThan(conv(buildCompareGraphs(A, B).a).length);
  });
});

describe('layoutCompare after a switch of B (the incremental path)', () => {
  const size = { width: 700, height: 420 };
  /** The three views without what layoutCompare keeps for the next update. */
  const views = (l: ReturnType<typeof layoutCompare>) => ({ a: l.a, b: l.b, diff: l.diff });
  const bs = [B, ...[5, 8, 13].map((seed) => syntheticPixelQuery({ seed, pixels: [seed * 31] }))];

  it('equals a layout from scratch after every switch, and every view still balances', () => {
    let previous: ReturnType<typeof layoutCompare> | null = null;
    for (const b of bs) {
      const graphs = buildCompareGraphs(A, b);
      const next = layoutCompare(graphs, size, previous);
      expect(views(next)).toEqual(views(layoutCompare(graphs, size)));
      for (const view of [next.a, next.b, next.diff]) {
        expect(balance(view.nodes, view.columns.length).maxImbalance).toBeLessThan(1e-5);
      }
      previous = next;
    }
  });

  it('keeps the boxes, and A’s view as the same object, when B leaves them where they were', () => {
    // B on two background pixels: B sends nothing, so the envelope is A's both times.
    const first = layoutCompare(buildCompareGraphs(A, zeroPixelQuery({ pixels: [3] })), size);
    const graphs = buildCompareGraphs(A, zeroPixelQuery({ pixels: [4] }));
    const next = layoutCompare(graphs, size, first);
    expect(next.a).toBe(first.a);
    expect(next.basis.shared).toBe(first.basis.shared);
    // B's and B − A's own text changed (B's pixel), so they are new, and still what a full
    // layout gives.
    expect(next.b).not.toBe(first.b);
    expect(views(next)).toEqual(views(layoutCompare(graphs, size)));
    expect(next.b.columns[0]?.note).toBe('pixel (row 0, col 4)');
  });

  it('lays the boxes out again when B moves them, and when the size changes', () => {
    const first = layoutCompare(buildCompareGraphs(A, bs[1]!), size);
    const moved = layoutCompare(buildCompareGraphs(A, bs[2]!), size, first);
    expect(moved.a).not.toBe(first.a);
    expect(moved.basis.shared).not.toBe(first.basis.shared);
    const graphs = buildCompareGraphs(A, bs[1]!);
    const wider = layoutCompare(graphs, { ...size, width: 900 }, first);
    expect(wider.basis.shared).not.toBe(first.basis.shared);
    expect(views(wider)).toEqual(views(layoutCompare(graphs, { ...size, width: 900 })));
  });
});
