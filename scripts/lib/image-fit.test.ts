// Pictures as model inputs: the exact mode reads a PNG of the model's size pixel for pixel (RGB
// for 3 channels, luma for 1), contain and stretch scale the whole picture, the ink fits stay
// grey-only, and every refusal says what to do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageFile } from './image-file';
import { pictureToInput, resolveFit, type FitRequest } from './image-fit';
import { seededPixels, writePng } from './testing/model-dir';

const dir = mkdtempSync(join(tmpdir(), 'image-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RGB32 = { height: 32, width: 32, channels: 3 };
const exact: FitRequest = { fit: 'auto', invert: 'auto', autoFit: 'contain' };

function convert(img: Parameters<typeof pictureToInput>[0], input = RGB32, request = exact) {
  const r = pictureToInput(img, input, request);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('exact mode (--fit none, the default for a picture of the model’s size)', () => {
  it('a 32×32 RGB PNG gives exactly its pixel values /255 in NHWC', () => {
    const rgba = seededPixels(32, 32, 11);
    const img = readImageFile(writePng(join(dir, 'rgb.png'), 32, 32, rgba));
    const r = convert(img);
    expect(r.fit).toBe('none');
    expect(r.inverted).toBe(false);
    const want = new Float32Array(32 * 32 * 3);
    for (let p = 0; p < 32 * 32; p++)
      for (let ch = 0; ch < 3; ch++) want[p * 3 + ch] = rgba[p * 4 + ch]! / 255;
    expect(r.image).toEqual(want);
    // (row 5, col 9), green: index (5 * 32 + 9) * 3 + 1.
    expect(r.image[(5 * 32 + 9) * 3 + 1]).toBe(Math.fround(rgba[(5 * 32 + 9) * 4 + 1]! / 255));
  });

  it('a 1-channel model reads luma, and a grey picture unchanged', () => {
    const rgba = seededPixels(32, 32, 12);
    const r = convert({ data: rgba, width: 32, height: 32 }, { ...RGB32, channels: 1 });
    const [red, green, blue] = [rgba[0]!, rgba[1]!, rgba[2]!];
    expect(r.image).toHaveLength(32 * 32);
    expect(r.image[0]).toBeCloseTo((0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255, 6);
    const grey = new Uint8Array(32 * 32 * 4).map((_, i) =>
      i % 4 === 3 ? 255 : Math.floor(i / 4) % 256,
    );
    const g = convert({ data: grey, width: 32, height: 32 }, { ...RGB32, channels: 1 });
    expect(Array.from(g.image.subarray(0, 4))).toEqual(
      [0, 1, 2, 3].map((v) => Math.fround(v / 255)),
    );
  });

  it('--invert yes gives 1 − v; auto never inverts an exact picture', () => {
    const rgba = seededPixels(32, 32, 13);
    const img = { data: rgba, width: 32, height: 32 };
    const plain = convert(img);
    const inv = convert(img, RGB32, { ...exact, invert: 'yes' });
    expect(inv.inverted).toBe(true);
    for (const i of [0, 100, 3071]) expect(inv.image[i]).toBeCloseTo(1 - plain.image[i]!, 6);
  });

  it('--fit none refuses a picture of another size, naming both sizes and the way out', () => {
    const r = pictureToInput({ data: seededPixels(40, 30, 1), width: 40, height: 30 }, RGB32, {
      ...exact,
      fit: 'none',
    });
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(
        /40×30 pixels, but --fit none needs the model's 32×32: use --fit contain or stretch/,
      ),
    });
  });
});

describe('scaling the whole picture', () => {
  // 64×32 picture: left half red, right half blue.
  const wide = new Uint8Array(64 * 32 * 4);
  for (let p = 0; p < 64 * 32; p++)
    wide.set(p % 64 < 32 ? [255, 0, 0, 255] : [0, 0, 255, 255], p * 4);
  const img = { data: wide, width: 64, height: 32 };
  const at = (image: Float32Array, row: number, col: number) =>
    Array.from(image.subarray((row * 32 + col) * 3, (row * 32 + col) * 3 + 3));

  it('auto means contain for a user’s model: aspect kept, centred, the rest 0', () => {
    expect(resolveFit(img, RGB32, exact)).toBe('contain');
    const r = convert(img);
    expect(r.fit).toBe('contain');
    // 64×32 → 32×16, rows 8–23.
    expect(at(r.image, 7, 3)).toEqual([0, 0, 0]);
    expect(at(r.image, 8, 3)).toEqual([1, 0, 0]);
    expect(at(r.image, 23, 28)).toEqual([0, 0, 1]);
    expect(at(r.image, 24, 28)).toEqual([0, 0, 0]);
  });

  it('stretch fills H×W, changing the aspect', () => {
    const r = convert(img, RGB32, { ...exact, fit: 'stretch' });
    expect(at(r.image, 0, 0)).toEqual([1, 0, 0]);
    expect(at(r.image, 31, 15)).toEqual([1, 0, 0]);
    expect(at(r.image, 31, 16)).toEqual([0, 0, 1]);
  });

  it('the ink fits are for grey models only', () => {
    const r = pictureToInput(img, RGB32, { ...exact, fit: 'mnist' });
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/--fit mnist .* 3 channels: use --fit none, contain or stretch/),
    });
  });

  it('auto means mnist for a shipped model: a dark digit on white is inverted and centred', () => {
    const page = new Uint8Array(56 * 56 * 4).fill(255);
    for (let r = 10; r < 46; r++)
      for (let c = 24; c < 32; c++) page.set([0, 0, 0, 255], (r * 56 + c) * 4);
    const grey = { height: 28, width: 28, channels: 1 };
    const out = convert({ data: page, width: 56, height: 56 }, grey, {
      ...exact,
      autoFit: 'mnist',
    });
    expect(out.fit).toBe('mnist');
    expect(out.inverted).toBe(true);
    expect(out.image[14 * 28 + 14]).toBeGreaterThan(0.5);
    expect(out.image[0]).toBe(0);
  });
});
