// Geometry of the occlusion patch and the movement shift: pure helpers over an H×W grid, shared by
// the URL fields, the draggable patch and the tests. Coordinates are (row, col) cells.

/** A square patch: top-left cell and side length (as src/analysis/images.ts `Patch`). */
export interface PatchBox {
  row: number;
  col: number;
  size: number;
}

export interface Shift {
  /** Columns to the right (negative: left). */
  dx: number;
  /** Rows down (negative: up). */
  dy: number;
}

export const PATCH_SIZE = { min: 2, max: 14, initial: 8 } as const;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The patch moved and resized so that it lies wholly inside the H×W image. */
export function clampPatch(p: PatchBox, height: number, width: number): PatchBox {
  const size = clamp(Math.round(p.size), 1, Math.min(height, width));
  return {
    row: clamp(Math.round(p.row), 0, height - size),
    col: clamp(Math.round(p.col), 0, width - size),
    size,
  };
}

/** The initial patch: centred on the image, where MNIST-like digits have their ink. */
export function defaultPatch(height: number, width: number, size: number = PATCH_SIZE.initial) {
  return clampPatch(
    { row: Math.floor((height - size) / 2), col: Math.floor((width - size) / 2), size },
    height,
    width,
  );
}

/** A patch of `size` whose centre is as near the given cell as the frame allows. */
export function patchAround(
  row: number,
  col: number,
  size: number,
  height: number,
  width: number,
): PatchBox {
  const half = Math.floor(size / 2);
  return clampPatch({ row: row - half, col: col - half, size }, height, width);
}

/** The grid cell under a point of an element drawn `displayWidth` × `displayHeight` pixels. */
export function cellAt(
  x: number,
  y: number,
  displayWidth: number,
  displayHeight: number,
  height: number,
  width: number,
): { row: number; col: number } {
  return {
    row: clamp(Math.floor((y / displayHeight) * height), 0, height - 1),
    col: clamp(Math.floor((x / displayWidth) * width), 0, width - 1),
  };
}

/**
 * The patch after a key press, or null for keys it ignores: arrows move by one cell (four with
 * Shift), + and − resize around the centre.
 */
export function patchAfterKey(
  p: PatchBox,
  key: string,
  shiftKey: boolean,
  height: number,
  width: number,
): PatchBox | null {
  const step = shiftKey ? 4 : 1;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-step, 0],
    ArrowDown: [step, 0],
    ArrowLeft: [0, -step],
    ArrowRight: [0, step],
  };
  const move = moves[key];
  if (move) return clampPatch({ ...p, row: p.row + move[0], col: p.col + move[1] }, height, width);
  const grow = key === '+' || key === '=' ? 1 : key === '-' || key === '_' ? -1 : 0;
  if (grow === 0) return null;
  const size = clamp(p.size + grow, PATCH_SIZE.min, PATCH_SIZE.max);
  const centre = { row: p.row + p.size / 2, col: p.col + p.size / 2 };
  return clampPatch(
    { row: Math.round(centre.row - size / 2), col: Math.round(centre.col - size / 2), size },
    height,
    width,
  );
}

/** "row,col,size", the link's form. */
export function formatPatch(p: PatchBox): string {
  return `${p.row},${p.col},${p.size}`;
}

/** Strict: three small whole numbers, size ≥ 1; checked against the image size later. */
export function parsePatch(text: string): PatchBox | undefined {
  const m = /^(\d{1,3}),(\d{1,3}),(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const [row, col, size] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return size >= 1 && row <= 255 && col <= 255 && size <= 255 ? { row, col, size } : undefined;
}

export function formatShift(s: Shift): string {
  return `${s.dx},${s.dy}`;
}

/**
 * "dx,dy" with |dx|, |dy| ≤ 255 (syntax only: how far a shift may go depends on the image, which
 * the link's check knows: src/analysis/shift-scale.ts).
 */
export function parseShift(text: string): Shift | undefined {
  const m = /^(-?\d{1,3}),(-?\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const dx = Number(m[1]);
  const dy = Number(m[2]);
  const ok = Math.abs(dx) <= 255 && Math.abs(dy) <= 255;
  // Normalise −0 so that the link and equality checks see a plain 0.
  return ok ? { dx: dx + 0, dy: dy + 0 } : undefined;
}
