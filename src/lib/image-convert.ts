/**
 * Turning an uploaded picture (RGBA pixels of any size) into the model's input: a grey image in
 * [0, 1] with bright ink on a zero background. The ink is found robustly to lighting and paper
 * texture (ink-detect.ts), then fitted into the model's grid the way MNIST was made
 * (image-convert-fit.ts). Pure maths, tested in Node; docs/reliability.md, "Uploads".
 */
import { fitInk, type FitMode } from './image-convert-fit';
import { detectInk, looksDarkOnLight } from './ink-detect';
import { quantile } from './ink-filters';

export { centreOfMass, resampleArea, type FitMode } from './image-convert-fit';
export { sniffImageType } from './image-convert-header';

export interface RgbaImage {
  /** width × height × 4 bytes, row-major, as in ImageData. */
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

export interface GreyImage {
  /** width × height values in [0, 1], row-major. */
  data: Float32Array;
  width: number;
  height: number;
}

/** A region of the analysed picture, in its pixels. */
export interface CropBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ConvertOptions {
  /** The picture has dark ink on light paper (the model needs bright ink on black). */
  invert: boolean;
  /** 'mnist': ink box into a 20×20 box (for 28×28) then centre of mass; 'contain': whole ink box. */
  fit: FitMode;
  /** Only this part of the picture is read (default: all of it). */
  crop?: CropBox;
}

export interface ImageAnalysis {
  grey: GreyImage;
  /** Where the grey came from: luminance, or alpha for pictures that are mostly transparent. */
  source: 'luminance' | 'alpha';
  /** Median of the border pixels in [0, 1] (before inversion). */
  background: number;
  /** The ink looks darker than the paper: the model needs it inverted. */
  suggestInvert: boolean;
  /** Nothing can be read: fully transparent, or one flat colour. */
  blank: 'transparent' | 'uniform' | null;
}

export type WarningKind = 'small' | 'faint' | 'edge' | 'sparse';

export interface ConvertWarning {
  kind: WarningKind;
  message: string;
}

export type ConvertResult =
  | {
      ok: true;
      image: Float32Array;
      /** Ink bounding box in the source, [row0, col0, row1, col1] inclusive. */
      sourceBox: [number, number, number, number];
      /** How many output pixels are non-zero (the only ones that carry pathways). */
      inkPixels: number;
      /** What may make the network's answer unreliable, and what to do about it. */
      warnings: ConvertWarning[];
      /** Median ink contrast against the paper, in [0, 1]. */
      contrast: number;
      /** Whether fine strokes were thickened to MNIST's stroke width. */
      thickened: boolean;
    }
  | { ok: false; error: string };

const MAX_SOURCE_PIXELS = 4096 * 4096;
/** Below this median contrast against the paper, strokes are called faint. */
const FAINT_CONTRAST = 0.35;
/** An ink box whose long side is under this share of the crop's is called small. */
const SMALL_SHARE = 0.3;
/** An ink box smaller than this (picture pixels) is enlarged, so blurred: called small. */
const MIN_INK_SIDE = 16;
/** Fewer ink pixels than this (of 784) make a thin, faint digit for the network. */
const SPARSE_PIXELS = 40;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function borderValues(img: GreyImage): number[] {
  const { data, width: w, height: h } = img;
  const out: number[] = [];
  for (let c = 0; c < w; c++) out.push(data[c] ?? 0, data[(h - 1) * w + c] ?? 0);
  for (let r = 1; r < h - 1; r++) out.push(data[r * w] ?? 0, data[r * w + w - 1] ?? 0);
  return out;
}

/**
 * Grey levels of an RGBA picture. Opaque pictures use Rec. 709 luma; a picture that is mostly
 * transparent (a drawing exported on a transparent canvas) is its alpha: what is painted is ink.
 */
export function analyzeImage(src: RgbaImage): ImageAnalysis {
  const { width: w, height: h, data } = src;
  if (!(w > 0 && h > 0) || w * h > MAX_SOURCE_PIXELS || data.length !== w * h * 4) {
    throw new RangeError(`Bad RGBA image ${w}×${h} with ${data.length} bytes.`);
  }
  const n = w * h;
  let transparent = 0;
  let maxAlpha = 0;
  for (let p = 0; p < n; p++) {
    const a = data[p * 4 + 3] ?? 0;
    if (a < 128) transparent++;
    if (a > maxAlpha) maxAlpha = a;
  }
  const useAlpha = transparent > n * 0.2;
  const grey = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    const a = (data[p * 4 + 3] ?? 0) / 255;
    if (useAlpha) {
      grey[p] = a;
    } else {
      const luma =
        (0.2126 * (data[p * 4] ?? 0) +
          0.7152 * (data[p * 4 + 1] ?? 0) +
          0.0722 * (data[p * 4 + 2] ?? 0)) /
        255;
      // Semi-transparent pixels of an opaque picture are composited over white paper.
      grey[p] = luma * a + (1 - a);
    }
  }
  const img = { data: grey, width: w, height: h };
  const flat = quantile(grey, 0.999) - quantile(grey, 0.001) < 0.02;
  return {
    grey: img,
    source: useAlpha ? 'alpha' : 'luminance',
    background: median(borderValues(img)),
    suggestInvert: !useAlpha && looksDarkOnLight(img),
    blank: maxAlpha === 0 ? 'transparent' : flat ? 'uniform' : null,
  };
}

/** The crop box clamped to the picture, at least 4×4 pixels (the whole picture if absent). */
export function clampCrop(crop: CropBox | undefined, width: number, height: number): CropBox {
  if (!crop) return { x: 0, y: 0, w: width, h: height };
  const w = Math.max(Math.min(4, width), Math.min(width, Math.round(crop.w)));
  const h = Math.max(Math.min(4, height), Math.min(height, Math.round(crop.h)));
  const x = Math.max(0, Math.min(width - w, Math.round(crop.x)));
  const y = Math.max(0, Math.min(height - h, Math.round(crop.y)));
  return { x, y, w, h };
}

/** The crop of the grey picture as dark ink on light paper, whatever the picture's polarity. */
function darkInkPlane(grey: GreyImage, crop: CropBox, invert: boolean): GreyImage {
  const data = new Float32Array(crop.w * crop.h);
  for (let r = 0; r < crop.h; r++) {
    for (let c = 0; c < crop.w; c++) {
      const g = grey.data[(crop.y + r) * grey.width + crop.x + c] ?? 0;
      data[r * crop.w + c] = invert ? g : 1 - g;
    }
  }
  return { data, width: crop.w, height: crop.h };
}

function pct(v: number): string {
  return `${Math.round(v * 100)} %`;
}

/**
 * Full pipeline: crop → dark-ink plane → ink detection (paper estimate, contrast, Otsu, specks)
 * → thicken fine strokes → ink bounding box → fit into the target grid → warnings.
 */
export function convertToModelInput(
  analysis: ImageAnalysis,
  targetWidth: number,
  targetHeight: number,
  options: ConvertOptions,
): ConvertResult {
  if (analysis.blank === 'transparent') {
    return { ok: false, error: 'The picture is fully transparent: nothing is drawn on it.' };
  }
  if (analysis.blank === 'uniform') {
    return { ok: false, error: 'The picture is one flat colour: there is no digit on it.' };
  }
  const { grey } = analysis;
  const crop = clampCrop(options.crop, grey.width, grey.height);
  const whole = crop.w === grey.width && crop.h === grey.height;
  const where = whole ? 'the picture' : 'the crop box';
  const plane = darkInkPlane(grey, crop, options.invert);
  const found = detectInk(plane);
  const fitted = found.box
    ? fitInk(
        { ink: { ...plane, data: found.ink }, strokeWidth: found.strokeWidth },
        targetWidth,
        targetHeight,
        options.fit,
      )
    : null;
  if (!found.box || !fitted) {
    return {
      ok: false,
      error: options.invert
        ? `No dark strokes found in ${where}. Move the crop box onto the digit, or untick “Invert” if the digit is light on a dark background.`
        : `No bright strokes found in ${where}. Tick “Invert” if the digit is dark on light paper.`,
    };
  }
  const [r0, c0, r1, c1] = found.box;
  const warnings: ConvertWarning[] = [];
  const share = Math.max((r1 - r0 + 1) / crop.h, (c1 - c0 + 1) / crop.w);
  const side = Math.max(r1 - r0 + 1, c1 - c0 + 1);
  if (side < MIN_INK_SIDE) {
    warnings.push({
      kind: 'small',
      message: `The digit is only ${side} pixels across in the picture: photograph it from closer up.`,
    });
  } else if (share < SMALL_SHARE) {
    warnings.push({
      kind: 'small',
      message: `The digit fills only ${pct(share)} of ${where}: drag the crop box closer around it.`,
    });
  }
  if (found.contrast < FAINT_CONTRAST) {
    warnings.push({
      kind: 'faint',
      message: `The strokes are faint (${pct(found.contrast)} darker than the paper): use a darker pen or more light.`,
    });
  }
  if (found.touchesEdge) {
    warnings.push({
      kind: 'edge',
      message: `The strokes touch the edge of ${where}: part of the digit may be cut off. Make the crop box larger.`,
    });
  }
  if (fitted.inkPixels < SPARSE_PIXELS) {
    warnings.push({
      kind: 'sparse',
      message: `Only ${fitted.inkPixels} of ${targetWidth * targetHeight} pixels carry ink: the digit is small and faint for the network. Crop closer, or use a thicker, darker pen.`,
    });
  }
  return {
    ok: true,
    image: fitted.image,
    sourceBox: [r0 + crop.y, c0 + crop.x, r1 + crop.y, c1 + crop.x],
    inkPixels: fitted.inkPixels,
    warnings,
    contrast: found.contrast,
    thickened: fitted.thickenedBy > 0,
  };
}
