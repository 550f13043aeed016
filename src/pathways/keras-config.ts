// Reading Keras layer configs for the model → engine conversion (network.ts): sizes, strides,
// activations, zero padding, and TensorFlow's window geometry ('same' / 'valid'). Plain data only.

/** Explicit zero padding (TensorFlow's 'same' rule: the extra row/col goes bottom/right). */
export interface Pads {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** tfjs's explicit padding: [[0, 0], [top, bottom], [left, right], [0, 0]]. */
export type ExplicitPadding = [
  [number, number],
  [number, number],
  [number, number],
  [number, number],
];

export const NO_PADS: Pads = { top: 0, left: 0, bottom: 0, right: 0 };

/** A layer the engine cannot trace; the message names it, its class and the reason. */
export class UnsupportedLayerError extends Error {
  constructor(
    readonly layerName: string,
    readonly className: string,
    reason: string,
  ) {
    super(`Unsupported layer '${layerName}' (${className}): ${reason}`);
    this.name = 'UnsupportedLayerError';
  }
}

/** TensorFlow's padding rule for one spatial dimension. */
function samePadding(
  inSize: number,
  k: number,
  s: number,
): { out: number; before: number; after: number } {
  const out = Math.ceil(inSize / s);
  const total = Math.max((out - 1) * s + k - inSize, 0);
  const before = Math.floor(total / 2);
  return { out, before, after: total - before };
}

/** Output size and pads of a conv/pool window op in one dimension. */
export function windowGeometry(
  inSize: number,
  k: number,
  s: number,
  padding: 'same' | 'valid',
): { out: number; before: number; after: number } {
  if (padding === 'same') return samePadding(inSize, k, s);
  const out = Math.floor((inSize - k) / s) + 1;
  return { out, before: 0, after: 0 };
}

export function pair(value: unknown, what: string, layer: string, cls: string): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) {
    return [value[0] as number, value[1] as number];
  }
  throw new UnsupportedLayerError(layer, cls, `cannot read ${what} ${JSON.stringify(value)}`);
}

/** A layer's 'same' / 'valid' padding (`fallback` when the config has none). */
export function paddingMode(
  value: unknown,
  fallback: 'same' | 'valid' | null,
  layer: string,
  cls: string,
): 'same' | 'valid' {
  const padding = value ?? fallback;
  if (padding !== 'same' && padding !== 'valid') {
    throw new UnsupportedLayerError(layer, cls, `padding '${String(padding)}'`);
  }
  return padding;
}

function activationName(value: unknown): string {
  if (value === undefined || value === null) return 'linear';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'className' in value) {
    return String((value as { className: unknown }).className);
  }
  return String(value);
}

/** A config's activation as 'relu', 'linear', 'softmax' or its own name (to be refused). */
export function activationOf(value: unknown): string {
  const name = activationName(value);
  const lower = name.toLowerCase();
  if (lower === 'relu' || lower === 'linear' || lower === 'softmax') return lower;
  return name;
}

export function sumPads(a: Pads, b: Pads): Pads {
  return {
    top: a.top + b.top,
    bottom: a.bottom + b.bottom,
    left: a.left + b.left,
    right: a.right + b.right,
  };
}

export function hasPads(p: Pads): boolean {
  return p.top > 0 || p.bottom > 0 || p.left > 0 || p.right > 0;
}

export function explicitPadding(p: Pads): ExplicitPadding {
  return [
    [0, 0],
    [p.top, p.bottom],
    [p.left, p.right],
    [0, 0],
  ];
}

/** Keras' ZeroPadding2D `padding`: n, [h, w] or [[top, bottom], [left, right]]. */
export function zeroPads(value: unknown, layer: string, cls: string): Pads {
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (ok(value)) return { top: value, bottom: value, left: value, right: value };
  if (Array.isArray(value) && value.length === 2) {
    const [h, w] = value as unknown[];
    if (ok(h) && ok(w)) return { top: h, bottom: h, left: w, right: w };
    if (Array.isArray(h) && Array.isArray(w) && h.length === 2 && w.length === 2) {
      const [t, b] = h as unknown[];
      const [l, r] = w as unknown[];
      if (ok(t) && ok(b) && ok(l) && ok(r)) return { top: t, bottom: b, left: l, right: r };
    }
  }
  throw new UnsupportedLayerError(layer, cls, `cannot read padding ${JSON.stringify(value)}`);
}

/**
 * Where a sliding-window layer (Conv2D, AveragePooling2D) reads its input once the
 * ZeroPadding2D layers before it (`folded`, or null) are folded into its own padding: it reads the
 * unpadded map (`inShape`) with the sum of both paddings (`pads`; `padding` in tfjs's terms).
 * `shape` is the map as the layer itself sees it (padded); `own` its own TF pads.
 */
export interface SlidingGeometry {
  out: [number, number];
  own: Pads;
  pads: Pads;
  padding: 'same' | 'valid' | ExplicitPadding;
  inShape: [number, number, number];
}

export function slidingGeometry(
  shape: [number, number, number],
  kernel: [number, number],
  strides: [number, number],
  padding: 'same' | 'valid',
  folded: Pads | null,
): SlidingGeometry {
  const gh = windowGeometry(shape[0], kernel[0], strides[0], padding);
  const gw = windowGeometry(shape[1], kernel[1], strides[1], padding);
  const own: Pads = { top: gh.before, bottom: gh.after, left: gw.before, right: gw.after };
  if (!folded) return { out: [gh.out, gw.out], own, pads: own, padding, inShape: shape };
  const pads = sumPads(own, folded);
  return {
    out: [gh.out, gw.out],
    own,
    pads,
    padding: explicitPadding(pads),
    inShape: [
      shape[0] - folded.top - folded.bottom,
      shape[1] - folded.left - folded.right,
      shape[2],
    ],
  };
}
