/**
 * Turning an uploaded picture (RGBA pixels of any size) into the model's input: a grey image in
 * [0, 1] with bright ink on a zero background, fitted into the model's grid the way MNIST was
 * made (LeCun et al.: the digit's bounding box scaled into 20×20 keeping its aspect, then placed
 * in 28×28 so that its centre of mass sits at the centre). Pure maths, tested in Node.
 */

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

export type FitMode = 'mnist' | 'contain';

export interface ConvertOptions {
  /** Make dark ink on light paper into bright ink on black, as the model expects. */
  invert: boolean;
  /** 'mnist': ink box into a 20×20 box (for 28×28) then centre of mass; 'contain': whole ink box. */
  fit: FitMode;
  /** Values below this (after stretching) become exactly 0, so paper noise carries no pathway. */
  noiseFloor?: number;
}

export interface ImageAnalysis {
  grey: GreyImage;
  /** Where the grey came from: luminance, or alpha for pictures that are mostly transparent. */
  source: 'luminance' | 'alpha';
  /** Median of the border pixels in [0, 1] (before inversion). */
  background: number;
  /** A light background means dark ink on paper: the model needs it inverted. */
  suggestInvert: boolean;
}

export type ConvertResult =
  | {
      ok: true;
      image: Float32Array;
      /** Ink bounding box in the source, [row0, col0, row1, col1] inclusive. */
      sourceBox: [number, number, number, number];
      /** How many output pixels are non-zero (the only ones that carry pathways). */
      inkPixels: number;
    }
  | { ok: false; error: string };

const MAX_SOURCE_PIXELS = 4096 * 4096;

/** Sniff PNG/JPEG from the first bytes; file names and MIME types can lie. */
export function sniffImageType(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpeg';
  }
  return null;
}

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
  for (let p = 0; p < n; p++) if ((data[p * 4 + 3] ?? 0) < 128) transparent++;
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
  const background = median(borderValues(img));
  return {
    grey: img,
    source: useAlpha ? 'alpha' : 'luminance',
    background,
    suggestInvert: background > 0.5,
  };
}

/**
 * Area-average resampling of a window of `src` onto a dw×dh grid: each output pixel is the mean
 * of the source area it covers (exact box filter, fractional edges weighted), which is right for
 * shrinking photos and keeps edges soft like MNIST's anti-aliased strokes when enlarging.
 */
export function resampleArea(
  src: GreyImage,
  box: { x: number; y: number; w: number; h: number },
  dw: number,
  dh: number,
): Float32Array {
  const out = new Float32Array(dw * dh);
  const sx = box.w / dw;
  const sy = box.h / dh;
  for (let oy = 0; oy < dh; oy++) {
    const y0 = box.y + oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < dw; ox++) {
      const x0 = box.x + ox * sx;
      const x1 = x0 + sx;
      let sum = 0;
      let area = 0;
      for (let yy = Math.floor(y0); yy < Math.ceil(y1); yy++) {
        const wy = Math.min(y1, yy + 1) - Math.max(y0, yy);
        if (wy <= 0 || yy < 0 || yy >= src.height) continue;
        for (let xx = Math.floor(x0); xx < Math.ceil(x1); xx++) {
          const wx = Math.min(x1, xx + 1) - Math.max(x0, xx);
          if (wx <= 0 || xx < 0 || xx >= src.width) continue;
          sum += wx * wy * (src.data[yy * src.width + xx] ?? 0);
          area += wx * wy;
        }
      }
      out[oy * dw + ox] = area > 0 ? sum / area : 0;
    }
  }
  return out;
}

/** Centre of mass (row, col) in pixel-index coordinates; null for an all-zero image. */
export function centreOfMass(data: ArrayLike<number>, width: number): [number, number] | null {
  let m = 0;
  let sr = 0;
  let sc = 0;
  for (let p = 0; p < data.length; p++) {
    const v = data[p] ?? 0;
    if (v <= 0) continue;
    m += v;
    sr += v * Math.floor(p / width);
    sc += v * (p % width);
  }
  return m > 0 ? [sr / m, sc / m] : null;
}

/**
 * Full pipeline: grey → optional invert → stretch so paper is 0 and the strongest ink is 1 →
 * noise floor → ink bounding box → fit into the target grid keeping aspect → centre.
 */
export function convertToModelInput(
  analysis: ImageAnalysis,
  targetWidth: number,
  targetHeight: number,
  options: ConvertOptions,
): ConvertResult {
  const { grey } = analysis;
  const n = grey.width * grey.height;
  const ink = new Float32Array(n);
  const bg = options.invert ? 1 - analysis.background : analysis.background;
  let peak = 0;
  for (let p = 0; p < n; p++) {
    const g = grey.data[p] ?? 0;
    const v = options.invert ? 1 - g : g;
    ink[p] = v;
    if (v > peak) peak = v;
  }
  const span = peak - bg;
  if (!(span > 0.05)) {
    return {
      ok: false,
      error: options.invert
        ? 'No dark strokes found on the light background. Try without “invert”.'
        : 'No bright strokes found on the dark background. Try “invert”.',
    };
  }
  const floor = options.noiseFloor ?? 0.1;
  let r0 = grey.height;
  let c0 = grey.width;
  let r1 = -1;
  let c1 = -1;
  for (let p = 0; p < n; p++) {
    let v = ((ink[p] ?? 0) - bg) / span;
    v = v < floor ? 0 : Math.min(1, v);
    ink[p] = v;
    if (v > 0) {
      const r = Math.floor(p / grey.width);
      const c = p % grey.width;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
  }
  if (r1 < 0) return { ok: false, error: 'The picture has no visible strokes.' };

  // MNIST's 20-in-28 box, scaled for other grid sizes.
  const boxSide =
    options.fit === 'mnist'
      ? Math.max(1, Math.round(Math.min(targetWidth, targetHeight) * (20 / 28)))
      : Math.min(targetWidth, targetHeight);
  const bw = c1 - c0 + 1;
  const bh = r1 - r0 + 1;
  const scale = boxSide / Math.max(bw, bh);
  const dw = Math.max(1, Math.min(targetWidth, Math.round(bw * scale)));
  const dh = Math.max(1, Math.min(targetHeight, Math.round(bh * scale)));
  const patch = resampleArea(
    { data: ink, width: grey.width, height: grey.height },
    { x: c0, y: r0, w: bw, h: bh },
    dw,
    dh,
  );

  // Place the patch: centred by mass (MNIST) or by its box; integer shifts keep pixels crisp.
  let top = Math.floor((targetHeight - dh) / 2);
  let left = Math.floor((targetWidth - dw) / 2);
  if (options.fit === 'mnist') {
    const com = centreOfMass(patch, dw);
    if (com) {
      top = Math.round((targetHeight - 1) / 2 - com[0]);
      left = Math.round((targetWidth - 1) / 2 - com[1]);
    }
    top = Math.max(0, Math.min(targetHeight - dh, top));
    left = Math.max(0, Math.min(targetWidth - dw, left));
  }
  const image = new Float32Array(targetWidth * targetHeight);
  let inkPixels = 0;
  for (let r = 0; r < dh; r++) {
    for (let c = 0; c < dw; c++) {
      const v = patch[r * dw + c] ?? 0;
      // Resampling can leave faint fringes; the same floor keeps them at exactly 0.
      const clean = v < floor / 2 ? 0 : v;
      image[(top + r) * targetWidth + left + c] = clean;
      if (clean > 0) inkPixels++;
    }
  }
  return { ok: true, image, sourceBox: [r0, c0, r1, c1], inkPixels };
}
