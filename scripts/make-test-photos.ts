// Writes e2e/fixtures/photos/: ten "phone photos" of real MNIST test digits (one per class), each
// drawn large as pen ink on paper with paper grain, a lighting gradient, vignetting, a soft
// shadow, a little camera blur and sensor noise, saved as JPEG (seven) or PNG (three), plus
// photos.json with the expected label of each. The upload tests (scripts/make-test-photos.test.ts,
// e2e/upload.spec.ts) convert them like the app and expect the shipped model to read them right.
// Deterministic (seeded): rerunning rewrites the same bytes. Run: npx tsx scripts/make-test-photos.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { loadMnist } from '../training/data/mnist';
import { mulberry32 } from '../src/analysis/prng';

export const PHOTO_DIR = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  'e2e',
  'fixtures',
  'photos',
);
/** The n-th test image of each class is taken from here on (the gallery uses the first ones). */
const FIRST_INDEX = 5000;

type Rgb = [number, number, number];

export interface PhotoSpec {
  label: number;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  /** Threshold on the enlarged digit: low = felt marker, high = fine pen. */
  pen: number;
  ink: Rgb;
  inkName: string;
  seed: number;
  /** Digit height as a share of the short side (default: random, 0.45–0.65). */
  size?: number;
  /** How much light the shadow takes away (default: random, 0.3–0.5). */
  shadow?: number;
}

const BLACK: Rgb = [0.1, 0.1, 0.11];
const BLUE: Rgb = [0.12, 0.17, 0.42];
const PENCIL: Rgb = [0.33, 0.33, 0.36];

export const SPECS: PhotoSpec[] = [
  {
    label: 0,
    format: 'jpeg',
    width: 400,
    height: 300,
    pen: 0.45,
    ink: BLACK,
    inkName: 'black marker',
    seed: 11,
  },
  {
    label: 1,
    format: 'jpeg',
    width: 400,
    height: 300,
    pen: 0.6,
    ink: BLUE,
    inkName: 'blue pen',
    seed: 12,
  },
  {
    label: 2,
    format: 'png',
    width: 400,
    height: 300,
    pen: 0.5,
    ink: BLACK,
    inkName: 'black marker',
    seed: 13,
  },
  {
    label: 3,
    format: 'jpeg',
    width: 300,
    height: 400,
    pen: 0.7,
    ink: BLUE,
    inkName: 'blue pen',
    seed: 14,
  },
  {
    label: 4,
    format: 'jpeg',
    width: 400,
    height: 300,
    pen: 0.55,
    ink: PENCIL,
    inkName: 'soft pencil',
    seed: 15,
  },
  {
    label: 5,
    format: 'png',
    width: 400,
    height: 300,
    pen: 0.8,
    ink: BLACK,
    inkName: 'fine black pen',
    seed: 16,
  },
  {
    label: 6,
    format: 'jpeg',
    width: 400,
    height: 300,
    pen: 0.5,
    ink: BLUE,
    inkName: 'blue pen',
    seed: 17,
  },
  {
    label: 7,
    format: 'jpeg',
    width: 400,
    height: 300,
    pen: 0.65,
    ink: BLACK,
    inkName: 'black pen',
    seed: 18,
  },
  {
    label: 8,
    format: 'jpeg',
    width: 300,
    height: 400,
    pen: 0.6,
    ink: BLACK,
    inkName: 'black pen',
    seed: 19,
  },
  {
    label: 9,
    format: 'png',
    width: 400,
    height: 300,
    pen: 0.75,
    ink: BLUE,
    inkName: 'fine blue pen',
    seed: 20,
  },
];

function gaussian(rand: () => number): number {
  const u = Math.max(1e-12, rand());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function smoothstep(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

/** Bilinear sample of a 28×28 digit (0…1) at continuous pixel-centre coordinates. */
function sampleDigit(digit: Float32Array, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (r: number, c: number) =>
    r < 0 || c < 0 || r >= 28 || c >= 28 ? 0 : (digit[r * 28 + c] ?? 0);
  return (
    at(y0, x0) * (1 - fx) * (1 - fy) +
    at(y0, x0 + 1) * fx * (1 - fy) +
    at(y0 + 1, x0) * (1 - fx) * fy +
    at(y0 + 1, x0 + 1) * fx * fy
  );
}

/** Value noise: a coarse random grid, bilinearly interpolated (paper blotches). */
function valueNoise(w: number, h: number, cell: number, rand: () => number): Float32Array {
  const gw = Math.ceil(w / cell) + 2;
  const gh = Math.ceil(h / cell) + 2;
  const grid = Float32Array.from({ length: gw * gh }, () => rand() * 2 - 1);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const gx = x / cell;
      const gy = y / cell;
      const x0 = Math.floor(gx);
      const y0 = Math.floor(gy);
      const fx = smoothstep(0, 1, gx - x0);
      const fy = smoothstep(0, 1, gy - y0);
      const g = (r: number, c: number) => grid[r * gw + c] ?? 0;
      out[y * w + x] =
        g(y0, x0) * (1 - fx) * (1 - fy) +
        g(y0, x0 + 1) * fx * (1 - fy) +
        g(y0 + 1, x0) * (1 - fx) * fy +
        g(y0 + 1, x0 + 1) * fx * fy;
    }
  }
  return out;
}

/** Separable Gaussian blur of one channel plane. */
function blur(plane: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const r = Math.ceil(sigma * 3);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) =>
    Math.exp(-((i - r) ** 2) / (2 * sigma ** 2)),
  );
  const sum = k.reduce((a, b) => a + b, 0);
  const kernel = k.map((v) => v / sum);
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) {
        const xx = Math.min(w - 1, Math.max(0, x + i));
        acc += (kernel[i + r] ?? 0) * (plane[y * w + xx] ?? 0);
      }
      tmp[y * w + x] = acc;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) {
        const yy = Math.min(h - 1, Math.max(0, y + i));
        acc += (kernel[i + r] ?? 0) * (tmp[yy * w + x] ?? 0);
      }
      out[y * w + x] = acc;
    }
  }
  return out;
}

export interface PhotoRecord {
  file: string;
  label: number;
  /** Index of the digit in the MNIST test set (t10k). */
  mnistIndex: number;
  width: number;
  height: number;
  ink: string;
  /** Digit height in the photo, in pixels (of the 20-pixel MNIST box). */
  digitHeight: number;
}

/** Renders one photo as RGBA bytes. */
export function renderPhoto(
  spec: PhotoSpec,
  digit: Float32Array,
): { rgba: Uint8Array; digitHeight: number } {
  const { width: w, height: h } = spec;
  const rand = mulberry32(spec.seed);
  // Geometry: the 28-pixel MNIST frame enlarged so that its 20-pixel box is 45–65 % of the short
  // side, moved off centre and turned a little, as a hand-held phone would.
  const short = Math.min(w, h);
  const digitHeight = Math.round(short * (spec.size ?? 0.45 + 0.2 * rand()));
  const scale = digitHeight / 20;
  const cx = w / 2 + (rand() - 0.5) * 0.25 * (w - digitHeight);
  const cy = h / 2 + (rand() - 0.5) * 0.25 * (h - digitHeight);
  const angle = ((rand() - 0.5) * 12 * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);

  // Light: a gradient in a random direction, vignetting, and a soft shadow over one side.
  const dir = rand() * 2 * Math.PI;
  const gradient = 0.3 + 0.2 * rand();
  const exposure = 0.85 + 0.12 * rand();
  const shadowDir = rand() * 2 * Math.PI;
  const shadowOffset = (0.25 + 0.2 * rand()) * Math.hypot(w, h) * 0.5;
  const shadowSoftness = 25 + 30 * rand();
  const shadowDepth = spec.shadow ?? 0.3 + 0.2 * rand();
  const paper: Rgb = [0.92 + 0.04 * rand(), 0.9 + 0.04 * rand(), 0.84 + 0.05 * rand()];
  const blotches = valueNoise(w, h, 14, rand);
  const fibres = valueNoise(w, h, 3, rand);

  const planes: Float32Array[] = [0, 1, 2].map(() => new Float32Array(w * h));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      const dy = y - cy;
      // Photo pixel → digit frame (inverse rotation), in 28-pixel units centred at 13.5.
      const u = (cos * dx + sin * dy) / scale + 13.5;
      const v = (-sin * dx + cos * dy) / scale + 13.5;
      const a = smoothstep(spec.pen - 0.12, spec.pen + 0.12, sampleDigit(digit, u, v));
      const nx = x / w - 0.5;
      const ny = y / h - 0.5;
      const along = nx * Math.cos(dir) + ny * Math.sin(dir);
      const vignette = 1 - 0.35 * (nx * nx + ny * ny);
      const sd = (x - w / 2) * Math.cos(shadowDir) + (y - h / 2) * Math.sin(shadowDir);
      const shadow =
        1 - shadowDepth * smoothstep(-shadowSoftness, shadowSoftness, sd - shadowOffset);
      const light = exposure * (1 - gradient * (along + 0.5)) * vignette * shadow;
      const grain = 0.035 * (blotches[y * w + x] ?? 0) + 0.03 * (fibres[y * w + x] ?? 0);
      for (let ch = 0; ch < 3; ch++) {
        const refl = ((paper[ch] ?? 0) + grain) * (1 - a) + (spec.ink[ch] ?? 0) * a;
        planes[ch]![y * w + x] = light * refl;
      }
    }
  }
  const sigma = 0.8 + 0.7 * rand();
  const blurred = planes.map((p) => blur(p, w, h, sigma));
  const rgba = new Uint8Array(w * h * 4);
  for (let p = 0; p < w * h; p++) {
    const noise = 0.012 * gaussian(rand);
    for (let ch = 0; ch < 3; ch++) {
      const value = (blurred[ch]![p] ?? 0) + noise + 0.006 * gaussian(rand);
      rgba[p * 4 + ch] = Math.round(255 * Math.min(1, Math.max(0, value)));
    }
    rgba[p * 4 + 3] = 255;
  }
  return { rgba, digitHeight };
}

/** One photo's file name, bytes and record, from the MNIST test set. */
export function makePhoto(
  spec: PhotoSpec,
  mnist: { images: Uint8Array; labels: Uint8Array },
): { bytes: Uint8Array; record: PhotoRecord } {
  let index = FIRST_INDEX;
  while (mnist.labels[index] !== spec.label) index++;
  const digit = Float32Array.from(
    mnist.images.subarray(index * 784, index * 784 + 784),
    (v) => v / 255,
  );
  const { rgba, digitHeight } = renderPhoto(spec, digit);
  const file = `photo-${spec.label}.${spec.format === 'jpeg' ? 'jpg' : 'png'}`;
  const bytes =
    spec.format === 'jpeg'
      ? jpeg.encode({ data: rgba, width: spec.width, height: spec.height }, 85).data
      : PNG.sync.write(
          Object.assign(new PNG({ width: spec.width, height: spec.height }), {
            data: Buffer.from(rgba),
          }),
        );
  const record: PhotoRecord = {
    file,
    label: spec.label,
    mnistIndex: index,
    width: spec.width,
    height: spec.height,
    ink: spec.inkName,
    digitHeight,
  };
  return { bytes: new Uint8Array(bytes), record };
}

export function makePhotos(): PhotoRecord[] {
  const mnist = loadMnist('test');
  mkdirSync(PHOTO_DIR, { recursive: true });
  const records = SPECS.map((spec) => {
    const { bytes, record } = makePhoto(spec, mnist);
    writeFileSync(join(PHOTO_DIR, record.file), bytes);
    return record;
  });
  writeFileSync(join(PHOTO_DIR, 'photos.json'), `${JSON.stringify(records, null, 2)}\n`);
  return records;
}

if (process.argv[1]?.endsWith('make-test-photos.ts')) {
  const records = makePhotos();
  console.log(`Wrote ${records.length} photos and photos.json to ${PHOTO_DIR}.`);
}
