// The three views of a comparison as ONE standalone SVG: each view's own export (svg-export.ts,
// with its title and legend) nested at its place, A and B side by side above B − A, and the
// caption (model, images, link) once under them.
import { sankeyToSvgString } from '../../render/svg-export';
import { IDLE_STATE } from '../../render/sankey-style';
import type { CompareLayouts } from '../../layout/compare-layout';

const GAP = 16;
const CAPTION_LINE = 14;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The inner <svg> of one view, moved to (x, y); its size comes from its own header. */
function nested(
  svg: string,
  x: number,
  y: number,
): { markup: string; width: number; height: number } {
  const body = svg.replace(/^<\?xml[^>]*>/, '');
  const width = Number(/width="([\d.]+)"/.exec(body)?.[1] ?? 0);
  const height = Number(/height="([\d.]+)"/.exec(body)?.[1] ?? 0);
  return { markup: body.replace('<svg ', `<svg x="${x}" y="${y}" `), width, height };
}

export function compareToSvgString(
  layouts: CompareLayouts,
  titles: { a: string; b: string; diff: string },
  caption: string[],
): string {
  const view = (layout: CompareLayouts['a'], title: string) =>
    sankeyToSvgString(layout, { title, state: IDLE_STATE });
  const a = nested(view(layouts.a, titles.a), 0, 0);
  const b = nested(view(layouts.b, titles.b), a.width + GAP, 0);
  const top = Math.max(a.height, b.height) + GAP;
  const d = nested(view(layouts.diff, titles.diff), 0, top);
  const width = Math.max(a.width + GAP + b.width, d.width);
  const captionTop = top + d.height + 8;
  const height = captionTop + caption.length * CAPTION_LINE + 8;
  const lines = caption.map(
    (text, i) =>
      `<text x="8" y="${captionTop + (i + 1) * CAPTION_LINE}" font-size="11" fill="#444">${escapeXml(text)}</text>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(`${titles.a} | ${titles.b} | ${titles.diff}`)}</title>`,
    caption.length ? `<desc>${escapeXml(caption.join('\n'))}</desc>` : '',
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    a.markup,
    b.markup,
    d.markup,
    ...lines,
    '</svg>',
  ].join('\n');
}
