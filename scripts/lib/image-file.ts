// Pictures on disk for the command line: which files a `--images` folder holds, and reading one
// PNG or JPEG into RGBA pixels. The checks before decoding (type from the bytes, truncation, size)
// are the app's upload checks (src/lib/image-convert-header.ts), so both refuse the same files
// with the same sentences. JPEGs are turned upright by their EXIF orientation, as browsers do.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import {
  exifOrientation,
  inspectImageFile,
  MAX_FILE_BYTES,
} from '../../src/lib/image-convert-header';
import type { RgbaImage } from '../../src/lib/image-convert';

export class ImageFileError extends Error {
  override name = 'ImageFileError';
}

export interface DecodedImage extends RgbaImage {
  data: Uint8Array;
  kind: 'png' | 'jpeg';
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

/** Natural order, so that img2.png comes before img10.png. */
const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The pictures `--images` names: each folder's .png/.jpg/.jpeg files (not its subfolders), sorted
 * by name, and each file as given (whatever its name: a wrong one gets its own error row). A
 * folder without pictures is an error, since a batch of nothing is surely a mistake.
 */
export function listImageFiles(inputs: readonly string[]): { files: string[]; skipped: number } {
  const files: string[] = [];
  let skipped = 0;
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // A missing file is reported in its own row, like any other unreadable picture.
    }
    if (!isDir) {
      files.push(input);
      continue;
    }
    const names = readdirSync(input, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    const pictures = names.filter((n) => IMAGE_EXTENSIONS.has(extname(n).toLowerCase()));
    skipped += names.length - pictures.length;
    if (pictures.length === 0) {
      throw new ImageFileError(`the folder '${input}' holds no .png, .jpg or .jpeg files`);
    }
    files.push(...pictures.sort(byName).map((n) => join(input, n)));
  }
  return { files, skipped };
}

/** Source position of display pixel (x, y) for EXIF orientations 1–8 (display size w×h). */
function orientedSource(o: number, x: number, y: number, w: number, h: number): [number, number] {
  // w, h: the picture as shown; for 5–8 the stored picture is h wide and w high.
  switch (o) {
    case 2:
      return [w - 1 - x, y];
    case 3:
      return [w - 1 - x, h - 1 - y];
    case 4:
      return [x, h - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [y, w - 1 - x];
    case 7:
      return [h - 1 - y, w - 1 - x];
    case 8:
      return [h - 1 - y, x];
    default:
      return [x, y];
  }
}

/** The picture as it is meant to be seen (EXIF orientation applied). Exported for its test. */
export function applyOrientation(img: RgbaImage, orientation: number): RgbaImage {
  if (orientation < 2 || orientation > 8) return img;
  const turned = orientation >= 5;
  const width = turned ? img.height : img.width;
  const height = turned ? img.width : img.height;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = orientedSource(orientation, x, y, width, height);
      const from = (sy * img.width + sx) * 4;
      data.set(img.data.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

/** The JPEG's EXIF orientation, from its APP1 segments before the scan data. */
function jpegOrientation(bytes: Uint8Array): number {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda) break;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker === 0xe1) {
      const o = exifOrientation(bytes.subarray(at + 4, at + 2 + length));
      if (o !== 1) return o;
    }
    at += 2 + length;
  }
  return 1;
}

/** Decodes PNG or JPEG bytes; `name` is only for messages. */
export function decodeImage(bytes: Uint8Array, name: string): DecodedImage {
  const check = inspectImageFile(bytes);
  if (!check.ok) throw new ImageFileError(`'${name}': ${check.message}`);
  try {
    if (check.kind === 'png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { kind: 'png', data: png.data, width: png.width, height: png.height };
    }
    const raw = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    const upright = applyOrientation(raw, jpegOrientation(bytes));
    return {
      kind: 'jpeg',
      data: Uint8Array.from(upright.data),
      width: upright.width,
      height: upright.height,
    };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ImageFileError(
      `'${name}': the ${check.kind === 'png' ? 'PNG' : 'JPEG'} file cannot be decoded (${reason})`,
    );
  }
}

/** Reads and decodes one picture; every failure is an ImageFileError naming the file. */
export function readImageFile(path: string): DecodedImage {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ImageFileError(`'${path}' is a folder, not a picture`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ImageFileError) throw error;
    throw new ImageFileError(`'${path}': no such file`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ImageFileError(
      `'${path}': the file is ${(size / 1024 / 1024).toFixed(0)} MB; pictures up to ` +
        `${MAX_FILE_BYTES / 1024 / 1024} MB are read`,
    );
  }
  return decodeImage(new Uint8Array(readFileSync(path)), path);
}
