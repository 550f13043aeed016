// Minimal static SVG charts for the markdown reports: plain strings, no DOM and no d3, so they are
// generated in Node and render on GitHub. Every chart has a title, labelled axes and a legend.

export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export interface Series {
  name: string;
  values: number[];
  color?: string;
  /** Dashed line (line charts) or hatched-looking lighter bar (bar charts). */
  dashed?: boolean;
}

const FONT = 'font-family="system-ui, sans-serif" font-size="11"';
const W = 680;
const H = 320;
const M = { top: 36, right: 175, bottom: 64, left: 56 };

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  return Number(v.toFixed(digits)).toString();
}

function doc(title: string, body: string, width = W, height = H): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>\n` +
    `<title>${escapeXml(title)}</title>\n<rect width="100%" height="100%" fill="#fff"/>\n` +
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="13" font-weight="600">${escapeXml(title)}</text>\n` +
    body +
    '</svg>\n'
  );
}

/** Round tick values spanning [lo, hi]. */
function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

interface Frame {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  y: (v: number) => number;
}

function yAxis(
  lo: number,
  hi: number,
  label: string,
  width = W,
  height = H,
): { frame: Frame; svg: string } {
  const x0 = M.left;
  const x1 = width - M.right;
  const y0 = height - M.bottom;
  const y1 = M.top;
  const y = (v: number) => y0 - ((v - lo) / (hi - lo || 1)) * (y0 - y1);
  let svg = `<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="#333"/>\n`;
  svg += `<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="#333"/>\n`;
  for (const t of ticks(lo, hi)) {
    const yy = y(t).toFixed(1);
    svg += `<line x1="${x0 - 4}" y1="${yy}" x2="${x1}" y2="${yy}" stroke="#e5e5e5"/>`;
    svg += `<text x="${x0 - 6}" y="${yy}" dy="0.32em" text-anchor="end">${fmt(t, 4)}</text>\n`;
  }
  svg += `<text transform="translate(14 ${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(label)}</text>\n`;
  return { frame: { x0, x1, y0, y1, y }, svg };
}

function legend(
  series: Array<{ name: string; color: string; dashed?: boolean }>,
  width = W,
): string {
  const x = width - M.right + 14;
  return series
    .map((s, i) => {
      const y = M.top + 8 + i * 16;
      const dash = s.dashed ? ' stroke-dasharray="4 3"' : '';
      return (
        `<line x1="${x}" y1="${y}" x2="${x + 18}" y2="${y}" stroke="${s.color}" stroke-width="3"${dash}/>` +
        `<text x="${x + 24}" y="${y}" dy="0.32em">${escapeXml(s.name)}</text>\n`
      );
    })
    .join('');
}

function xLabels(categories: string[], f: Frame, xLabel: string): string {
  const step = (f.x1 - f.x0) / categories.length;
  // ~6.5 px per character at 11 px: tilt the labels when they would run into each other.
  const tilt = categories.some((c) => c.length * 6.5 > step - 4);
  let svg = categories
    .map((c, i) => {
      const x = f.x0 + step * (i + 0.5);
      return tilt
        ? `<text transform="translate(${x.toFixed(1)} ${f.y0 + 10}) rotate(-25)" text-anchor="end">${escapeXml(c)}</text>`
        : `<text x="${x.toFixed(1)}" y="${f.y0 + 14}" text-anchor="middle">${escapeXml(c)}</text>`;
    })
    .join('');
  svg += `\n<text x="${(f.x0 + f.x1) / 2}" y="${f.y0 + (tilt ? 52 : 40)}" text-anchor="middle">${escapeXml(xLabel)}</text>\n`;
  return svg;
}

function range(series: Series[], fixed?: [number, number]): [number, number] {
  if (fixed) return fixed;
  let lo = 0;
  let hi = 0;
  for (const s of series) {
    for (const v of s.values) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (hi === lo) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  return [lo < 0 ? lo - pad : lo, hi + pad];
}

export interface ChartSpec {
  title: string;
  categories: string[];
  series: Series[];
  xLabel: string;
  yLabel: string;
  yRange?: [number, number];
}

/** What bar and line charts share: series colours, the y range and axis, the category step. */
function chartFrame(spec: ChartSpec) {
  const colored = spec.series.map((s, i) => ({
    ...s,
    color: s.color ?? PALETTE[i % PALETTE.length]!,
  }));
  const [lo, hi] = range(spec.series, spec.yRange);
  const { frame: f, svg: axes } = yAxis(lo, hi, spec.yLabel);
  return { colored, lo, f, axes, step: (f.x1 - f.x0) / spec.categories.length };
}

export function barChart(spec: ChartSpec): string {
  const { colored, lo, f, axes, step } = chartFrame(spec);
  const bw = (step * 0.8) / Math.max(1, colored.length);
  let bars = '';
  spec.categories.forEach((_c, i) => {
    colored.forEach((s, j) => {
      const v = s.values[i];
      if (v === undefined || !Number.isFinite(v)) return;
      const x = f.x0 + step * i + step * 0.1 + bw * j;
      const ya = f.y(Math.max(v, Math.max(lo, 0)));
      const yb = f.y(Math.min(v, Math.max(lo, 0)));
      const opacity = s.dashed ? ' fill-opacity="0.45"' : '';
      bars += `<rect x="${x.toFixed(1)}" y="${ya.toFixed(1)}" width="${bw.toFixed(1)}" height="${Math.max(0, yb - ya).toFixed(1)}" fill="${s.color}"${opacity}><title>${escapeXml(`${s.name}: ${fmt(v, 4)}`)}</title></rect>`;
    });
  });
  return doc(
    spec.title,
    axes + bars + '\n' + xLabels(spec.categories, f, spec.xLabel) + legend(colored),
  );
}

export function lineChart(spec: ChartSpec): string {
  const { colored, f, axes, step } = chartFrame(spec);
  let lines = '';
  for (const s of colored) {
    const pts = s.values
      .map((v, i) =>
        Number.isFinite(v) ? `${(f.x0 + step * (i + 0.5)).toFixed(1)},${f.y(v).toFixed(1)}` : null,
      )
      .filter((p): p is string => p !== null);
    const dash = s.dashed ? ' stroke-dasharray="5 4"' : '';
    lines += `<polyline points="${pts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`;
    lines += pts
      .map(
        (p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3" fill="${s.color}"/>`,
      )
      .join('');
    lines += '\n';
  }
  return doc(spec.title, axes + lines + xLabels(spec.categories, f, spec.xLabel) + legend(colored));
}

export interface ScatterSpec {
  title: string;
  points: number[][];
  labels: number[];
  classNames: string[];
  xLabel: string;
  yLabel: string;
}

export function scatterChart(spec: ScatterSpec): string {
  const xs = spec.points.map((p) => p[0] ?? 0);
  const ys = spec.points.map((p) => p[1] ?? 0);
  const pad = (a: number[]): [number, number] => {
    const lo = Math.min(...a, 0);
    const hi = Math.max(...a, 0);
    const d = (hi - lo || 1) * 0.05;
    return [lo - d, hi + d];
  };
  const [xlo, xhi] = pad(xs);
  const [ylo, yhi] = pad(ys);
  const { frame: f, svg: axes } = yAxis(ylo, yhi, spec.yLabel);
  const x = (v: number) => f.x0 + ((v - xlo) / (xhi - xlo)) * (f.x1 - f.x0);
  let body = axes;
  for (const t of ticks(xlo, xhi)) {
    body += `<text x="${x(t).toFixed(1)}" y="${f.y0 + 14}" text-anchor="middle">${fmt(t, 3)}</text>`;
  }
  body += `\n<text x="${(f.x0 + f.x1) / 2}" y="${f.y0 + 40}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>\n`;
  spec.points.forEach((p, i) => {
    const c = PALETTE[(spec.labels[i] ?? 0) % PALETTE.length]!;
    body += `<circle cx="${x(p[0] ?? 0).toFixed(1)}" cy="${f.y(p[1] ?? 0).toFixed(1)}" r="2.2" fill="${c}" fill-opacity="0.75"/>`;
  });
  body +=
    '\n' +
    legend(spec.classNames.map((name, i) => ({ name, color: PALETTE[i % PALETTE.length]! })));
  return doc(spec.title, body);
}

export interface HistogramSpec {
  title: string;
  edges: number[];
  counts: number[][];
  names: string[];
  xLabel: string;
}

/** Overlaid step outlines with light fills, one per group, on shared bins. */
export function histogramChart(spec: HistogramSpec): string {
  const max = Math.max(1, ...spec.counts.flat());
  const { frame: f, svg: axes } = yAxis(0, max * 1.05, 'images');
  const lo = spec.edges[0] ?? 0;
  const hi = spec.edges[spec.edges.length - 1] ?? 1;
  const x = (v: number) => f.x0 + ((v - lo) / (hi - lo || 1)) * (f.x1 - f.x0);
  let body = axes;
  for (const t of ticks(lo, hi)) {
    body += `<text x="${x(t).toFixed(1)}" y="${f.y0 + 14}" text-anchor="middle">${fmt(t, 1)}</text>`;
  }
  body += `\n<text x="${(f.x0 + f.x1) / 2}" y="${f.y0 + 40}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>\n`;
  spec.counts.forEach((counts, g) => {
    const color = PALETTE[g % PALETTE.length]!;
    let d = `M${x(lo).toFixed(1)},${f.y0}`;
    counts.forEach((c, b) => {
      const ya = f.y(c).toFixed(1);
      d += ` L${x(spec.edges[b]!).toFixed(1)},${ya} L${x(spec.edges[b + 1]!).toFixed(1)},${ya}`;
    });
    d += ` L${x(hi).toFixed(1)},${f.y0} Z`;
    body += `<path d="${d}" fill="${color}" fill-opacity="0.18" stroke="${color}" stroke-width="1.5"/>\n`;
  });
  body += legend(spec.names.map((name, g) => ({ name, color: PALETTE[g % PALETTE.length]! })));
  return doc(spec.title, body);
}
