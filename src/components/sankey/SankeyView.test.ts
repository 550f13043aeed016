// Server-rendered markup of the Sankey components (node environment, no DOM): the test hooks,
// accessibility attributes and states that the end-to-end tests and the shell rely on.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildSankeyDrawing } from '../../layout/sankey-drawing';
import { buildSankeyGraph } from '../../layout/sankey-graph';
import { syntheticPixelQuery, zeroPixelQuery } from '../../layout/testing/synthetic-result';
import { PlaybackControl } from './PlaybackControl';
import { PruneControl } from './PruneControl';
import { SankeyView, type SankeyViewProps } from './SankeyView';
import { TargetClassSelector } from './TargetClassSelector';

const render = (props: SankeyViewProps) => renderToStaticMarkup(createElement(SankeyView, props));
const attr = (html: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];

describe('SankeyView', () => {
  const result = syntheticPixelQuery();
  // Built once, as the view does (use-sankey-drawing.ts); the component only draws it.
  const drawing = buildSankeyDrawing(result, {}, { width: 1000, height: 520 });
  const graph = drawing.graph;

  it('exposes the test hooks on the svg root and on every node', () => {
    const html = render({ drawing });
    expect(html).toContain('data-testid="sankey"');
    expect(attr(html, 'data-columns')).toBe(
      'input,conv1_1,conv1_2 + pool1,conv2_1,conv2_2 + pool2,dense1,class',
    );
    expect(Number(attr(html, 'data-max-imbalance'))).toBeLessThan(1e-5);
    const nodeIds = [...html.matchAll(/data-node-id="([^"]+)"/g)].map((m) => m[1]);
    expect(nodeIds).toEqual(graph.nodes.map((n) => n.id));
    const flows = [...html.matchAll(/data-node-id="[^"]+" data-flow="([^"]+)"/g)].map((m) =>
      Number(m[1]),
    );
    flows.forEach((f, i) => expect(f).toBeCloseTo(graph.nodes[i]!.flow, 9));
    expect(attr(html, 'data-renderer')).toBe('svg');
    // One band per drawn link, and each box placed by its group (one attribute per move).
    expect((html.match(/class="pl-band"/g) ?? []).length).toBe(drawing.layout.links.length);
    const node = drawing.layout.nodes[0]!;
    expect(html).toContain(`data-node-id="${node.id}"`);
    expect(html).toMatch(
      new RegExp(`data-node-id="${node.id}"[^>]*transform="translate\\(${node.x0},${node.y0}\\)"`),
    );
    expect(html).toContain('data-testid="sankey-legend"');
  });

  it('marks the pinned node and gives one node the tab stop', () => {
    const html = render({ drawing, pinned: 'conv1_1:3' });
    expect(attr(html, 'data-pinned')).toBe('conv1_1:3');
    expect(html).toMatch(/data-node-id="conv1_1:3"[^>]*aria-pressed="true"/);
    expect((html.match(/tabindex="0"/g) ?? []).length).toBe(1);
    // While pinned the rest is greyed and the pinned pathway is drawn on top.
    expect(html).toContain('data-trace-link-id=');
  });

  it('hides columns that playback has not reached', () => {
    const html = render({ drawing, reveal: 2 });
    expect(html).toMatch(/data-node-id="conv1_2:0"[^>]*opacity="0"/);
    expect(html).not.toMatch(/data-node-id="conv1_1:3"[^>]*opacity="0"/);
  });

  it('switches links to a canvas when there are many', () => {
    const html = render({ drawing, renderer: 'canvas' });
    expect(attr(html, 'data-renderer')).toBe('canvas');
    expect(html).toContain('data-testid="sankey-links-canvas"');
    expect(html).not.toContain('pl-band');
  });

  it('marks important map nodes with data-important and a legend entry, never "other"', () => {
    const units = graph.nodes.filter((n) => n.kind === 'unit').map((n) => n.id);
    const other = graph.nodes.find((n) => n.kind === 'other')?.id;
    expect(other).toBeDefined();
    const wanted = [units[0]!, units[units.length - 1]!];
    // Ids not drawn (and the "other" node) are in the set too: only drawn map nodes get the mark.
    const html = render({ drawing, markedNodeIds: new Set([...wanted, other!, 'conv9_9:1']) });
    const marked = [...html.matchAll(/data-node-id="([^"]+)"[^>]*data-important="true"/g)];
    expect(marked.map((m) => m[1]).sort()).toEqual([...wanted].sort());
    expect(html).toContain('data-testid="sankey-legend-marker"');
    expect(html).toMatch(/data-node-id="[^"]+"[^>]*aria-label="[^"]*important map \(ablation/);

    const plain = render({ drawing });
    expect(plain).not.toContain('data-important');
    expect(plain).not.toContain('sankey-legend-marker');
    expect(plain).not.toContain('★');
  });

  it('explains a missing result and a zero pixel', () => {
    expect(render({ drawing: null, placeholder: 'Loading…' })).toContain('Loading…');
    const zero = render({ drawing: buildSankeyDrawing(zeroPixelQuery()) });
    expect(attr(zero, 'data-empty')).toBe('true');
    expect(zero).toContain('sends no signal');
    expect(zero).not.toContain('mean-centred');
    const said = render({ drawing: buildSankeyDrawing(zeroPixelQuery()), emptyMessage: 'Why.' });
    expect(said).toContain('<p class="pl-empty">Why.</p>');
    expect(attr(zero, 'data-max-imbalance')).toBe('0');
  });
});

describe('Sankey controls', () => {
  it('PruneControl states the effect of the setting', () => {
    const stats = buildSankeyGraph(syntheticPixelQuery(), {
      prune: { mode: 'threshold', share: 0.03 },
    }).stats;
    const html = renderToStaticMarkup(
      createElement(PruneControl, {
        value: { mode: 'threshold', share: 0.03 },
        onChange: () => {},
        stats,
      }),
    );
    expect(html).toMatch(/showing \d+% of \|flow\| · \d+ links hidden/);
    expect(html).toContain('3.0%');
  });

  it('TargetClassSelector defaults to the prediction', () => {
    const html = renderToStaticMarkup(
      createElement(TargetClassSelector, {
        classNames: ['zero', 'one', 'two', 'three'],
        value: null,
        predicted: 3,
        onChange: () => {},
      }),
    );
    expect(html).toContain('predicted: 3 · three');
    expect(html).toContain('3 · three (predicted)');
    expect(html).toMatch(/<option value="auto" selected="">/);
  });

  it('PlaybackControl names the layer reached', () => {
    const html = renderToStaticMarkup(
      createElement(PlaybackControl, {
        steps: ['input', 'conv1', 'class'],
        value: 2,
        onChange: () => {},
      }),
    );
    expect(html).toContain('up to conv1 (2 of 3)');
  });
});
