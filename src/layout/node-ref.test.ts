import { describe, expect, it } from 'vitest';
import { layerChannelToNodeId, nodeIdToLayerChannel } from './node-ref';
import { buildSankeyGraph } from './sankey-graph';
import { syntheticPixelQuery } from './testing/synthetic-result';

describe('node ids ↔ (layer, channel)', () => {
  const result = syntheticPixelQuery();
  const graph = buildSankeyGraph(result, { prune: { mode: 'topK', k: 4 } });

  it('round-trips every map node, merged pool columns included', () => {
    for (const node of graph.nodes.filter((n) => n.kind === 'unit')) {
      const ref = nodeIdToLayerChannel(graph.columns, node.id)!;
      expect(ref.channel).toBe(node.members[0]);
      expect(layerChannelToNodeId(graph.columns, graph.nodes, ref)).toBe(node.id);
    }
    // pool1 (layer 2) is drawn in the conv1_2 column.
    const merged = graph.nodes.find((n) => n.column === 2 && n.kind === 'unit')!;
    const k = merged.members[0]!;
    expect(layerChannelToNodeId(graph.columns, graph.nodes, { layer: 2, channel: k })).toBe(
      merged.id,
    );
  });

  it('sends maps grouped into "other" to the other node, and rejects non-map nodes', () => {
    const other = graph.nodes.find((n) => n.kind === 'other')!;
    const layer = graph.columns[other.column]!.layers[0]!;
    expect(
      layerChannelToNodeId(graph.columns, graph.nodes, { layer, channel: other.members[0]! }),
    ).toBe(other.id);
    expect(nodeIdToLayerChannel(graph.columns, other.id)).toBeNull();
    expect(nodeIdToLayerChannel(graph.columns, 'input:0')).toBeNull();
    expect(nodeIdToLayerChannel(graph.columns, 'class:3')).toBeNull();
    expect(nodeIdToLayerChannel(graph.columns, 'nope:1')).toBeNull();
  });
});
