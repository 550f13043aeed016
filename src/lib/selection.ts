/**
 * Pixel selections on an H×W grid. A selection is a rectangle of pixels (a single pixel is a 1×1
 * rectangle); pixels are addressed as flat indices row * W + col. Also the compact text form used
 * in links: "row,col" for one pixel, "row0,col0,row1,col1" for a rectangle (inclusive).
 */

export interface PixelRegion {
  row0: number;
  col0: number;
  row1: number;
  col1: number;
}

export interface Cell {
  row: number;
  col: number;
}

export function cellOf(index: number, width: number): Cell {
  return { row: Math.floor(index / width), col: index % width };
}

export function indexOf(cell: Cell, width: number): number {
  return cell.row * width + cell.col;
}

export function clampCell(cell: Cell, width: number, height: number): Cell {
  return {
    row: Math.max(0, Math.min(height - 1, cell.row)),
    col: Math.max(0, Math.min(width - 1, cell.col)),
  };
}

/** The rectangle spanned by two corner cells, in any order. */
export function regionFromCorners(a: Cell, b: Cell): PixelRegion {
  return {
    row0: Math.min(a.row, b.row),
    col0: Math.min(a.col, b.col),
    row1: Math.max(a.row, b.row),
    col1: Math.max(a.col, b.col),
  };
}

export function regionPixels(region: PixelRegion, width: number): number[] {
  const out: number[] = [];
  for (let r = region.row0; r <= region.row1; r++) {
    for (let c = region.col0; c <= region.col1; c++) out.push(r * width + c);
  }
  return out;
}

/** The bounding rectangle of a pixel set, and whether the set fills it exactly. */
export function boundingRegion(
  pixels: readonly number[],
  width: number,
): { region: PixelRegion; isRectangle: boolean } | null {
  if (pixels.length === 0) return null;
  let row0 = Infinity;
  let col0 = Infinity;
  let row1 = -Infinity;
  let col1 = -Infinity;
  for (const p of pixels) {
    const { row, col } = cellOf(p, width);
    row0 = Math.min(row0, row);
    col0 = Math.min(col0, col);
    row1 = Math.max(row1, row);
    col1 = Math.max(col1, col);
  }
  const region = { row0, col0, row1, col1 };
  const area = (row1 - row0 + 1) * (col1 - col0 + 1);
  return { region, isRectangle: new Set(pixels).size === area };
}

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const STEP: Record<ArrowKey, Cell> = {
  ArrowUp: { row: -1, col: 0 },
  ArrowDown: { row: 1, col: 0 },
  ArrowLeft: { row: 0, col: -1 },
  ArrowRight: { row: 0, col: 1 },
};

export function isArrowKey(key: string): key is ArrowKey {
  return key in STEP;
}

/** A keyboard selection: the anchor stays put while Shift+arrows move the focus corner. */
export interface KeyboardCursor {
  anchor: Cell;
  focus: Cell;
}

/**
 * One arrow key press. Plain arrows move the whole rectangle (stopping at the edge without
 * squashing it); Shift+arrows move only the focus corner, growing or shrinking the rectangle.
 */
export function moveCursor(
  cursor: KeyboardCursor,
  key: ArrowKey,
  grow: boolean,
  width: number,
  height: number,
  stepSize = 1,
): KeyboardCursor {
  const d = STEP[key];
  const dr = d.row * stepSize;
  const dc = d.col * stepSize;
  if (grow) {
    return {
      anchor: cursor.anchor,
      focus: clampCell({ row: cursor.focus.row + dr, col: cursor.focus.col + dc }, width, height),
    };
  }
  const reg = regionFromCorners(cursor.anchor, cursor.focus);
  const mr = Math.max(-reg.row0, Math.min(height - 1 - reg.row1, dr));
  const mc = Math.max(-reg.col0, Math.min(width - 1 - reg.col1, dc));
  const shift = (c: Cell): Cell => ({ row: c.row + mr, col: c.col + mc });
  return { anchor: shift(cursor.anchor), focus: shift(cursor.focus) };
}

/** "row,col" or "row0,col0,row1,col1" (inclusive corners). */
export function formatRegion(region: PixelRegion): string {
  const { row0, col0, row1, col1 } = region;
  return row0 === row1 && col0 === col1 ? `${row0},${col0}` : `${row0},${col0},${row1},${col1}`;
}

/** Strict inverse of formatRegion for a W×H grid; anything malformed or out of range is null. */
export function parseRegion(text: string, width: number, height: number): PixelRegion | null {
  if (text.length > 32 || !/^\d{1,4}(,\d{1,4}){1,3}$/.test(text)) return null;
  const n = text.split(',').map(Number);
  if (n.length !== 2 && n.length !== 4) return null;
  const [row0 = -1, col0 = -1, row1 = row0, col1 = col0] = n;
  if (row0 > row1 || col0 > col1) return null;
  if (row1 >= height || col1 >= width) return null;
  return { row0, col0, row1, col1 };
}

/** A short human name for a selection: "pixel (row 12, col 7)" or "4×3 region at …". */
export function describeRegion(region: PixelRegion): string {
  const { row0, col0, row1, col1 } = region;
  if (row0 === row1 && col0 === col1) return `pixel (row ${row0}, col ${col0})`;
  return `${row1 - row0 + 1}×${col1 - col0 + 1} region, rows ${row0}–${row1}, cols ${col0}–${col1}`;
}

export interface SelectionSummary {
  /** Plain name of the selection, e.g. "pixel (row 12, col 7)". */
  label: string;
  count: number;
  /** How many selected pixels are exactly 0 and so carry no pathway. */
  zeros: number;
  /** Sum of the selected pixel values (the diffusion starts from these). */
  total: number;
}

/** Pure summary of a selection, shared by the readout and by panels that caption their views. */
export function summarizeSelection(
  image: Float32Array,
  width: number,
  pixels: readonly number[],
): SelectionSummary | null {
  const b = boundingRegion(pixels, width);
  if (!b) return null;
  let zeros = 0;
  let total = 0;
  for (const p of pixels) {
    const v = image[p] ?? 0;
    if (v === 0) zeros++;
    total += v;
  }
  const label = b.isRectangle ? describeRegion(b.region) : `${pixels.length} pixels`;
  return { label, count: pixels.length, zeros, total };
}

/**
 * The selection's contribution to every class, Σ_{p ∈ pixels} R_c(p), from the per-pixel relevance
 * maps. Exact by linearity (R_c(p) = x_p · ∂z_c/∂x_p with the gates fixed), so the class panel
 * needs no extra worker request when the selection changes.
 */
export function selectionContribution(
  relevanceByClass: readonly Float32Array[],
  pixels: readonly number[],
): Float32Array {
  const out = new Float32Array(relevanceByClass.length);
  relevanceByClass.forEach((r, c) => {
    let sum = 0;
    for (const p of pixels) sum += r[p] ?? 0;
    out[c] = sum;
  });
  return out;
}
