// The Sankey as a standalone SVG document: inline presentation attributes only (no CSS classes),
// a title, the figure and its legend, so it opens anywhere and prints like the screen.
import type { SankeyLayout } from '../layout/sankey-layout';
import { MARKER_NOTE, NODE_NOTE, SIGN_SWATCHES, widthKey } from './legend-data';
import { SANKEY_COLORS } from './palette';
import { buildScene, MARKER_GLYPH, type SankeyScene } from './sankey-scene';
import { IDLE_STATE, type SankeyVisualState } from './sankey-style';

const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif";

export interface SvgExportOptions {
  title: string;
  subtitle?: string;
  state?: SankeyVisualState;
  /**
   * Lines printed under the legend and kept in the document's <desc>: where the figure comes from
   * (model, image, pixel, class, link; export-data.ts sourceCaption). The PNG, rasterised from
   * this SVG, carries them too.
   */
  caption?: readonly string[];
}

const TITLE_H = 56;
const LEGEND_H = 64;
const CAPTION_LINE = 15;

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const n = (v: number) => String(Math.round(v * 100) / 100);
/** White halo under text (as .pl-label / .pl-marker on screen): legible where it crosses bands. */
const HALO = `stroke="${SANKEY_COLORS.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;

/** Headers, links, nodes and labels of a scene as SVG markup (no outer <svg>). */
function sceneMarkup(scene: SankeyScene): string {
  const out: string[] = [];
  for (const h of scene.headers) {
    const faint = h.revealed ? '' : ' opacity="0.4"';
    out.push(`<g text-anchor="middle"${faint}><title>${escapeXml(h.title)}</title>`);
    for (const line of h.lines) {
      out.push(
        `<text x="${n(h.x)}" y="${n(line.y)}" font-size="13" font-weight="600" fill="${SANKEY_COLORS.text}">${escapeXml(line.text)}</text>`,
      );
    }
    if (h.note) {
      out.push(
        `<text x="${n(h.x)}" y="${n(h.noteY)}" font-size="11" fill="${SANKEY_COLORS.muted}">${escapeXml(h.note)}</text>`,
      );
    }
    out.push('</g>');
  }
  out.push('<g>');
  for (const l of scene.links) {
    if (!l.visible) continue;
    out.push(`<path d="${l.d}" fill="${l.fill}" fill-opacity="${n(l.opacity)}"/>`);
  }
  for (const l of scene.links) {
    if (!l.visible || !l.overlay) continue;
    out.push(
      `<path d="${l.overlay.d}" fill="${l.overlay.fill}" fill-opacity="${n(l.overlay.opacity)}"/>`,
    );
  }
  out.push('</g>');
  for (const node of scene.nodes) {
    if (!node.visible) continue;
    out.push(`<g opacity="${n(node.opacity)}">`);
    out.push(
      `<rect x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" fill="${SANKEY_COLORS.nodeFill}" stroke="${SANKEY_COLORS.nodeStroke}" stroke-width="0.75"/>`,
    );
    if (node.bar) {
      out.push(
        `<rect x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.bar.height)}" fill="${node.bar.fill}"/>`,
      );
    }
    if (node.marker) out.push(markerMarkup(node.marker));
    if (node.label.visible) out.push(labelMarkup(node.label));
    out.push('</g>');
  }
  return out.join('\n');
}

function labelMarkup(label: SankeyScene['nodes'][number]['label']): string {
  const top = label.y - ((label.lines.length - 1) * 13) / 2;
  const spans = label.lines
    .map(
      (line, i) =>
        `<tspan x="${n(label.x)}" y="${n(top + i * 13)}"${i > 0 ? ` fill="${SANKEY_COLORS.muted}"` : ''}>${escapeXml(line)}</tspan>`,
    )
    .join('');
  // A white halo under the text keeps labels readable where they cross link bands.
  return `<text text-anchor="${label.anchor}" dominant-baseline="central" font-size="12" fill="${SANKEY_COLORS.text}" ${HALO}>${spans}</text>`;
}

function markerMarkup(marker: NonNullable<SankeyScene['nodes'][number]['marker']>): string {
  return `<text x="${n(marker.x)}" y="${n(marker.y)}" text-anchor="${marker.anchor}" dominant-baseline="central" font-size="13" fill="${SANKEY_COLORS.text}" ${HALO}>${MARKER_GLYPH}</text>`;
}

function legendMarkup(layout: SankeyLayout, y: number, marked: boolean): string {
  const out: string[] = [];
  let x = layout.margin.left;
  for (const s of SIGN_SWATCHES) {
    out.push(
      `<rect x="${n(x)}" y="${n(y)}" width="18" height="10" fill="${s.color}" fill-opacity="${SANKEY_COLORS.linkOpacity}"/>`,
    );
    out.push(
      `<text x="${n(x + 24)}" y="${n(y + 5)}" dominant-baseline="central" font-size="12" fill="${SANKEY_COLORS.text}">${escapeXml(s.label)}</text>`,
    );
    x += 24 + s.label.length * 6.4 + 24;
  }
  const key = widthKey(layout.ky);
  if (key) {
    out.push(
      `<rect x="${n(x)}" y="${n(y + 5 - key.px / 2)}" width="28" height="${n(key.px)}" fill="${SANKEY_COLORS.dimLink}"/>`,
    );
    out.push(
      `<text x="${n(x + 34)}" y="${n(y + 5)}" dominant-baseline="central" font-size="12" fill="${SANKEY_COLORS.text}">= ${escapeXml(key.label)}</text>`,
    );
    x += 34 + (key.label.length + 2) * 6.4 + 24;
  }
  if (marked) {
    out.push(
      `<text x="${n(x)}" y="${n(y + 5)}" dominant-baseline="central" font-size="13" fill="${SANKEY_COLORS.text}">${MARKER_GLYPH}</text>`,
    );
    out.push(
      `<text x="${n(x + 18)}" y="${n(y + 5)}" dominant-baseline="central" font-size="12" fill="${SANKEY_COLORS.text}">${escapeXml(MARKER_NOTE)}</text>`,
    );
  }
  out.push(
    `<text x="${n(layout.margin.left)}" y="${n(y + 30)}" font-size="11" fill="${SANKEY_COLORS.muted}">${escapeXml(NODE_NOTE)}</text>`,
  );
  return out.join('\n');
}

export function sankeyToSvgString(layout: SankeyLayout, options: SvgExportOptions): string {
  const scene = buildScene(layout, options.state ?? IDLE_STATE);
  const width = layout.width;
  const caption = options.caption ?? [];
  const captionH = caption.length ? caption.length * CAPTION_LINE + 8 : 0;
  const height = TITLE_H + layout.height + LEGEND_H + captionH;
  const title = escapeXml(options.title);
  const captionTop = TITLE_H + layout.height + LEGEND_H;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}">`,
    `<title>${title}</title>`,
    caption.length ? `<desc>${escapeXml(caption.join('\n'))}</desc>` : '',
    `<rect width="100%" height="100%" fill="${SANKEY_COLORS.background}"/>`,
    `<text x="${layout.margin.left}" y="24" font-size="16" font-weight="600" fill="${SANKEY_COLORS.text}">${title}</text>`,
    options.subtitle
      ? `<text x="${layout.margin.left}" y="44" font-size="12" fill="${SANKEY_COLORS.muted}">${escapeXml(options.subtitle)}</text>`
      : '',
    `<g transform="translate(0 ${TITLE_H})">`,
    layout.empty ? '' : sceneMarkup(scene),
    `</g>`,
    legendMarkup(
      layout,
      TITLE_H + layout.height + 14,
      scene.nodes.some((node) => node.visible && node.marker),
    ),
    ...caption.map(
      (line, i) =>
        `<text x="${layout.margin.left}" y="${captionTop + i * CAPTION_LINE}" font-size="11" fill="${SANKEY_COLORS.muted}" data-caption="${i}">${escapeXml(line)}</text>`,
    ),
    `</svg>`,
  ].join('\n');
}
