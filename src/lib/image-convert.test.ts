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

/** Like `picture`, but only a frame `t` pixels thick of the rectangle is ink (a pen stroke). */
function frame(
  w: number,
  h: number,
  paper: [number, number, number, number],
  ink: [number, number, number, number],
  box: [number, number, number, number],
  t: number,
): RgbaImage {
  const img = picture(w, h, paper, ink, box);
  const inner = picture(
    w,
    h,
    [0, 0, 0, 0],
    [1, 1, 1, 1],
    [box[0] + t, box[1] + t, box[2] - t, box[3] - t],
  );
  for (let p = 0; p < w * h; p++) {
    if (inner.data[p * 4 + 3]) img.data.set(paper, p * 4);
  }
  return img;
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
    const a = analyzeImage(frame(200, 300, WHITE, BLACK, [50, 60, 249, 159], 24));
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
    // The 3×3 smoothing of large pictures softens the box by at most one pixel.
    res.sourceBox.forEach((v, i) =>
      expect(Math.abs(v - [50, 60, 249, 159][i]!)).toBeLessThanOrEqual(1),
    );
    expect(res.warnings).toEqual([]);
  });

  it('contain fit uses the whole grid', () => {
    const a = analyzeImage(frame(100, 100, BLACK, WHITE, [0, 0, 99, 49], 8));
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
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/one flat colour/) });
  });
});

describe('convertToModelInput on photos', () => {
  /** Paper with light falling off to one side, grain, and dark rings (cx, cy, radius, width). */
  function page(
    w: number,
    h: number,
    rings: Array<[number, number, number, number]>,
    inkReflectance = 0.15,
  ): RgbaImage {
    const data = new Uint8ClampedArray(w * h * 4);
    let s = 5;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        s = (s * 1664525 + 1013904223) >>> 0;
        const grain = 0.04 * (s / 2 ** 32 - 0.5);
        const light = 0.95 - 0.4 * (x / w);
        const onInk = rings.some(
          ([cx, cy, r, t]) => Math.abs(Math.hypot(x - cx, y - cy) - r) < t / 2,
        );
        const v = 255 * light * ((onInk ? inkReflectance : 0.92) + grain);
        data.set([v, v, v, 255], (y * w + x) * 4);
      }
    }
    return { data, width: w, height: h };
  }

  it('reads only the crop box, and reports the ink box in the whole picture', () => {
    const a = analyzeImage(
      page(300, 200, [
        [70, 100, 40, 10],
        [220, 100, 30, 10],
      ]),
    );
    const whole = convertToModelInput(a, 28, 28, { invert: true, fit: 'mnist' });
    const right = convertToModelInput(a, 28, 28, {
      invert: true,
      fit: 'mnist',
      crop: { x: 160, y: 20, w: 130, h: 160 },
    });
    expect(whole.ok && right.ok).toBe(true);
    if (!whole.ok || !right.ok) return;
    expect(whole.sourceBox[1]).toBeLessThan(40);
    expect(right.sourceBox[1]).toBeGreaterThanOrEqual(185);
    expect(right.sourceBox[3]).toBeLessThanOrEqual(256);
    expect(right.warnings).toEqual([]);
  });

  it('thickens a fine pen to MNIST stroke width', () => {
    const a = analyzeImage(page(300, 300, [[150, 150, 110, 3]]));
    const res = convertToModelInput(a, 28, 28, { invert: true, fit: 'mnist' });
    expect(res.ok && res.thickened).toBe(true);
    if (!res.ok) return;
    // A 20-pixel ring drawn with a 2.6-pixel pen covers about π·20·2.6 ≈ 160 pixels.
    expect(res.inkPixels).toBeGreaterThan(110);
  });

  it('warns, saying what to do, when the digit is small, faint or cut off', () => {
    const kinds = (img: RgbaImage, crop?: { x: number; y: number; w: number; h: number }) => {
      const res = convertToModelInput(analyzeImage(img), 28, 28, {
        invert: true,
        fit: 'mnist',
        crop,
      });
      return res.ok ? res.warnings.map((w) => w.kind) : res.error;
    };
    expect(kinds(page(400, 300, [[200, 150, 60, 12]]))).toEqual([]);
    expect(kinds(page(400, 300, [[300, 200, 25, 8]]))).toEqual(['small']);
    expect(kinds(page(400, 300, [[200, 150, 60, 12]], 0.65))).toEqual(['faint']);
    expect(kinds(page(400, 300, [[200, 150, 60, 12]]), { x: 150, y: 0, w: 250, h: 300 })).toEqual([
      'edge',
    ]);
    const faint = convertToModelInput(
      analyzeImage(page(400, 300, [[200, 150, 60, 12]], 0.65)),
      28,
      28,
      {
        invert: true,
        fit: 'mnist',
      },
    );
    expect(faint.ok && faint.warnings[0]?.message).toMatch(/use a darker pen or more light/);
  });

  it('refuses a fully transparent picture with its own message', () => {
    const clear = analyzeImage(picture(30, 30, [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]));
    expect(clear.blank).toBe('transparent');
    expect(convertToModelInput(clear, 28, 28, { invert: false, fit: 'mnist' })).toEqual({
      ok: false,
      error: 'The picture is fully transparent: nothing is drawn on it.',
    });
  });
});
