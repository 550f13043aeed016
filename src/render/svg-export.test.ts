import { describe, expect, it } from 'vitest';
import { buildSankeyGraph } from '../layout/sankey-graph';
import { layoutSankey } from '../layout/sankey-layout';
import { syntheticPixelQuery, zeroPixelQuery } from '../layout/testing/synthetic-result';
import { traceFocus } from '../layout/trace';
import { ribbonPath } from './link-path';
import { sankeyToSvgString, escapeXml } from './svg-export';

describe('sankeyToSvgString', () => {
  const graph = buildSankeyGraph(syntheticPixelQuery());
  const layout = layoutSankey(graph, { width: 1000, height: 500 });
  const svg = sankeyToSvgString(layout, {
    title: 'Pathways <of> "pixel"',
    subtitle: 'sub & title',
  });

  it('is a standalone document with inline styles, a title and a legend', () => {
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('<title>Pathways &lt;of&gt; &quot;pixel&quot;</title>');
    expect(svg).toContain('sub &amp; title');
    expect(svg).toContain('positive flow');
    expect(svg).toContain('negative flow');
    expect(svg).not.toMatch(/class="/);
    expect(svg).not.toMatch(/<style/);
    // Balanced tags: every opened <g> and <text> is closed.
    expect((svg.match(/<g[ >]/g) ?? []).length).toBe((svg.match(/<\/g>/g) ?? []).length);
    expect((svg.match(/<text[ >]/g) ?? []).length).toBe((svg.match(/<\/text>/g) ?? []).length);
  });

  it('draws one band per link and one box per node', () => {
    const paths = svg.match(/<path /g) ?? [];
    expect(paths.length).toBe(layout.links.length);
    for (const column of layout.columns)
      expect(svg).toContain(`>${escapeXml(column.headerLines[0]!)}<`);
  });

  it('adds the traced overlays of a pinned node', () => {
    const trace = traceFocus(layout, { kind: 'node', id: 'conv2_1:3' });
    const pinned = sankeyToSvgString(layout, { title: 't', state: { trace, reveal: Infinity } });
    expect((pinned.match(/<path /g) ?? []).length).toBeGreaterThan(layout.links.length);
  });

  it('prints the caption under the legend and keeps it in <desc>', () => {
    const lines = [
      'Model MNIST · image: drawn · pixel (row 14, col 9) · class 3',
      'Link: http://x/?a=1&b=2',
    ];
    const captioned = sankeyToSvgString(layout, { title: 't', caption: lines });
    expect(captioned).toContain('<desc>Model MNIST');
    expect(captioned).toContain('>Link: http://x/?a=1&amp;b=2</text>');
    const h = (doc: string) => Number(/ height="(\d+)"/.exec(doc)?.[1]);
    expect(h(captioned)).toBe(h(sankeyToSvgString(layout, { title: 't' })) + 2 * 15 + 8);
  });

  it('exports an empty figure for a zero pixel without failing', () => {
    const empty = sankeyToSvgString(layoutSankey(buildSankeyGraph(zeroPixelQuery())), {
      title: 'zero',
    });
    expect(empty).not.toContain('<path');
  });
});

describe('ribbonPath', () => {
  it('draws a closed band of the link width (or the minimum)', () => {
    expect(ribbonPath({ x0: 0, x1: 100, y0: 10, y1: 50, width: 4 })).toBe(
      'M0,8C50,8 50,48 100,48L100,52C50,52 50,12 0,12Z',
    );
    expect(ribbonPath({ x0: 0, x1: 10, y0: 0, y1: 0, width: 0 }, 1)).toContain('L10,0.5');
  });
});

describe('sankeyToSvgString with important maps marked', () => {
  const graph = buildSankeyGraph(syntheticPixelQuery());
  const layout = layoutSankey(graph, { width: 1000, height: 500 });
  const unit = graph.nodes.find((n) => n.kind === 'unit')!.id;

  it('draws the ★ on marked map nodes and explains it in the legend', () => {
    const svg = sankeyToSvgString(layout, {
      title: 't',
      state: { trace: null, reveal: Infinity, marked: new Set([unit]) },
    });
    // One on the node, one in the legend.
    expect((svg.match(/★/g) ?? []).length).toBe(2);
    expect(svg).toContain('important map (ablation');
  });

  it('says nothing about marks when none is drawn', () => {
    const svg = sankeyToSvgString(layout, { title: 't' });
    expect(svg).not.toContain('★');
    expect(svg).not.toContain('important map');
  });
});
