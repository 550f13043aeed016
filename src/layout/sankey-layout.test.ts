import { describe, expect, it } from 'vitest';
import { buildSankeyGraph } from './sankey-graph';
import { layoutSankey, type SankeyLayout } from './sankey-layout';
import {
  syntheticPixelQuery,
  zeroPixelQuery,
  type SyntheticLayer,
} from './testing/synthetic-result';

const SMALL: SyntheticLayer[] = [
  { name: 'conv1', kind: 'conv', channels: 3, size: 8 },
  { name: 'pool1', kind: 'pool', channels: 3, size: 4 },
  { name: 'dense1', kind: 'dense', channels: 5, size: 1 },
  { name: 'logits', kind: 'logits', channels: 4, size: 1 },
];

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The layout with every number rounded, for a stable, readable snapshot. */
function rounded(layout: SankeyLayout) {
  return {
    ky: r1(layout.ky),
    columns: layout.columns.map(
      (c) => `${c.id} x=${r1(c.x0)} [${c.headerLines.join(' / ')}] ${c.headerNote}`,
    ),
    nodes: layout.nodes.map(
      (n) =>
        `${n.id} x=${r1(n.x0)} y=${r1(n.y0)}..${r1(n.y1)} label=${n.labelVisible ? n.labelAnchor : 'hidden'}`,
    ),
    links: layout.links.map(
      (l) => `${l.id} w=${r1(l.width)} y=${r1(l.y0)}→${r1(l.y1)} x=${r1(l.x0)}→${r1(l.x1)}`,
    ),
  };
}

describe('layoutSankey', () => {
  const small = syntheticPixelQuery({
    layers: SMALL,
    inputSize: 8,
    pixels: [3 * 8 + 4],
    classIndex: 2,
    silentShare: 0,
  });

  it('matches the rounded snapshot of a small graph', () => {
    const graph = buildSankeyGraph(small, { denseTopN: 3 });
    expect(rounded(layoutSankey(graph, { width: 600, height: 300 }))).toMatchSnapshot();
  });

  it('does not mutate the graph (d3-sankey gets fresh copies)', () => {
    const graph = buildSankeyGraph(syntheticPixelQuery());
    const before = JSON.stringify(graph);
    layoutSankey(graph);
    layoutSankey(graph, { width: 700 });
    expect(JSON.stringify(graph)).toBe(before);
  });

  it('places every node in its own column, in channel order', () => {
    const graph = buildSankeyGraph(syntheticPixelQuery(), { poolMode: 'show' });
    const layout = layoutSankey(graph, { width: 1200, height: 600 });
    expect(new Set(layout.columns.map((c) => c.x0)).size).toBe(graph.columns.length);
    for (const c of layout.columns) {
      const nodes = layout.nodes.filter((n) => n.column === c.index);
      for (const n of nodes) expect(n.x0).toBeCloseTo(c.x0, 9);
      for (let i = 1; i < nodes.length; i++) {
        expect(nodes[i]!.y0).toBeGreaterThanOrEqual(nodes[i - 1]!.y1);
      }
    }
  });

  it('keeps all columns apart even when pruning cuts every link', () => {
    const graph = buildSankeyGraph(syntheticPixelQuery(), {
      prune: { mode: 'threshold', share: 0.5 },
    });
    const layout = layoutSankey(graph);
    const xs = new Set(layout.nodes.map((n) => n.x0));
    expect(xs.size).toBe(graph.columns.length);
    expect(layout.nodes).toHaveLength(graph.nodes.length);
  });

  it('draws widths proportional to |flow| with one scale', () => {
    const graph = buildSankeyGraph(syntheticPixelQuery(), {
      prune: { mode: 'threshold', share: 0.01 },
    });
    const layout = layoutSankey(graph);
    expect(layout.ky).toBeGreaterThan(0);
    for (const l of layout.links) expect(l.width).toBeCloseTo(Math.abs(l.flow) * layout.ky, 6);
    for (const n of layout.nodes) expect(n.y1 - n.y0).toBeCloseTo(n.gross * layout.ky, 6);
    // Bands fit inside their nodes on both sides.
    for (const n of layout.nodes) {
      const out = layout.links.filter((l) => l.source === n.id).reduce((s, l) => s + l.width, 0);
      const inn = layout.links.filter((l) => l.target === n.id).reduce((s, l) => s + l.width, 0);
      expect(out).toBeLessThanOrEqual(n.y1 - n.y0 + 1e-6);
      expect(inn).toBeLessThanOrEqual(n.y1 - n.y0 + 1e-6);
    }
  });

  it('never lets visible labels of one column overlap', () => {
    const wide: SyntheticLayer[] = [
      { name: 'conv1', kind: 'conv', channels: 40, size: 8 },
      { name: 'dense1', kind: 'dense', channels: 20, size: 1 },
      { name: 'logits', kind: 'logits', channels: 3, size: 1 },
    ];
    const result = syntheticPixelQuery({ seed: 11, layers: wide, classIndex: 1, silentShare: 0 });
    const graph = buildSankeyGraph(result, {
      prune: { mode: 'topK', k: 40 },
      maxNodesPerColumn: 40,
    });
    const layout = layoutSankey(graph, { height: 360 });
    for (const c of layout.columns) {
      const ys = layout.nodes
        .filter((n) => n.column === c.index && n.labelVisible)
        .map((n) => n.labelY)
        .sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14);
    }
    expect(layout.nodes.some((n) => !n.labelVisible)).toBe(true);
  });

  it('fits headers into narrow columns', () => {
    const graph = buildSankeyGraph(syntheticPixelQuery());
    const wide = layoutSankey(graph, { width: 1400 });
    const narrow = layoutSankey(graph, { width: 700 });
    expect(wide.columns[2]!.headerLines).toEqual(['conv1_2 + pool1']);
    expect(narrow.columns[2]!.headerLines).toEqual(['conv1_2', '+ pool1']);
    expect(narrow.columns[5]!.headerNote).toBe('8/64 units');
  });

  it('returns columns but no nodes for an empty graph', () => {
    const layout = layoutSankey(buildSankeyGraph(zeroPixelQuery()));
    expect(layout.empty).toBe(true);
    expect(layout.nodes).toHaveLength(0);
    expect(layout.columns.length).toBeGreaterThan(2);
  });
});
