import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  exifOrientation,
  inspectImageFile,
  readJpegHeader,
  readPngHeader,
  sniffFileKind,
} from './image-convert-header';

const text = (s: string) => new TextEncoder().encode(s);

function png(width: number, height: number): Uint8Array {
  return new Uint8Array(PNG.sync.write(new PNG({ width, height })));
}

/** A minimal JPEG header: SOI, optional APP1 (EXIF), SOF0 with the size, SOS, one data byte. */
function jpegHeader(width: number, height: number, orientation?: number): Uint8Array {
  const parts: number[] = [0xff, 0xd8];
  if (orientation !== undefined) {
    // "Exif\0\0", little-endian TIFF header, IFD0 with one entry: 0x0112 SHORT 1 = orientation.
    const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0];
    tiff.push(orientation, 0, 0, 0, 0, 0, 0, 0);
    const payload = [...text('Exif\0\0'), ...tiff];
    parts.push(0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload);
  }
  parts.push(0xff, 0xc0, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1);
  parts.push(1, 0x11, 0);
  parts.push(0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0x55);
  return new Uint8Array(parts);
}

describe('sniffFileKind', () => {
  it('knows images by their bytes, whatever the file is called', () => {
    expect(sniffFileKind(png(2, 2))).toBe('png');
    expect(sniffFileKind(jpegHeader(10, 10))).toBe('jpeg');
    expect(sniffFileKind(text('GIF89a\x01\x00'))).toBe('gif');
    expect(sniffFileKind(text('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffFileKind(text('\0\0\0\x18ftypheic'))).toBe('heic');
    expect(sniffFileKind(text('<?xml version="1.0"?>\n<svg xmlns="…">'))).toBe('svg');
    expect(sniffFileKind(text('Homework: digits 0-9\n'))).toBe('text');
    expect(sniffFileKind(new Uint8Array([0, 1, 2, 3, 200, 7]))).toBe('unknown');
  });
});

describe('headers', () => {
  it('reads a PNG size and refuses a PNG cut short', () => {
    const bytes = png(37, 21);
    expect(readPngHeader(bytes)).toEqual({ ok: true, width: 37, height: 21, turned: false });
    expect(readPngHeader(bytes.subarray(0, bytes.length - 5))).toEqual({
      ok: false,
      reason: 'truncated',
    });
    expect(readPngHeader(bytes.subarray(0, 20))).toEqual({ ok: false, reason: 'truncated' });
  });

  it('reads a JPEG size and its EXIF quarter turn', () => {
    expect(readJpegHeader(jpegHeader(4032, 3024))).toEqual({
      ok: true,
      width: 4032,
      height: 3024,
      turned: false,
    });
    expect(readJpegHeader(jpegHeader(4032, 3024, 6))).toMatchObject({ ok: true, turned: true });
    expect(readJpegHeader(jpegHeader(4032, 3024, 3))).toMatchObject({ ok: true, turned: false });
    expect(readJpegHeader(jpegHeader(40, 30).subarray(0, 12))).toEqual({
      ok: false,
      reason: 'truncated',
    });
    expect(exifOrientation(text('Exif\0\0MM\0'))).toBe(1);
  });
});

describe('inspectImageFile', () => {
  const message = (bytes: Uint8Array, size?: number) => {
    const r = inspectImageFile(bytes, size);
    return r.ok ? 'ok' : r.message;
  };

  it('accepts PNG and JPEG pictures of a readable size', () => {
    expect(inspectImageFile(png(400, 300))).toEqual({
      ok: true,
      kind: 'png',
      width: 400,
      height: 300,
      turned: false,
    });
    expect(inspectImageFile(jpegHeader(4032, 3024, 6))).toMatchObject({ ok: true, turned: true });
  });

  it('says what is wrong with every bad file', () => {
    expect(message(new Uint8Array())).toMatch(/^The file is empty \(0 bytes\)/);
    expect(message(new Uint8Array(10), 30 * 1024 * 1024)).toMatch(/30 MB; pictures up to 20 MB/);
    expect(message(text('Homework\n'))).toMatch(/text, not a picture.*PNG and JPEG/);
    expect(message(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatch(/SVG \(vector\)/);
    expect(message(text('GIF89a\x01\x00\x01\x00'))).toMatch(/GIF file.*PNG and JPEG/);
    expect(message(text('\0\0\0\x18ftypheic'))).toMatch(/HEIC photo.*export it as JPEG/);
    const cut = png(50, 50);
    expect(message(cut.subarray(0, cut.length - 20))).toMatch(/PNG file is incomplete/);
    expect(message(png(1, 1))).toMatch(/1×1 pixels: too small.*at least 8×8/);
    expect(message(jpegHeader(10000, 10000))).toMatch(
      /10000×10000 pixels \(100 megapixels\); pictures up to 40 megapixels/,
    );
  });
});
