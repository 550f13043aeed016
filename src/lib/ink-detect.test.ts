import { describe, expect, it } from 'vitest';
import { labelComponents, strokeWidth } from './ink-components';
import { detectInk, estimatePaper, looksDarkOnLight } from './ink-detect';
import {
  boxBlur,
  closing,
  maxFilter,
  minFilter,
  otsuThreshold,
  quantile,
  type Plane,
} from './ink-filters';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function bruteExtreme(p: Plane, r: number, isMax: boolean): Float32Array {
  const out = new Float32Array(p.data.length);
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      let m = isMax ? -Infinity : Infinity;
      for (let yy = Math.max(0, y - r); yy <= Math.min(p.height - 1, y + r); yy++) {
        for (let xx = Math.max(0, x - r); xx <= Math.min(p.width - 1, x + r); xx++) {
          const v = p.data[yy * p.width + xx] ?? 0;
          m = isMax ? Math.max(m, v) : Math.min(m, v);
        }
      }
      out[y * p.width + x] = m;
    }
  }
  return out;
}

/**
 * A photographed page: paper whose light falls from 0.95 to 0.5 across the picture and to 0.3
 * under a soft shadow at the bottom, with grain, and a dark stroke pattern (a ring and a bar,
 * 6 pixels wide) whose reflectance is 20 % of the paper's. Returns the plane and the ink mask.
 */
function photographedPage(w = 240, h = 180): { plane: Plane; ink: Uint8Array } {
  const rand = rng(3);
  const data = new Float32Array(w * h);
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const light = (0.95 - 0.45 * (x / w)) * (1 - 0.4 / (1 + Math.exp(-(y - 150) / 8)));
      const d = Math.hypot(x - 120, y - 80);
      const stroke = Math.abs(d - 40) < 3 || (x > 100 && x < 106 && y > 20 && y < 160);
      ink[y * w + x] = stroke ? 1 : 0;
      const refl = (stroke ? 0.2 : 1) * (0.92 + 0.06 * (rand() - 0.5));
      data[y * w + x] = light * refl;
    }
  }
  return { plane: { data, width: w, height: h }, ink };
}

describe('ink filters', () => {
  const rand = rng(1);
  const plane: Plane = {
    data: Float32Array.from({ length: 23 * 17 }, rand),
    width: 23,
    height: 17,
  };

  it('sliding max and min equal the brute-force square windows', () => {
    for (const r of [1, 3, 9, 30]) {
      expect([...maxFilter(plane, r)]).toEqual([...bruteExtreme(plane, r, true)]);
      expect([...minFilter(plane, r)]).toEqual([...bruteExtreme(plane, r, false)]);
    }
  });

  it('box blur is the mean of the clipped window', () => {
    const out = boxBlur(plane, 2);
    const at = (x: number, y: number) => {
      let s = 0;
      let n = 0;
      for (let yy = Math.max(0, y - 2); yy <= Math.min(16, y + 2); yy++) {
        for (let xx = Math.max(0, x - 2); xx <= Math.min(22, x + 2); xx++) {
          s += plane.data[yy * 23 + xx] ?? 0;
          n++;
        }
      }
      return s / n;
    };
    for (const [x, y] of [
      [0, 0],
      [11, 8],
      [22, 16],
    ] as const) {
      expect(out[y * 23 + x]).toBeCloseTo(at(x, y), 5);
    }
  });

  it('closing erases a thin dark line and keeps a linear ramp exactly', () => {
    const w = 60;
    const data = Float32Array.from({ length: w * w }, (_, p) => 0.3 + (0.6 * (p % w)) / w);
    for (let y = 0; y < w; y++) data[y * w + 30] = 0.05;
    const closed = closing({ data, width: w, height: w }, 5);
    for (let y = 0; y < w; y++) {
      for (const x of [10, 45]) expect(closed[y * w + x]).toBeCloseTo(0.3 + (0.6 * x) / w, 5);
      // Where the line was: the ramp's value one pixel over.
      expect(Math.abs((closed[y * w + 30] ?? 0) - 0.6)).toBeLessThanOrEqual(0.6 / w + 1e-6);
    }
  });

  it('Otsu splits two modes; quantiles read a histogram', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0.05 : 0.7));
    const t = otsuThreshold(values);
    expect(t).toBeGreaterThan(0.05);
    expect(t).toBeLessThan(0.7);
    expect(quantile(values, 0.5)).toBeCloseTo(0.05, 2);
    expect(quantile(values, 0.95)).toBeCloseTo(0.7, 2);
  });
});

describe('ink components', () => {
  it('labels 8-connected pieces and measures stroke width', () => {
    const w = 20;
    const mask = new Uint8Array(w * w);
    for (let y = 2; y < 18; y++) for (let x = 4; x < 8; x++) mask[y * w + x] = 1; // 4 wide
    mask[0 * w + 15] = 1;
    mask[1 * w + 16] = 1; // a diagonal speck: one piece of two
    const { components } = labelComponents(mask, w, w);
    expect(components.map((c) => c.area).sort((a, b) => a - b)).toEqual([2, 64]);
    const bar = new Uint8Array(mask.length);
    for (let y = 2; y < 18; y++) for (let x = 4; x < 8; x++) bar[y * w + x] = 1;
    expect(strokeWidth(bar, w, w)).toBeCloseTo(4, 0);
  });
});

describe('detectInk', () => {
  it('finds the strokes of a photographed page, in light and in shadow, and nothing else', () => {
    const { plane, ink } = photographedPage();
    const found = detectInk(plane);
    let hit = 0;
    let strokes = 0;
    let false_ = 0;
    for (let p = 0; p < ink.length; p++) {
      if (ink[p]) {
        strokes++;
        if ((found.ink[p] ?? 0) > 0.5) hit++;
      } else if ((found.ink[p] ?? 0) > 0) {
        // Soft edges may reach a pixel or two beyond the drawn stroke.
        const x = p % plane.width;
        const y = Math.floor(p / plane.width);
        const near = Math.abs(Math.hypot(x - 120, y - 80) - 40) < 6 || (x > 97 && x < 109);
        if (!near) false_++;
      }
    }
    expect(hit / strokes).toBeGreaterThan(0.95);
    expect(false_).toBe(0);
    expect(found.contrast).toBeGreaterThan(0.6);
    expect(found.strokeWidth).toBeGreaterThan(4);
    expect(found.strokeWidth).toBeLessThan(9);
    expect(found.touchesEdge).toBe(false);
  });

  it('estimates the paper under the strokes within a few per cent, up to the border', () => {
    const { plane } = photographedPage();
    const paper = estimatePaper({ ...plane, data: boxBlur(plane, 1) });
    const w = plane.width;
    for (const [x, y] of [
      [2, 2],
      [237, 90],
      [120, 40], // on the ring
      [60, 178], // in the shadow at the border
      [230, 176],
    ] as const) {
      const light = (0.95 - 0.45 * (x / w)) * (1 - 0.4 / (1 + Math.exp(-(y - 150) / 8))) * 0.92;
      expect(Math.abs((paper[y * w + x] ?? 0) - light) / light).toBeLessThan(0.06);
    }
  });

  it('finds nothing on blank, grainy paper', () => {
    const rand = rng(9);
    const data = Float32Array.from({ length: 200 * 150 }, () => 0.85 + 0.05 * (rand() - 0.5));
    const found = detectInk({ data, width: 200, height: 150 });
    expect(found.box).toBeNull();
  });

  it('tells dark ink on light paper from bright ink on black', () => {
    const { plane } = photographedPage();
    expect(looksDarkOnLight(plane)).toBe(true);
    const inverted = { ...plane, data: plane.data.map((v) => 1 - v) };
    expect(looksDarkOnLight(inverted)).toBe(false);
  });
});
