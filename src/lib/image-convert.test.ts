import { describe, expect, it } from 'vitest';
import {
  analyzeImage,
  centreOfMass,
  convertToModelInput,
  resampleArea,
  sniffImageType,
  type RgbaImage,
} from './image-convert';

/** A w×h RGBA picture filled with `paper`, with a rectangle of `ink` (inclusive corners). */
function picture(
  w: number,
  h: number,
  paper: [number, number, number, number],
  ink: [number, number, number, number],
  box: [number, number, number, number],
): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const inside = r >= box[0] && r <= box[2] && c >= box[1] && c <= box[3];
      data.set(inside ? ink : paper, (r * w + c) * 4);
    }
  }
  return { data, width: w, height: h };
}

function inkBox(img: Float32Array, w: number): [number, number, number, number] {
  let r0 = Infinity,
    c0 = Infinity,
    r1 = -1,
    c1 = -1;
  img.forEach((v, p) => {
    if (v <= 0) return;
    const r = Math.floor(p / w),
      c = p % w;
    r0 = Math.min(r0, r);
    r1 = Math.max(r1, r);
    c0 = Math.min(c0, c);
    c1 = Math.max(c1, c);
  });
  return [r0, c0, r1, c1];
}

const WHITE: [number, number, number, number] = [255, 255, 255, 255];
const BLACK: [number, number, number, number] = [0, 0, 0, 255];

describe('sniffImageType', () => {
  it('recognises PNG and JPEG signatures and nothing else', () => {
    expect(
      sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    ).toBe('png');
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe('analyzeImage', () => {
  it('suggests inverting dark ink on light paper', () => {
    const a = analyzeImage(picture(40, 40, WHITE, BLACK, [10, 15, 30, 25]));
    expect(a.source).toBe('luminance');
    expect(a.background).toBeCloseTo(1, 5);
    expect(a.suggestInvert).toBe(true);
  });

  it('does not suggest inverting bright ink on black', () => {
    expect(analyzeImage(picture(40, 40, BLACK, WHITE, [10, 15, 30, 25])).suggestInvert).toBe(false);
  });

  it('reads a mostly transparent drawing by its alpha, whatever its colour', () => {
    const a = analyzeImage(picture(40, 40, [0, 0, 0, 0], [0, 0, 0, 255], [10, 15, 30, 25]));
    expect(a.source).toBe('alpha');
    expect(a.suggestInvert).toBe(false);
    expect(a.grey.data[20 * 40 + 20]).toBe(1);
  });

  it('rejects a buffer that does not match its size', () => {
    expect(() => analyzeImage({ data: new Uint8ClampedArray(10), width: 2, height: 2 })).toThrow(
      RangeError,
    );
  });
});

describe('resampleArea', () => {
  it('averages 2×2 blocks when halving', () => {
    const src = {
      data: new Float32Array([1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]),
      width: 4,
      height: 4,
    };
    const out = resampleArea(src, { x: 0, y: 0, w: 4, h: 4 }, 2, 2);
    expect([...out]).toEqual([0.75, 0, 0, 1]);
  });

  it('preserves total mass up to the area ratio', () => {
    const data = Float32Array.from({ length: 30 * 17 }, (_, i) => ((i * 7919) % 13) / 13);
    const src = { data, width: 30, height: 17 };
    const out = resampleArea(src, { x: 0, y: 0, w: 30, h: 17 }, 11, 9);
    const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(out) / (11 * 9)).toBeCloseTo(sum(data) / (30 * 17), 4);
  });
});

describe('centreOfMass', () => {
  it('finds the weighted centre in index coordinates', () => {
    expect(centreOfMass([0, 1, 0, 1], 2)).toEqual([0.5, 1]);
    expect(centreOfMass([0, 0], 2)).toBeNull();
  });
});

describe('convertToModelInput', () => {
  it('MNIST fit: ink on paper becomes bright ink in a 20-pixel box centred by mass', () => {
    const a = analyzeImage(picture(200, 300, WHITE, BLACK, [50, 60, 249, 159]));
    const res = convertToModelInput(a, 28, 28, { invert: true, fit: 'mnist' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const [r0, c0, r1, c1] = inkBox(res.image, 28);
    expect(r1 - r0 + 1).toBe(20); // the long side fills the 20-pixel box
    expect(c1 - c0 + 1).toBe(10); // 100×200 keeps its 1:2 aspect
    const com = centreOfMass(res.image, 28)!;
    expect(Math.abs(com[0] - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com[1] - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...res.image)).toBeCloseTo(1, 5);
    expect(res.sourceBox).toEqual([50, 60, 249, 159]);
  });

  it('contain fit uses the whole grid', () => {
    const a = analyzeImage(picture(100, 100, BLACK, WHITE, [0, 0, 99, 49]));
    const res = convertToModelInput(a, 28, 28, { invert: false, fit: 'contain' });
    expect(res.ok && inkBox(res.image, 28)).toEqual([0, 7, 27, 20]);
  });

  it('keeps the background at exactly 0 under paper noise (no spurious pathways)', () => {
    const img = picture(60, 60, [235, 235, 235, 255], [20, 20, 20, 255], [10, 25, 50, 35]);
    // Sprinkle deterministic noise on the paper.
    for (let p = 0; p < 3600; p++) {
      const n = (((p * 2654435761) >>> 0) % 21) - 10;
      for (let ch = 0; ch < 3; ch++) img.data[p * 4 + ch] = (img.data[p * 4 + ch] ?? 0) + n;
    }
    const res = convertToModelInput(analyzeImage(img), 28, 28, { invert: true, fit: 'mnist' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const [r0, c0, r1, c1] = inkBox(res.image, 28);
    expect(res.inkPixels).toBe((r1 - r0 + 1) * (c1 - c0 + 1));
  });

  it('passes a centred 28×28 MNIST-like picture through unchanged in place', () => {
    const src = picture(28, 28, BLACK, WHITE, [4, 9, 23, 18]);
    const res = convertToModelInput(analyzeImage(src), 28, 28, { invert: false, fit: 'mnist' });
    expect(res.ok && inkBox(res.image, 28)).toEqual([4, 9, 23, 18]);
  });

  it('explains a blank picture instead of returning an empty image', () => {
    const blank = analyzeImage(picture(20, 20, WHITE, WHITE, [0, 0, 0, 0]));
    const res = convertToModelInput(blank, 28, 28, { invert: true, fit: 'mnist' });
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/No dark strokes/) });
  });
});
