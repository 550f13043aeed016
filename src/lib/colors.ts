/**
 * Colour scales as plain functions, shared by every view (input, maps, classes, Sankey).
 *
 * The diverging scale maps signed values to blue (positive) and orange (negative) around a
 * near-white neutral. Blue/orange stays distinguishable under the common red-green colour-vision
 * deficiencies, and both halves are built in OKLCH with the *same lightness ramp*, so +t and -t
 * are equally salient: a negative flow never looks weaker than a positive one of the same size.
 */

export type Rgb = readonly [r: number, g: number, b: number];

/** OKLCH lightness at 0 (neutral) and at |t| = 1 (the saturated ends). */
const L_NEUTRAL = 0.975;
const L_END = 0.4;
const C_MAX = 0.16;
const HUE_POSITIVE = 255; // blue
const HUE_NEGATIVE = 55; // orange
/** Steps per half of the lookup table; 128 is far below what the eye can tell apart. */
const STEPS = 128;

function linearToSrgb(x: number): number {
  return x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
}

/** OKLab → linear sRGB (Björn Ottosson's published matrices). */
function oklabToLinear(L: number, a: number, b: number): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

function inGamut(rgb: [number, number, number]): boolean {
  return rgb.every((v) => v >= -1e-6 && v <= 1 + 1e-6);
}

/** OKLCH → 8-bit sRGB, lowering chroma (never lightness) until the colour fits sRGB. */
function oklchToRgb(L: number, C: number, hueDeg: number): Rgb {
  const h = (hueDeg * Math.PI) / 180;
  let lo = 0;
  let hi = C;
  if (!inGamut(oklabToLinear(L, C * Math.cos(h), C * Math.sin(h)))) {
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(oklabToLinear(L, mid * Math.cos(h), mid * Math.sin(h)))) lo = mid;
      else hi = mid;
    }
    hi = lo;
  }
  const lin = oklabToLinear(L, hi * Math.cos(h), hi * Math.sin(h));
  const to8 = (v: number) => Math.round(255 * linearToSrgb(Math.min(1, Math.max(0, v))));
  return [to8(lin[0]), to8(lin[1]), to8(lin[2])];
}

function buildHalf(hue: number): Rgb[] {
  const out: Rgb[] = [];
  for (let i = 0; i <= STEPS; i++) {
    const s = i / STEPS;
    const L = L_NEUTRAL - (L_NEUTRAL - L_END) * s;
    // Chroma rises quickly so small values are already tinted, then plateaus at the dark end.
    const C = C_MAX * Math.sin((Math.PI / 2) * Math.min(1, s / 0.75));
    out.push(oklchToRgb(L, C, hue));
  }
  return out;
}

let positiveHalf: Rgb[] | null = null;
let negativeHalf: Rgb[] | null = null;

/**
 * Colour of a signed value already normalised to t ∈ [-1, 1] (clamped; NaN is neutral).
 * Positive → blue, negative → orange, 0 → near-white.
 */
export function divergingRgb(t: number): Rgb {
  positiveHalf ??= buildHalf(HUE_POSITIVE);
  negativeHalf ??= buildHalf(HUE_NEGATIVE);
  const v = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  const i = Math.round(Math.abs(v) * STEPS);
  const half = v < 0 ? negativeHalf : positiveHalf;
  return half[i] ?? half[0]!;
}

export function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export function divergingHex(t: number): string {
  return rgbToHex(divergingRgb(t));
}

/**
 * A light grey ramp for context layers (activations, the digit under a heat map): 0 is paper
 * white, 1 is a mid-dark grey, so a coloured overlay on top still reads.
 */
export function greyRgb(v: number, darkest = 0.32): Rgb {
  const u = Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
  const g = Math.round(255 * (1 - (1 - darkest) * u));
  return [g, g, g];
}

/** Largest |v| (ignoring NaN/∞); 0 when every value is 0. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i] ?? 0);
    if (Number.isFinite(a) && a > m) m = a;
  }
  return m;
}

/**
 * A symmetric colour domain that ignores the top (1 - q) share of |values|, so one outlier does
 * not wash out the rest. Values beyond it are clamped to the end colours; legends say "≥".
 */
export function robustExtent(values: ArrayLike<number>, q = 0.99): number {
  const abs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i] ?? 0);
    if (Number.isFinite(a) && a > 0) abs.push(a);
  }
  if (abs.length === 0) return 0;
  abs.sort((a, b) => a - b);
  const idx = Math.min(abs.length - 1, Math.max(0, Math.ceil(q * abs.length) - 1));
  return abs[idx] ?? 0;
}

/** v / extent clamped to [-1, 1]; 0 when the extent is 0 (an all-zero map is neutral). */
export function normalizeSigned(v: number, extent: number): number {
  if (!(extent > 0) || !Number.isFinite(v)) return 0;
  return Math.max(-1, Math.min(1, v / extent));
}

/** WCAG 2 relative luminance of an 8-bit sRGB colour. */
function relativeLuminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio (1…21). AA needs ≥ 4.5 for body text. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** Black or white, whichever reads better on `bg` (always ≥ 4.5:1 for any sRGB colour). */
export function textOn(bg: Rgb): '#000000' | '#ffffff' {
  return contrastRatio(bg, BLACK) >= contrastRatio(bg, WHITE) ? '#000000' : '#ffffff';
}

export function hexToRgb(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m || m[1] === undefined) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Text colours the panels use on the white panel background; tests hold them to WCAG AA. */
export const TEXT_HEX = '#1f2328';
export const MUTED_TEXT_HEX = '#57606a';
export const PANEL_BG_HEX = '#ffffff';
