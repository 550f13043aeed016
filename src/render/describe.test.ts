// The readouts' numbers: shares of |flow| (0–100 %, adding up to 100 % per column and per gap,
// whatever the signs) and the wording of an empty selection.
import { describe, expect, it } from 'vitest';
import { buildSankeyGraph } from '../layout/sankey-graph';
import { negativeFlowQuery, syntheticPixelQuery } from '../layout/testing/synthetic-result';
import { subjectWords } from '../lib/dataset-words';
import { describeLink, describeNode, emptyPathwaysMessage, flowShares } from './describe';

const percents = (text: string) => [...text.matchAll(/([−-]?[\d.]+)%/g)].map((m) => m[1]!);

describe('flowShares', () => {
  // R_c(p) = −3 with a −5 map and a −4 unit: net shares would be +167 % and +133 %, a +1 map −33 %.
  const graph = buildSankeyGraph(negativeFlowQuery());
  const shares = flowShares(graph);

  it('gives every node a share of its column’s |flow| in 0–1, adding up to 1', () => {
    const byColumn = new Map<number, number>();
    for (const n of graph.nodes) {
      const s = shares.node.get(n.id)!;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      byColumn.set(n.column, (byColumn.get(n.column) ?? 0) + s);
    }
    for (const total of byColumn.values()) expect(total).toBeCloseTo(1, 12);
    // The −5 map carries 5 of the conv column's 7.5.
    expect(shares.node.get('conv1:1')).toBeCloseTo(5 / 7.5, 12);
    expect(shares.node.get('dense1:0')).toBeCloseTo(4 / 6.5, 12);
  });

  it('gives every link (drawn or pruned) a share of its gap’s |flow|, adding up to 1', () => {
    for (const prune of [
      { mode: 'topK', k: 2 } as const,
      { mode: 'threshold', share: 0.1 } as const,
    ]) {
      const g = buildSankeyGraph(negativeFlowQuery(), { prune });
      const s = flowShares(g);
      const byGap = new Map<number, number>();
      for (const l of [...g.links, ...g.hiddenLinks]) {
        const v = s.link.get(l.id)!;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        byGap.set(l.column, (byGap.get(l.column) ?? 0) + v);
      }
      for (const total of byGap.values()) expect(total).toBeCloseTo(1, 12);
    }
  });

  it('prints shares without a sign and never above 100 %', () => {
    const labelOf = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
    const texts = [
      ...graph.nodes.map((n) => describeNode(n, shares)),
      ...graph.links.map((l) => describeLink(l, labelOf, shares)),
    ];
    for (const text of texts) {
      for (const p of percents(text)) {
        expect(p).not.toMatch(/^[−-]/);
        expect(Number(p)).toBeLessThanOrEqual(100);
      }
    }
    const map = describeNode(
      graph.nodes.find((n) => n.id === 'conv1:1')!,
      shares,
    );
    expect(map).toBe(
      'conv1 · map 1\nflow −5 logit (lowers the class score)\n67% of the |flow| through this column',
    );
  });

  it('leaves the share out where a column holds one node', () => {
    const g = buildSankeyGraph(syntheticPixelQuery());
    const s = flowShares(g);
    const cls = g.nodes.find((n) => n.kind === 'class')!;
    expect(describeNode(cls, s)).not.toContain('%');
  });
});

describe('emptyPathwaysMessage', () => {
  it('says what is true for a background pixel, in the dataset’s words', () => {
    const digit = emptyPathwaysMessage('zero', 1, subjectWords('mnist'));
    expect(digit).toBe(
      'This pixel is 0 (background), so it sends no signal: pathways start only from inked ' +
        'pixels. Pick a pixel on the digit.',
    );
    const garment = emptyPathwaysMessage('zero', 4, subjectWords('fashion'));
    expect(garment).toContain('pixels of the garment');
    expect(garment).toContain('Pick pixels on the garment.');
    expect(garment).not.toMatch(/ink|digit|stroke/);
    for (const text of [digit, garment, emptyPathwaysMessage('gated', 1, subjectWords('mnist'))])
      expect(text).not.toMatch(/mean|baseline|centred/);
    expect(emptyPathwaysMessage('canvas', 1, subjectWords('mnist'))).toBe(
      'The canvas is empty: draw something.',
    );
  });
});
