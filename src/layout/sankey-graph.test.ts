import { describe, expect, it } from 'vitest';
import { describePixels } from './sankey-columns';
import { buildSankeyGraph, nodeTotals } from './sankey-graph';
import type { SankeyGraph, SankeyGraphOptions } from './sankey-types';
import { negativeFlowQuery, syntheticPixelQuery, zeroPixelQuery } from './testing/synthetic-result';

// Float32 storage of float64-balanced flows leaves ~1e-7 relative error; 1e-5 is a loose bound.
const TOL = 1e-5;

const OPTION_SETS: Array<Partial<SankeyGraphOptions>> = [
  {},
  { poolMode: 'show' },
  { prune: { mode: 'topK', k: 2 } },
  { prune: { mode: 'topK', k: 64 }, denseTopN: 3 },
  { prune: { mode: 'threshold', share: 0.03 } },
  { prune: { mode: 'threshold', share: 0.5 }, poolMode: 'show' },
  { rankBy: 'positive', prune: { mode: 'topK', k: 3 } },
];

function columnFlowSums(graph: SankeyGraph): number[] {
  return graph.columns.map((c) =>
    graph.nodes.filter((n) => n.column === c.index).reduce((s, n) => s + n.flow, 0),
  );
}

describe('buildSankeyGraph: conservation', () => {
  for (const seed of [1, 7, 42]) {
    for (const options of OPTION_SETS) {
      it(`balances every node (seed ${seed}, ${JSON.stringify(options)})`, () => {
        const result = syntheticPixelQuery({ seed });
        const graph = buildSankeyGraph(result, options);
        expect(graph.maxImbalance).toBeLessThan(TOL);
        expect(graph.maxFlowMismatch).toBeLessThan(TOL);
        for (const node of graph.nodes) {
          const t = nodeTotals(node, graph.columns.length - 1);
          expect(Math.abs(t.in - t.out)).toBeLessThan(TOL);
        }
        // Every column carries the whole relevance: nothing is lost by grouping or pruning.
        for (const sum of columnFlowSums(graph)) expect(sum).toBeCloseTo(result.relevance, 5);
        const s = graph.stats;
        expect(s.shownAbs + s.hiddenAbs).toBeCloseTo(s.totalAbs, 9);
        expect(s.shownShare).toBeGreaterThanOrEqual(0);
        expect(s.shownShare).toBeLessThanOrEqual(1);
      });
    }
  }

  it('puts pruned flow into explicit hidden tallies that match the hidden links', () => {
    const graph = buildSankeyGraph(syntheticPixelQuery(), {
      prune: { mode: 'threshold', share: 0.03 },
    });
    expect(graph.hiddenLinks.length).toBeGreaterThan(0);
    expect(graph.stats.hiddenLinks).toBeGreaterThan(0);
    expect(graph.stats.shownShare).toBeLessThan(1);
    for (const node of graph.nodes) {
      const hiddenOut = graph.hiddenLinks
        .filter((l) => l.source === node.id)
        .reduce((s, l) => s + l.flow, 0);
      const hiddenIn = graph.hiddenLinks
        .filter((l) => l.target === node.id)
        .reduce((s, l) => s + l.flow, 0);
      expect(node.hiddenOut).toBeCloseTo(hiddenOut, 12);
      expect(node.hiddenIn).toBeCloseTo(hiddenIn, 12);
    }
    const cutPerGap = new Map<number, number>();
    for (const l of graph.links) {
      cutPerGap.set(l.column, Math.min(cutPerGap.get(l.column) ?? Infinity, Math.abs(l.flow)));
    }
    for (const l of graph.hiddenLinks) {
      expect(Math.abs(l.flow)).toBeLessThan(cutPerGap.get(l.column) ?? Infinity);
    }
  });

  it('hides nothing in top-K mode; it aggregates instead', () => {
    const graph = buildSankeyGraph(syntheticPixelQuery(), { prune: { mode: 'topK', k: 4 } });
    expect(graph.stats.hiddenLinks).toBe(0);
    expect(graph.stats.shownShare).toBe(1);
    expect(graph.stats.aggregatedLinks).toBeGreaterThan(0);
  });
});

describe('buildSankeyGraph: structure', () => {
  const result = syntheticPixelQuery();

  it('merges max-pool into the preceding conv, keeping the conv id', () => {
    const merged = buildSankeyGraph(result, { poolMode: 'merge' });
    expect(merged.columns.map((c) => c.label)).toEqual([
      'input',
      'conv1_1',
      'conv1_2 + pool1',
      'conv2_1',
      'conv2_2 + pool2',
      'dense1',
      'class',
    ]);
    expect(merged.columns[2]!.id).toBe('conv1_2');
    expect(merged.columns[2]!.layers).toEqual([1, 2]);
    const shown = buildSankeyGraph(result, { poolMode: 'show' });
    expect(shown.columns.map((c) => c.id)).toEqual([
      'input',
      'conv1_1',
      'conv1_2',
      'pool1',
      'conv2_1',
      'conv2_2',
      'pool2',
      'dense1',
      'class',
    ]);
    // The merged node carries the same flow as the pool node (F_pool = F_conv).
    for (const node of merged.nodes.filter((n) => n.column === 2 && n.kind === 'unit')) {
      const k = node.members[0]!;
      const pool = shown.nodes.find((n) => n.id === `pool1:${k}`)!;
      expect(node.flow).toBeCloseTo(pool.flow, 6);
    }
  });

  it('labels nodes with layer and map, consistently for merged columns', () => {
    const graph = buildSankeyGraph(result);
    const labels = graph.nodes.map((n) => n.label);
    expect(labels).toContain('conv1_1 · map 3');
    expect(labels.some((l) => l.startsWith('conv1_2 + pool1 · map '))).toBe(true);
    expect(labels.some((l) => /^dense1 · unit \d+$/.test(l))).toBe(true);
    expect(graph.nodes.find((n) => n.id === 'class:3')!.label).toBe('class 3 · 3');
    const named = buildSankeyGraph(result, { classNames: ['a', 'b', 'c', 'three'] });
    expect(named.nodes.find((n) => n.kind === 'class')!.label).toBe('class 3 · three');
    expect(named.nodes[0]!.label).toBe('pixel (row 14, col 9)');
  });

  it('keeps the N largest dense units and one exact "other" node', () => {
    const graph = buildSankeyGraph(result, { denseTopN: 5 });
    const dense = graph.nodes.filter((n) => n.column === 5);
    const units = dense.filter((n) => n.kind === 'unit');
    const other = dense.find((n) => n.kind === 'other')!;
    expect(units).toHaveLength(5);
    const flows = result.nodeFlow[6]!;
    const otherSum = other.members.reduce((s, k) => s + flows[k]!, 0);
    expect(other.flow).toBeCloseTo(otherSum, 12);
    const smallestShown = Math.min(...units.map((n) => Math.abs(n.flow)));
    for (const k of other.members) expect(Math.abs(flows[k]!)).toBeLessThanOrEqual(smallestShown);
    expect(other.id).toBe('dense1:other');
    expect(graph.columns[5]!.note).toMatch(/^top 5 of 64 units/);
  });

  it('orders nodes by channel with "other" last, and skips silent maps', () => {
    const graph = buildSankeyGraph(result);
    for (const column of graph.columns) {
      const nodes = graph.nodes.filter((n) => n.column === column.index);
      nodes.forEach((n, i) => expect(n.order).toBe(i));
      const channels = nodes.filter((n) => n.kind !== 'other').map((n) => n.members[0]!);
      expect(channels).toEqual([...channels].sort((a, b) => a - b));
    }
    expect(graph.stats.inactiveNodes).toBeGreaterThan(0);
    for (const n of graph.nodes)
      expect(n.inAbs + n.outAbs + n.hiddenInAbs + n.hiddenOutAbs).toBeGreaterThan(0);
  });

  it('ranks top-K by a pathway size measure when asked', () => {
    const bySize = buildSankeyGraph(result, { rankBy: 'l1', prune: { mode: 'topK', k: 3 } });
    const sizes = result.sizes[3]!.l1;
    const shown = bySize.nodes.filter((n) => n.column === 3 && n.kind === 'unit');
    const other = bySize.nodes.find((n) => n.id === 'conv2_1:other')!;
    const minShown = Math.min(...shown.map((n) => sizes[n.members[0]!]!));
    for (const k of other.members) expect(sizes[k]!).toBeLessThanOrEqual(minShown);
  });

  it('draws only the chosen class and sends flow to other logits to the hidden tally', () => {
    const r = syntheticPixelQuery();
    const last = r.edgeFlow.length - 1;
    const edges = r.edgeFlow[last]!;
    edges[0 * 10 + 5] = 0.01; // a (wrong) non-zero flow to another logit
    const graph = buildSankeyGraph(r);
    const classNodes = graph.nodes.filter((n) => n.kind === 'class');
    expect(classNodes.map((n) => n.id)).toEqual(['class:3']);
    const source = graph.nodes.find((n) => n.column === 5 && n.members.includes(0))!;
    expect(source.hiddenOut).toBeCloseTo(0.01, 6);
    // The injected flow breaks the engine's own conservation, and the balance check reports it.
    expect(graph.maxImbalance).toBeCloseTo(0.01, 6);
  });

  it('names input channels of colour images', () => {
    const graph = buildSankeyGraph(syntheticPixelQuery({ inputChannels: 3 }));
    expect(graph.nodes.filter((n) => n.kind === 'input').map((n) => n.shortLabel)).toEqual([
      'R',
      'G',
      'B',
    ]);
    expect(graph.maxImbalance).toBeLessThan(TOL);
  });

  it('is empty for a zero-valued pixel', () => {
    const graph = buildSankeyGraph(zeroPixelQuery());
    expect(graph.empty).toBe(true);
    expect(graph.links).toHaveLength(0);
    expect(graph.stats.shownShare).toBe(1);
  });

  it('rejects an edge matrix of the wrong shape', () => {
    const r = syntheticPixelQuery();
    r.edgeFlow[1] = new Float32Array(3);
    expect(() => buildSankeyGraph(r)).toThrow(/edgeFlow\[1\] has 3 entries, expected 8×8/);
  });
});

describe('buildSankeyGraph: top-K by |flow| with large negative flows', () => {
  // conv1 flows +1, −5, +0.5, −0.25, +0.75; dense1 −4, +0.5, +1.25, −0.25, −0.5; R_c(p) = −3.
  const result = negativeFlowQuery();
  const ids = (g: SankeyGraph) => g.nodes.map((n) => n.id);
  const node = (g: SankeyGraph, id: string) => g.nodes.find((n) => n.id === id)!;
  const link = (g: SankeyGraph, id: string) => g.links.find((l) => l.id === id);

  it('keeps the −5 map over the +1 map (K = 1), and sums the rest into "other" exactly', () => {
    const g = buildSankeyGraph(result, { prune: { mode: 'topK', k: 1 } });
    expect(ids(g)).toEqual([
      'input:0',
      'conv1:1',
      'conv1:other',
      'dense1:0',
      'dense1:other',
      'class:1',
    ]);
    expect(node(g, 'conv1:1').flow).toBe(-5);
    expect(node(g, 'conv1:other').members).toEqual([0, 2, 3, 4]);
    expect(node(g, 'conv1:other').flow).toBe(2); // 1 + 0.5 − 0.25 + 0.75
    expect(node(g, 'dense1:0').flow).toBe(-4);
    expect(node(g, 'dense1:other').members).toEqual([1, 2, 3, 4]);
    expect(node(g, 'dense1:other').flow).toBe(1); // 0.5 + 1.25 − 0.25 − 0.5
    expect(g.relevance).toBe(-3);
    expect(g.stats.aggregatedNodes).toBe(8);
  });

  it('keeps the two largest |flow| (K = 2), not the two most negative or most positive', () => {
    const g = buildSankeyGraph(result, { prune: { mode: 'topK', k: 2 } });
    expect(ids(g)).toEqual([
      'input:0',
      'conv1:0',
      'conv1:1',
      'conv1:other',
      'dense1:0',
      'dense1:2',
      'dense1:other',
      'class:1',
    ]);
    expect(node(g, 'conv1:other')).toMatchObject({ members: [2, 3, 4], flow: 1 });
    expect(node(g, 'dense1:other')).toMatchObject({ members: [1, 3, 4], flow: -0.25 });
    // Links to and from "other" are exact sums of their members; opposite signs cancel.
    expect(link(g, 'conv1:1->dense1:other')).toMatchObject({
      flow: -0.5,
      members: 3,
      memberAbs: 1.5,
    });
    expect(link(g, 'conv1:other->dense1:other')).toMatchObject({ flow: 0.25, members: 3 });
    expect(link(g, 'conv1:other->dense1:0')).toMatchObject({ flow: 0.5, members: 1 });
    expect(link(g, 'dense1:other->class:1')).toMatchObject({ flow: -0.25, members: 3 });
    expect(g.maxImbalance).toBe(0);
    const columnSums = g.columns.map((c) =>
      g.nodes.filter((n) => n.column === c.index).reduce((s, n) => s + n.flow, 0),
    );
    expect(columnSums).toEqual([-3, -3, -3, -3]);
  });

  it('ranks by |signed size| the same way when asked', () => {
    const g = buildSankeyGraph(result, { prune: { mode: 'topK', k: 1 }, rankBy: 'signed' });
    expect(ids(g)).toContain('conv1:1');
    expect(ids(g)).not.toContain('conv1:0');
  });
});

describe('describePixels', () => {
  it('names one pixel, a rectangle and a scattered set', () => {
    expect(describePixels([14 * 28 + 9], 28)).toBe('pixel (row 14, col 9)');
    const rect = [10, 11, 12].flatMap((r) => [4, 5].map((c) => r * 28 + c));
    expect(describePixels(rect, 28)).toBe('6 pixels (rows 10–12, cols 4–5)');
    expect(describePixels([0, 30, 100], 28)).toBe('3 pixels');
    expect(describePixels([403, 404], 28)).toBe('2 pixels (row 14, cols 11–12)');
  });
});
