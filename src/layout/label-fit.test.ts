// Fitted layouts (lecture and embed views, `fit`): text sized by the options, labels shortened,
// broken or hidden so that no two texts overlap, margins that hold the end labels.
import { describe, expect, it } from 'vitest';
import { formatSigned } from '../lib/format';
import { measureText } from './header-fit';
import { fitLabel, type LabelFit } from './label-placement';
import { buildSankeyGraph } from './sankey-graph';
import { fittedLayoutOptions, layoutSankey, type SankeyLayout } from './sankey-layout';
import { syntheticPixelQuery } from './testing/synthetic-result';

const fit = (fontSize: number): LabelFit => ({
  gap: 4,
  measure: measureText,
  fontSize,
  bold: false,
  lineStep: 14,
  room: () => 0,
  extraLines: () => 0,
  top: 0,
  bottom: 500,
});

describe('fitLabel', () => {
  it('keeps a label that fits, else shortens, breaks or drops it', () => {
    const w = (t: string) => measureText(t, 11);
    expect(fitLabel('map 12', w('map 12'), fit(11))).toEqual(['map 12']);
    expect(fitLabel('map 12', w('map 12') - 1, fit(11))).toEqual(['12']);
    expect(fitLabel('map 12', w('1'), fit(11))).toBeNull();
    expect(fitLabel('17 other units', w('17 other'), fit(11))).toEqual(['17 other', 'units']);
    expect(fitLabel('17 other units', w('+17'), fit(11))).toEqual(['+17']);
    expect(fitLabel('17 other units', w('+1'), fit(11))).toBeNull();
  });
});

interface Box {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The boxes the layout's visible labels and headers take, measured as the layout measures
 * (DejaVu Sans' ascent 0.93 em and descent 0.24 em; labels are centred on their y). */
function textBoxes(layout: SankeyLayout): Box[] {
  const t = layout.type;
  const boxes: Box[] = [];
  for (const n of layout.nodes) {
    if (!n.labelVisible) continue;
    const lines = [...(n.labelLines ?? [n.shortLabel])];
    if (n.kind === 'input' || n.kind === 'class') lines.push(formatSigned(n.flow));
    const top = n.labelY - ((lines.length - 1) * t.labelStep) / 2;
    lines.forEach((line, i) => {
      const w = measureText(line, t.label, t.labelBold);
      const x0 = n.labelAnchor === 'end' ? n.labelX - w : n.labelX;
      const y = top + i * t.labelStep;
      boxes.push({ text: line, x0, x1: x0 + w, y0: y - t.label * 0.58, y1: y + t.label * 0.58 });
    });
  }
  for (const c of layout.columns) {
    const lines = [...c.headerLines, ...(c.headerNote ? [c.headerNote] : [])];
    lines.forEach((line, i) => {
      const w = measureText(line, t.header, i < c.headerLines.length);
      const y = t.headerTop + i * t.headerLine;
      boxes.push({
        text: line,
        x0: c.x - w / 2,
        x1: c.x + w / 2,
        y0: y - 0.93 * t.header,
        y1: y + 0.24 * t.header,
      });
    });
  }
  return boxes;
}

function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5)
        if (Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5) out.push(`${a.text} × ${b.text}`);
    }),
  );
  return out;
}

describe('fitted layouts', () => {
  const graph = buildSankeyGraph(syntheticPixelQuery());

  it('leaves the default layout as it was', () => {
    const layout = layoutSankey(graph, { width: 960, height: 520 });
    expect(layout.type).toMatchObject({ label: 12, header: 13, note: 11, headerTop: 16 });
    expect(layout.margin).toEqual({ top: 60, right: 128, bottom: 12, left: 104 });
    expect(layout.nodes.every((n) => n.labelLines === undefined)).toBe(true);
  });

  it('fits lecture type (16 px bold) at 840×460 without overlaps', () => {
    const layout = layoutSankey(graph, {
      ...fittedLayoutOptions(16, { labelBold: true }),
      width: 840,
      height: 460,
    });
    expect(layout.type).toMatchObject({ label: 16, labelBold: true, header: 16, note: 16 });
    expect(overlaps(textBoxes(layout))).toEqual([]);
    // Boxes sit at least a line apart, so every map keeps its label.
    const shown = layout.nodes.filter((n) => n.labelVisible).length;
    expect(shown).toBeGreaterThanOrEqual(layout.nodes.length - 2);
    // The end labels sit inside the drawing.
    for (const b of textBoxes(layout)) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(840);
    }
  });

  it('fits the embed (11 px) into 446×278, every column on the drawing', () => {
    const layout = layoutSankey(graph, { ...fittedLayoutOptions(11), width: 446, height: 278 });
    const boxes = textBoxes(layout);
    expect(overlaps(boxes)).toEqual([]);
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(446);
      expect(b.y1).toBeLessThanOrEqual(278);
    }
    const last = layout.columns.at(-1)!;
    expect(last.x1).toBeLessThan(446);
    expect(layout.nodes.filter((n) => n.labelVisible).length).toBeGreaterThan(
      layout.nodes.length / 2,
    );
  });
});
