// Picture files for the CLI: folders list their pictures in natural order, PNG and JPEG decode
// (JPEGs turned upright by EXIF), and a file that is not a readable picture gets a sentence.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { applyOrientation, ImageFileError, listImageFiles, readImageFile } from './image-file';
import { seededPixels, writePng } from './testing/model-dir';

const dir = mkdtempSync(join(tmpdir(), 'image-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeBytes(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The JPEG with an APP1 EXIF segment holding one orientation tag, right after SOI. */
function withOrientation(bytes: Uint8Array, orientation: number): Uint8Array {
  // Little-endian TIFF: header, one IFD entry (0x0112, SHORT, count 1, value), no next IFD.
  const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0];
  const payload = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff, orientation, 0, 0, 0, 0, 0, 0, 0];
  const length = payload.length + 2;
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe1,
    length >> 8,
    length & 255,
    ...payload,
    ...bytes.subarray(2),
  ]);
}

function failure(path: string): string {
  try {
    readImageFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ImageFileError);
    return (error as Error).message;
  }
  throw new Error(`${path} was read`);
}

describe('listImageFiles', () => {
  it('lists a folder’s pictures by name (img2 before img10), skipping other files', () => {
    const folder = join(dir, 'batch');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    for (const name of ['img10.png', 'img2.PNG', 'b.jpeg', 'a.jpg', 'notes.txt'])
      writeFileSync(join(folder, name), 'x');
    const listed = listImageFiles([folder, join(dir, 'extra.gif')]);
    expect(listed.files).toEqual([
      join(folder, 'a.jpg'),
      join(folder, 'b.jpeg'),
      join(folder, 'img2.PNG'),
      join(folder, 'img10.png'),
      join(dir, 'extra.gif'),
    ]);
    expect(listed.skipped).toBe(1);
  });

  it('refuses a folder without pictures', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(() => listImageFiles([empty])).toThrow(/holds no \.png, \.jpg or \.jpeg files/);
  });
});

describe('readImageFile', () => {
  it('decodes a JPEG and applies its EXIF orientation', () => {
    // 16×8: left half black, right half white.
    const rgba = new Uint8Array(16 * 8 * 4);
    for (let p = 0; p < 16 * 8; p++) {
      const v = p % 16 < 8 ? 0 : 255;
      rgba.set([v, v, v, 255], p * 4);
    }
    const encoded = new Uint8Array(jpeg.encode({ data: rgba, width: 16, height: 8 }, 95).data);
    const plain = readImageFile(writeBytes('plain.jpg', encoded));
    expect(plain).toMatchObject({ kind: 'jpeg', width: 16, height: 8 });
    expect(plain.data[(4 * 16 + 2) * 4]).toBeLessThan(30);
    expect(plain.data[(4 * 16 + 13) * 4]).toBeGreaterThan(225);
    // EXIF orientation 6 (shown turned 90° clockwise): 8 wide, 16 high, the black half on top.
    const turned = readImageFile(writeBytes('turned.jpg', withOrientation(encoded, 6)));
    expect(turned).toMatchObject({ width: 8, height: 16 });
    expect(turned.data[(2 * 8 + 4) * 4]).toBeLessThan(30);
    expect(turned.data[(13 * 8 + 4) * 4]).toBeGreaterThan(225);
  });

  it('turns pictures by each EXIF orientation', () => {
    // 3×2: pixel value = its index, so where each one lands shows the transform.
    const data = new Uint8Array(6 * 4);
    for (let p = 0; p < 6; p++) data[p * 4] = p;
    const img = { data, width: 3, height: 2 };
    const reds = (o: number) => {
      const t = applyOrientation(img, o);
      return { w: t.width, h: t.height, v: Array.from({ length: 6 }, (_, p) => t.data[p * 4]) };
    };
    expect(reds(1)).toEqual({ w: 3, h: 2, v: [0, 1, 2, 3, 4, 5] });
    expect(reds(3)).toEqual({ w: 3, h: 2, v: [5, 4, 3, 2, 1, 0] });
    // 90° clockwise: the left column, bottom first, becomes the top row.
    expect(reds(6)).toEqual({ w: 2, h: 3, v: [3, 0, 4, 1, 5, 2] });
    expect(reds(8)).toEqual({ w: 2, h: 3, v: [2, 5, 1, 4, 0, 3] });
  });

  it('names the file and the problem', () => {
    expect(failure(join(dir, 'missing.png'))).toMatch(/missing\.png': no such file/);
    const text = join(dir, 'fake.png');
    writeFileSync(text, 'hello, this is not a picture at all\n');
    expect(failure(text)).toMatch(/fake\.png': This file is text, not a picture/);
    const png = writePng(join(dir, 'cut.png'), 32, 32, seededPixels(32, 32, 1));
    const cut = join(dir, 'cut-short.png');
    writeFileSync(cut, readFileSync(png).subarray(0, 60));
    expect(failure(cut)).toMatch(/PNG file is incomplete/);
    const tiny = writePng(join(dir, 'tiny.png'), 4, 4, seededPixels(4, 4, 1));
    expect(failure(tiny)).toMatch(/4×4 pixels: too small/);
    expect(failure(dir)).toMatch(/is a folder, not a picture/);
  });
});
