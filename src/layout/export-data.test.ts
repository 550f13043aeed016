import { describe, expect, it } from 'vitest';
import { sankeyToJson, sourceCaption, SANKEY_JSON_FORMAT, type SankeySource } from './export-data';
import { buildSankeyGraph } from './sankey-graph';
import { layoutSankey } from './sankey-layout';
import { syntheticPixelQuery } from './testing/synthetic-result';

describe('sankeyToJson', () => {
  const graph = buildSankeyGraph(syntheticPixelQuery(), {
    prune: { mode: 'threshold', share: 0.03 },
    classNames: ['a', 'b', 'c', 'three'],
  });
  const layout = layoutSankey(graph);
  const json = sankeyToJson(graph, layout, 'title');

  it('lists exactly the drawn nodes and links, with widths from the drawing', () => {
    expect(json.format).toBe(SANKEY_JSON_FORMAT);
    expect(json.nodes.map((n) => n.id)).toEqual(layout.nodes.map((n) => n.id));
    expect(json.links.map((l) => `${l.source}->${l.target}`)).toEqual(
      layout.links.map((l) => l.id),
    );
    json.links.forEach((l, i) => expect(l.width).toBeCloseTo(layout.links[i]!.width, 1));
    expect(json.nodes.every((n) => n.box !== null)).toBe(true);
    expect(json.className).toBe('three');
    expect(json.options).not.toHaveProperty('classNames');
  });

  it('carries what was pruned so every node balances in the file alone', () => {
    expect(json.hiddenLinks.length).toBe(graph.hiddenLinks.length);
    const last = json.columns.length - 1;
    for (const n of json.nodes) {
      const inTotal = n.column === 0 ? n.flow : n.inFlow + n.hiddenIn;
      const outTotal = n.column === last ? n.flow : n.outFlow + n.hiddenOut;
      expect(Math.abs(inTotal - outTotal)).toBeLessThan(1e-5);
      const hiddenOut = json.hiddenLinks
        .filter((l) => l.source === n.id)
        .reduce((s, l) => s + l.flow, 0);
      expect(n.hiddenOut).toBeCloseTo(hiddenOut, 9);
    }
    expect(json.stats.shownShare).toBeLessThan(1);
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('the source of an exported figure', () => {
  const graph = buildSankeyGraph(syntheticPixelQuery(), { classNames: ['a', 'b', 'c', 'three'] });
  const sample: SankeySource = {
    model: 'mnist',
    modelLabel: 'MNIST',
    image: { kind: 'sample', sample: 350, label: 7 },
    link: 'http://127.0.0.1:4173/?model=mnist&sample=350&px=15%2C17',
  };

  it('goes into the JSON as metadata', () => {
    const json = sankeyToJson(graph, null, 'title', sample);
    expect(json.source).toEqual(sample);
    expect(sankeyToJson(graph, null, 'title').source).toBeUndefined();
  });

  it('reads as a caption: model, image, pixel, class, then the whole link', () => {
    expect(sourceCaption(sample, graph)).toEqual([
      'Model MNIST · image: gallery sample 350 (label 7) · pixel (row 14, col 9) · class 3 (three)',
      'Link: http://127.0.0.1:4173/?model=mnist&sample=350&px=15%2C17',
    ]);
    const drawn = { ...sample, image: { kind: 'drawn' as const }, link: `L${'x'.repeat(299)}` };
    const lines = sourceCaption(drawn, graph, 100);
    expect(lines[0]).toContain('image: drawn');
    expect(lines.slice(1).join('')).toBe(`Link: ${drawn.link}`);
    expect(lines.slice(1).every((l) => l.length <= 100)).toBe(true);
    const up = { ...sample, image: { kind: 'uploaded' as const, name: 'shoe.png' } };
    expect(sourceCaption(up, graph)[0]).toContain('image: uploaded (shoe.png)');
  });

  it('says that a link to a model opened from files needs those files', () => {
    const local = {
      ...sample,
      model: 'local-model:3f2a9c0d1e4b5a69.grey-20',
      modelLabel: 'grey_20',
      link: 'http://127.0.0.1:4173/?localModel=3f2a9c0d1e4b5a69.grey-20&px=3%2C4',
    };
    expect(sourceCaption(local, graph)).toEqual([
      'Model grey_20 · image: gallery sample 350 (label 7) · pixel (row 14, col 9) · class 3 (three)',
      `Link (opens with the same model files only): ${local.link}`,
    ]);
  });
});
