import { describe, expect, it } from 'vitest';
import { chainNodeIds, traceChain } from './chain-trace';
import { buildSankeyGraph } from './sankey-graph';
import { syntheticPixelQuery } from './testing/synthetic-result';

describe('traceChain', () => {
  const result = syntheticPixelQuery();
  const chain = { maps: [3, 0, 0, 3, 3, 3, 53, 3], flow: 0.05 };

  it('finds the node of each column, through merged pool columns and "other" nodes', () => {
    const graph = buildSankeyGraph(result, { prune: { mode: 'topK', k: 2 } });
    // A chain through an "other" node wherever a column has one.
    const maps = result.layers.map((layer) => {
      const column = graph.columns.find((c) => c.layers.includes(layer.index))!;
      const nodes = graph.nodes.filter((n) => n.column === column.index);
      return (nodes.find((n) => n.kind === 'other') ?? nodes[0]!).members[0]!;
    });
    const ids = chainNodeIds({ maps, flow: 0.05 }, graph.columns, graph.nodes);
    expect(ids).toHaveLength(graph.columns.length);
    expect(ids[0]).toBe('input:0');
    expect(ids[ids.length - 1]).toBe('class:3');
    for (const [i, id] of ids.entries()) {
      if (!id) continue;
      const node = graph.nodes.find((n) => n.id === id)!;
      expect(node.column).toBe(i);
    }
    expect(ids.some((id) => id?.endsWith(':other'))).toBe(true);
  });

  it('draws the chain at its own width on the links it passes, capped by each link', () => {
    const graph = buildSankeyGraph(result, { prune: { mode: 'topK', k: 16 }, denseTopN: 64 });
    const trace = traceChain(chain, 0, graph);
    expect(trace.sign).toBe(1);
    expect(trace.focus).toEqual({ kind: 'chain', index: 0 });
    for (const [id, share] of trace.links) {
      const link = graph.links.find((l) => l.id === id)!;
      expect(share).toBeCloseTo(Math.min(1, 0.05 / Math.abs(link.flow)), 12);
    }
    expect(trace.links.size).toBeGreaterThan(0);
  });

  it('skips a silent map instead of inventing a link', () => {
    const graph = buildSankeyGraph(result);
    const silent = graph.columns[1]!.size; // a map index that does not exist
    const ids = chainNodeIds(
      { maps: [silent, 0, 0, 3, 3, 3, 53, 3], flow: 1 },
      graph.columns,
      graph.nodes,
    );
    expect(ids[1]).toBeNull();
    const trace = traceChain({ maps: [silent, 0, 0, 3, 3, 3, 53, 3], flow: 1 }, 0, graph);
    expect([...trace.links.keys()].every((id) => !id.startsWith('input:0->'))).toBe(true);
  });
});
