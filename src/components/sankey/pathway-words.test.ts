// The largest pathways in words: signed, named as the diagram names them, and only those the
// diagram draws (same pruning).
import { describe, expect, it } from 'vitest';
import { buildSankeyGraph } from '../../layout/sankey-graph';
import { syntheticPixelQuery } from '../../layout/testing/synthetic-result';
import { pathwaySentences, shownChains } from './pathway-words';

describe('pathwaySentences', () => {
  const result = syntheticPixelQuery();

  it('names every step as the diagram does (dense "unit", merged pool columns) and keeps signs', () => {
    const graph = buildSankeyGraph(result, { prune: { mode: 'topK', k: 32 }, denseTopN: 99 });
    const sentences = pathwaySentences(result, graph);
    expect(sentences.length).toBeGreaterThan(0);
    const labels = new Set(graph.nodes.map((n) => n.label));
    for (const s of sentences) {
      expect(s).toMatch(/^Pixel \(row 14, col 9\) → /);
      expect(s).toMatch(/: [+−][\d.e−]+ logit \((raises|lowers) the class score\)$/);
      expect(s).toContain('dense1 · unit ');
      expect(s).not.toContain('dense1 map');
      expect(s).not.toContain('%');
      const steps = s.split(': ')[0]!.split(' → ').slice(1);
      // A class named by its number is 'class 3', as in the figure's title.
      expect(steps.pop()).toBe('class 3');
      for (const step of steps) expect(labels.has(step)).toBe(true);
    }
  });

  it('lists only chains the pruned diagram draws, naming the "other" box a map went into', () => {
    for (const prune of [
      { mode: 'topK', k: 2 } as const,
      { mode: 'threshold', share: 0.2 } as const,
    ]) {
      const graph = buildSankeyGraph(result, { prune, denseTopN: 2 });
      const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
      const links = new Set(graph.links.map((l) => l.id));
      for (const chain of shownChains(result, graph, 20)) {
        for (const step of chain.steps) {
          const column = graph.columns.find((c) => c.label === step.column)!;
          const node = graph.nodes.find(
            (n) => n.column === column.index && n.members.includes(step.channel),
          )!;
          expect(nodes.has(node.id)).toBe(true);
          expect(step.inOther).toBe(node.kind === 'other');
          if (step.inOther) expect(step.text).toContain(`(in “${node.shortLabel}”)`);
        }
        expect(links.size).toBeGreaterThan(0);
      }
      // Fewer chains survive heavy pruning than exist.
      expect(shownChains(result, graph, 100).length).toBeLessThanOrEqual(result.chains.length);
    }
  });
});
