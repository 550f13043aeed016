import { describe, expect, it } from 'vitest';
import { buildSankeyGraph } from './sankey-graph';
import { traceFocus } from './trace';
import { syntheticPixelQuery } from './testing/synthetic-result';

describe('traceFocus', () => {
  const graph = buildSankeyGraph(syntheticPixelQuery());

  it('gives a focused node all of its own links, and shares within [0, 1] elsewhere', () => {
    const trace = traceFocus(graph, { kind: 'node', id: 'conv2_1:3' })!;
    for (const l of graph.links.filter(
      (l) => l.source === 'conv2_1:3' || l.target === 'conv2_1:3',
    )) {
      expect(trace.links.get(l.id)).toBe(1);
    }
    for (const w of [...trace.links.values(), ...trace.nodes.values()]) {
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThanOrEqual(1);
    }
    // Other nodes of the focus's own column carry none of its flow.
    const sameColumn = graph.nodes.filter((n) => n.column === 3 && n.id !== 'conv2_1:3');
    for (const n of sameColumn) expect(trace.nodes.has(n.id)).toBe(false);
    expect(trace.nodes.get('conv2_1:3')).toBe(1);
  });

  it('reaches the pixel and the class, and its downstream share at the class is the node share', () => {
    const trace = traceFocus(graph, { kind: 'node', id: 'conv2_1:3' })!;
    expect(trace.nodes.get('input:0')).toBeGreaterThan(0);
    expect(trace.nodes.get('class:3')).toBeGreaterThan(0);
  });

  it('traces a focused link both ways', () => {
    const link = graph.links.find((l) => l.column === 3)!;
    const trace = traceFocus(graph, { kind: 'link', id: link.id })!;
    expect(trace.links.get(link.id)).toBe(1);
    expect(trace.nodes.get(link.source)).toBe(1);
    expect(trace.nodes.get(link.target)).toBe(1);
    const parallel = graph.links.filter((l) => l.column === 3 && l.id !== link.id);
    for (const l of parallel) expect(trace.links.has(l.id)).toBe(false);
  });

  it('returns null for unknown ids', () => {
    expect(traceFocus(graph, { kind: 'node', id: 'nope' })).toBeNull();
    expect(traceFocus(graph, { kind: 'link', id: 'a->b' })).toBeNull();
  });
});
