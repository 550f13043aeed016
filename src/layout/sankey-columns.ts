// Columns of the Sankey: the selected pixel(s) on the left, one column per pathway layer (max-pool
// optionally merged into the conv before it), and the chosen class on the right.
import type { PixelQueryResult } from '../pathways/types';
import type { PoolMode, SankeyColumn, SankeyColumnKind } from './sankey-types';

/** Singular noun for one channel of a column, used in labels ('map 3', 'unit 17'). */
export function unitNoun(kind: SankeyColumnKind): string {
  switch (kind) {
    case 'input':
      return 'channel';
    case 'dense':
      return 'unit';
    case 'class':
      return 'class';
    default:
      return 'map';
  }
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : noun.endsWith('s') ? 'es' : 's'}`;
}

/**
 * 'pixel (row 14, col 9)'; a full rectangle (the input panel's selections) as
 * '9 pixels (rows 10–12, cols 4–6)'; any other set as '5 pixels'.
 */
export function describePixels(pixels: readonly number[], inputWidth: number): string {
  if (pixels.length === 1) {
    const p = pixels[0] ?? 0;
    return `pixel (row ${Math.floor(p / inputWidth)}, col ${p % inputWidth})`;
  }
  const rows = pixels.map((p) => Math.floor(p / inputWidth));
  const cols = pixels.map((p) => p % inputWidth);
  const [r0, r1, c0, c1] = [
    Math.min(...rows),
    Math.max(...rows),
    Math.min(...cols),
    Math.max(...cols),
  ];
  const count = plural(pixels.length, 'pixel');
  const isRectangle = new Set(pixels).size === (r1 - r0 + 1) * (c1 - c0 + 1);
  if (!isRectangle) return count;
  const span = (name: string, a: number, b: number) =>
    a === b ? `${name} ${a}` : `${name}s ${a}–${b}`;
  return `${count} (${span('row', r0, r1)}, ${span('col', c0, c1)})`;
}

/** Channel names of the input: none for grey images, R/G/B for colour, indices otherwise. */
export function inputChannelName(channel: number, channels: number): string {
  if (channels === 1) return '';
  if (channels === 3) return ['R', 'G', 'B'][channel] ?? `ch ${channel}`;
  return `ch ${channel}`;
}

export function buildColumns(result: PixelQueryResult, poolMode: PoolMode): SankeyColumn[] {
  const columns: SankeyColumn[] = [
    {
      index: 0,
      id: 'input',
      label: 'input',
      note: describePixels(result.pixels, result.input.width),
      shortNote: result.pixels.length === 1 ? 'pixel' : plural(result.pixels.length, 'pixel'),
      kind: 'input',
      layers: [],
      size: result.input.channels,
    },
  ];
  for (const layer of result.layers) {
    const prev = columns[columns.length - 1];
    const mergeable =
      layer.kind === 'pool' &&
      poolMode === 'merge' &&
      prev !== undefined &&
      prev.kind === 'conv' &&
      prev.size === layer.channels;
    if (mergeable) {
      // Max-pool is channel-wise, so its flow matrix is diagonal and F_pool = F_conv: merging
      // loses nothing, and the column keeps the conv's id so pinned node ids stay valid.
      prev.layers.push(layer.index);
      prev.label = `${prev.label} + ${layer.name}`;
      continue;
    }
    const kind: SankeyColumnKind = layer.kind === 'logits' ? 'class' : layer.kind;
    columns.push({
      index: columns.length,
      id: kind === 'class' ? 'class' : layer.name,
      label: kind === 'class' ? 'class' : layer.name,
      note: '',
      shortNote: '',
      kind,
      layers: [layer.index],
      size: layer.channels,
    });
  }
  return columns;
}

/**
 * How many columns the Sankey of `result` has (the playback steps), without building its graph:
 * for panels beside the Sankey that need only this (e.g. lecture mode's step keys).
 */
export function sankeyColumnCount(result: PixelQueryResult | null, poolMode: PoolMode): number {
  return result ? buildColumns(result, poolMode).length : 0;
}
