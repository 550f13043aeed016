/**
 * What a file is, from its bytes alone (names and MIME types can lie), and the size of a PNG or
 * JPEG from its header, so that a huge picture is refused before anything decodes it. Pure, no
 * DOM: tested in Node.
 */

export type FileKind =
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'bmp'
  | 'tiff'
  | 'heic'
  | 'avif'
  | 'svg'
  | 'pdf'
  | 'text'
  | 'unknown';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < Math.min(bytes.length, start + length); i++) {
    s += String.fromCharCode(bytes[i] ?? 0);
  }
  return s;
}

/** Sniff PNG/JPEG from the first bytes; file names and MIME types can lie. */
export function sniffImageType(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const kind = sniffFileKind(bytes);
  return kind === 'png' || kind === 'jpeg' ? kind : null;
}

/** The kind of file from its first bytes (give at least 512 for text and SVG). */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpeg';
  }
  const head = ascii(bytes, 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  if (head.startsWith('BM')) return 'bmp';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'tiff';
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.slice(4, 8) === 'ftyp') {
    const brand = head.slice(8, 12);
    if (brand.startsWith('avi')) return 'avif';
    if (['heic', 'heix', 'hevc', 'heif', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  // Text: no control bytes other than whitespace (UTF-8 multi-byte sequences are ≥ 0x80).
  const sample = bytes.subarray(0, 512);
  if (sample.length === 0) return 'unknown';
  const isText = sample.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  if (!isText) return 'unknown';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(sample).toLowerCase();
  return text.includes('<svg') ? 'svg' : 'text';
}

export type HeaderCheck =
  | {
      ok: true;
      /** As stored in the file. */
      width: number;
      height: number;
      /** EXIF orientation 5–8: the picture is shown turned a quarter, width and height swap. */
      turned: boolean;
    }
  | { ok: false; reason: 'truncated' | 'corrupt' };

function u32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

/**
 * A PNG's size from IHDR, after walking every chunk to IEND: a file cut short (the chunks run
 * past its end, or IEND never comes) is refused before the browser sees it.
 */
export function readPngHeader(bytes: Uint8Array): HeaderCheck {
  if (bytes.length < 33) return { ok: false, reason: 'truncated' };
  if (ascii(bytes, 12, 4) !== 'IHDR' || u32(bytes, 8) !== 13)
    return { ok: false, reason: 'corrupt' };
  const width = u32(bytes, 16);
  const height = u32(bytes, 20);
  let at = 8;
  let sawData = false;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    if (at + 12 + length > bytes.length) return { ok: false, reason: 'truncated' };
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      return sawData
        ? { ok: true, width, height, turned: false }
        : { ok: false, reason: 'corrupt' };
    }
    at += 12 + length;
  }
  return { ok: false, reason: 'truncated' };
}

/**
 * A JPEG's size from its frame header (SOFn), walking the marker segments from the start so that
 * a thumbnail inside EXIF is never mistaken for the picture. The scan data must follow.
 */
export function readJpegHeader(bytes: Uint8Array): HeaderCheck {
  let at = 2;
  let size: { width: number; height: number } | null = null;
  let orientation = 1;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { ok: false, reason: 'corrupt' };
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2) return { ok: false, reason: 'corrupt' };
    if (at + 2 + length > bytes.length) return { ok: false, reason: 'truncated' };
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && length >= 7) {
      const height = ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0);
      const width = ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0);
      size = { width, height };
    }
    if (marker === 0xe1 && orientation === 1) {
      orientation = exifOrientation(bytes.subarray(at + 4, at + 2 + length));
    }
    if (marker === 0xda) {
      // Start of scan: the picture's data follows; it needs a frame header before it.
      if (!size || size.width === 0 || size.height === 0) return { ok: false, reason: 'corrupt' };
      return at + 2 + length < bytes.length
        ? { ok: true, ...size, turned: orientation >= 5 && orientation <= 8 }
        : { ok: false, reason: 'truncated' };
    }
    if (marker === 0xd9) return { ok: false, reason: 'corrupt' };
    at += 2 + length;
  }
  return { ok: false, reason: 'truncated' };
}

/** The EXIF orientation (1–8) of an APP1 segment's payload; 1 when absent or unreadable. */
export function exifOrientation(app1: Uint8Array): number {
  if (ascii(app1, 0, 6) !== 'Exif\0\0') return 1;
  const tiff = app1.subarray(6);
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const little = order === 'II';
  const u16 = (at: number) =>
    little
      ? (tiff[at] ?? 0) | ((tiff[at + 1] ?? 0) << 8)
      : ((tiff[at] ?? 0) << 8) | (tiff[at + 1] ?? 0);
  const u32at = (at: number) =>
    little ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : ((u16(at) << 16) | u16(at + 2)) >>> 0;
  const ifd = u32at(4);
  if (ifd + 2 > tiff.length) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** Files larger than this are refused before reading: a digit photo never needs more. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Pictures with more pixels are refused before decoding (a 12-megapixel phone photo is fine). */
const MAX_PIXELS = 40_000_000;
/** Pictures smaller than this on either side cannot hold a legible digit. */
const MIN_SIDE = 8;

const KIND_NAMES: Record<FileKind, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  bmp: 'BMP',
  tiff: 'TIFF',
  heic: 'HEIC',
  avif: 'AVIF',
  svg: 'SVG',
  pdf: 'PDF',
  text: 'text',
  unknown: 'unknown',
};

const SUPPORTED = 'Pathway Lens reads PNG and JPEG pictures only';

export type Inspection =
  | { ok: true; kind: 'png' | 'jpeg'; width: number; height: number; turned: boolean }
  | { ok: false; message: string };

function megapixels(n: number): string {
  return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} megapixels`;
}

/**
 * Everything that can be said about an uploaded file before a decoder sees it: its real type,
 * whether it is complete, and whether its size is one the app reads. Each refusal is a sentence
 * that says what is wrong and what to do (docs/reliability.md, "Uploads").
 */
export function inspectImageFile(bytes: Uint8Array, fileSize = bytes.length): Inspection {
  if (fileSize === 0) {
    return { ok: false, message: 'The file is empty (0 bytes). Choose a PNG or JPEG picture.' };
  }
  if (fileSize > MAX_FILE_BYTES) {
    const mb = (fileSize / 1024 / 1024).toFixed(0);
    return {
      ok: false,
      message: `The file is ${mb} MB; pictures up to 20 MB are read. Save a smaller copy and try again.`,
    };
  }
  const kind = sniffFileKind(bytes);
  if (kind !== 'png' && kind !== 'jpeg') {
    const message =
      kind === 'text'
        ? `This file is text, not a picture, whatever its name says. ${SUPPORTED}: choose a .png or .jpg file.`
        : kind === 'unknown'
          ? `This file is not a picture that can be read. ${SUPPORTED}: choose a .png or .jpg file.`
          : kind === 'svg'
            ? `This is an SVG (vector) drawing. ${SUPPORTED}: export it as PNG and try again.`
            : kind === 'heic'
              ? `This is a HEIC photo, which browsers cannot read. ${SUPPORTED}: export it as JPEG (on an iPhone, Camera › Formats › Most Compatible) and try again.`
              : `This is a ${KIND_NAMES[kind]} file. ${SUPPORTED}: save it as PNG or JPEG and try again.`;
    return { ok: false, message };
  }
  const header = kind === 'png' ? readPngHeader(bytes) : readJpegHeader(bytes);
  const name = KIND_NAMES[kind];
  if (!header.ok) {
    return {
      ok: false,
      message:
        header.reason === 'truncated'
          ? `The ${name} file is incomplete: it ends before the picture does (an interrupted download or copy?). Save it again and retry.`
          : `The ${name} file is damaged: its header is not valid. Save it again, or choose another picture.`,
    };
  }
  const { width, height } = header;
  if (width < MIN_SIDE || height < MIN_SIDE) {
    return {
      ok: false,
      message: `The picture is ${width}×${height} pixels: too small to hold a digit. Use a picture at least ${MIN_SIDE}×${MIN_SIDE} pixels (28×28 or more is best).`,
    };
  }
  if (width * height > MAX_PIXELS) {
    return {
      ok: false,
      message: `The picture is ${width}×${height} pixels (${megapixels(width * height)}); pictures up to ${megapixels(MAX_PIXELS)} are read. Shrink or crop it first.`,
    };
  }
  return { ok: true, kind, width, height, turned: header.turned };
}
