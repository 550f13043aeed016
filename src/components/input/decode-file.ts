import { sniffImageType, type RgbaImage } from '../../lib/image-convert';

/** Larger files are refused before decoding: a digit photo never needs more. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Decoded pictures are shrunk to this long side first; the model needs 28 pixels. */
const MAX_SIDE = 512;

/** Thrown with a message meant for the reader, not for a log. */
export class ImageFileError extends Error {}

/**
 * Decode a PNG or JPEG file into RGBA pixels with the browser's own decoder. The type is checked
 * from the file's first bytes (names and MIME types can lie), and every failure becomes a plain
 * sentence the upload dialog can show.
 */
export async function decodeImageFile(file: Blob): Promise<RgbaImage> {
  if (file.size === 0) throw new ImageFileError('The file is empty.');
  if (file.size > MAX_FILE_BYTES) {
    throw new ImageFileError('The file is larger than 20 MB. Please use a smaller picture.');
  }
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (!sniffImageType(head)) {
    throw new ImageFileError('This is not a PNG or JPEG image. Please choose a .png or .jpg file.');
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ImageFileError('The image could not be read; the file may be damaged or incomplete.');
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ImageFileError('This browser cannot read image pixels (no 2-D canvas).');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    const { data } = ctx.getImageData(0, 0, width, height);
    return { data, width, height };
  } finally {
    bitmap.close();
  }
}
