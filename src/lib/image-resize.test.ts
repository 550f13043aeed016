import { describe, expect, it } from 'vitest';
import type { RgbaImage } from './image-convert';
import { resizeLayout, resizeToInput, resizeWarnings } from './image-resize';

/** A w×h RGBA picture whose pixel (x, y) is colour(x, y) = [r, g, b, a] bytes. */
function picture(w: number, h: number, colour: (x: number, y: number) => number[]): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(colour(x, y), (y * w + x) * 4);
  return { data, width: w, height: h };
}

const RED = [255, 0, 0, 255];
const GREEN = [0, 255, 0, 255];
const BLUE = [0, 0, 255, 255];

/** 60×20: a red, a green and a blue third, side by side. */
const thirds = picture(60, 20, (x) => (x < 20 ? RED : x < 40 ? GREEN : BLUE));

/** Pixel (row, col) of an NHWC result as an array of its channels. */
function at(image: Float32Array, width: number, channels: number, row: number, col: number) {
  const p = (row * width + col) * channels;
  return [...image.subarray(p, p + channels)].map((v) => Math.round(v * 1000) / 1000);
}

function ok(result: ReturnType<typeof resizeToInput>) {
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('resizeToInput, RGB', () => {
  it('stretch: the whole picture onto the whole grid, colours kept', () => {
    const r = ok(resizeToInput(thirds, 6, 6, { fit: 'stretch', channels: 3 }));
    expect(r.image).toHaveLength(6 * 6 * 3);
    for (let row = 0; row < 6; row++) {
      expect(at(r.image, 6, 3, row, 0)).toEqual([1, 0, 0]);
      expect(at(r.image, 6, 3, row, 1)).toEqual([1, 0, 0]);
      expect(at(r.image, 6, 3, row, 2)).toEqual([0, 1, 0]);
      expect(at(r.image, 6, 3, row, 3)).toEqual([0, 1, 0]);
      expect(at(r.image, 6, 3, row, 5)).toEqual([0, 0, 1]);
    }
    expect(r.placed).toEqual({ x: 0, y: 0, w: 6, h: 6 });
  });

  it('letterbox: all of the picture, proportions kept, black bars above and below', () => {
    const r = ok(resizeToInput(thirds, 6, 6, { fit: 'letterbox', channels: 3 }));
    // 60×20 at 0.1 is 6×2, centred in rows 2 and 3.
    expect(r.placed).toEqual({ x: 0, y: 2, w: 6, h: 2 });
    for (const row of [0, 1, 4, 5]) {
      for (let col = 0; col < 6; col++) expect(at(r.image, 6, 3, row, col)).toEqual([0, 0, 0]);
    }
    for (const row of [2, 3]) {
      expect(at(r.image, 6, 3, row, 0)).toEqual([1, 0, 0]);
      expect(at(r.image, 6, 3, row, 3)).toEqual([0, 1, 0]);
      expect(at(r.image, 6, 3, row, 4)).toEqual([0, 0, 1]);
    }
  });

  it('fill: the whole grid, proportions kept, the sides trimmed evenly', () => {
    const r = ok(resizeToInput(thirds, 4, 4, { fit: 'fill', channels: 3 }));
    // The centre 20×20 of the picture is read: the green third only.
    expect(r.read).toEqual({ x: 20, y: 0, w: 20, h: 20 });
    for (let p = 0; p < 16; p++)
      expect(at(r.image, 4, 3, Math.floor(p / 4), p % 4)).toEqual([0, 1, 0]);
  });

  it('reads only the crop box', () => {
    const crop = { x: 40, y: 0, w: 20, h: 20 };
    const r = ok(resizeToInput(thirds, 8, 8, { fit: 'stretch', channels: 3, crop }));
    for (let p = 0; p < 64; p++)
      expect(at(r.image, 8, 3, Math.floor(p / 8), p % 8)).toEqual([0, 0, 1]);
  });

  it('averages the picture pixels each grid pixel covers', () => {
    // A 2×1 picture, black and white, onto one pixel: the mean.
    const pair = picture(2, 1, (x) => (x === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const r = ok(resizeToInput(pair, 1, 1, { fit: 'stretch', channels: 3 }));
    expect(at(r.image, 1, 3, 0, 0)).toEqual([0.5, 0.5, 0.5]);
  });

  it('composites transparency over black, the zero background', () => {
    const half = picture(2, 2, (x) => (x === 0 ? [255, 255, 255, 0] : [255, 255, 255, 128]));
    const r = ok(resizeToInput(half, 2, 2, { fit: 'stretch', channels: 3 }));
    expect(at(r.image, 2, 3, 0, 0)).toEqual([0, 0, 0]);
    expect(at(r.image, 2, 3, 0, 1)[0]).toBeCloseTo(128 / 255, 3);
  });

  it('inverts the picture but not the letterbox bars', () => {
    const r = ok(resizeToInput(thirds, 6, 6, { fit: 'letterbox', channels: 3, invert: true }));
    expect(at(r.image, 6, 3, 0, 0)).toEqual([0, 0, 0]);
    expect(at(r.image, 6, 3, 2, 0)).toEqual([0, 1, 1]);
  });
});

describe('resizeToInput, grey', () => {
  it('reads the Rec. 709 luma, and a grey picture exactly', () => {
    const r = ok(resizeToInput(thirds, 3, 1, { fit: 'stretch', channels: 1 }));
    expect(r.image).toHaveLength(3);
    expect(r.image[0]).toBeCloseTo(0.2126, 4);
    expect(r.image[1]).toBeCloseTo(0.7152, 4);
    expect(r.image[2]).toBeCloseTo(0.0722, 4);
    const grey = picture(4, 4, () => [51, 51, 51, 255]);
    const g = ok(resizeToInput(grey, 2, 2, { fit: 'stretch', channels: 1 }));
    expect([...g.image]).toEqual(new Array(4).fill(Math.fround(51 / 255)));
  });

  it('makes a 20×20 grid from a tall picture, letterboxed left and right', () => {
    const tall = picture(10, 40, () => [255, 255, 255, 255]);
    const r = ok(resizeToInput(tall, 20, 20, { fit: 'letterbox', channels: 1 }));
    expect(r.image).toHaveLength(400);
    // 10×40 at 0.5 is 5×20, in columns 7 to 11 (the odd cell of the bars goes right).
    expect(r.placed).toEqual({ x: 7, y: 0, w: 5, h: 20 });
    expect([...r.image.subarray(5, 14)]).toEqual([0, 0, 1, 1, 1, 1, 1, 0, 0]);
  });
});

describe('resizeToInput refusals and warnings', () => {
  it('refuses a fully transparent picture with a reason', () => {
    const clear = picture(4, 4, () => [255, 0, 0, 0]);
    const r = resizeToInput(clear, 8, 8, { fit: 'stretch', channels: 3 });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('fully transparent') });
  });

  it('refuses a broken picture instead of throwing', () => {
    const r = resizeToInput({ data: new Uint8ClampedArray(3), width: 2, height: 2 }, 8, 8, {
      fit: 'stretch',
      channels: 3,
    });
    expect(r.ok).toBe(false);
  });

  it('warns of an all-black result and of a picture enlarged into blur', () => {
    const tiny = picture(4, 4, () => RED);
    const r = ok(resizeToInput(tiny, 32, 32, { fit: 'stretch', channels: 3 }));
    expect(r.scale).toBe(8);
    const kinds = resizeWarnings(r, true, false).map((w) => w.kind);
    expect(kinds).toEqual(['black', 'blurred']);
    expect(
      resizeWarnings(
        ok(resizeToInput(thirds, 6, 6, { fit: 'stretch', channels: 3 })),
        false,
        false,
      ),
    ).toEqual([]);
  });
});

describe('resizeLayout', () => {
  it('keeps letterbox cells whole and centred', () => {
    const { placed } = resizeLayout({ x: 0, y: 0, w: 100, h: 30 }, 32, 32, 'letterbox');
    expect(placed).toEqual({ x: 0, y: 11, w: 32, h: 10 });
  });
});
