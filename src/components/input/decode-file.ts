import { inspectImageFile, MAX_FILE_BYTES } from '../../lib/image-convert-header';
import type { RgbaImage } from '../../lib/image-convert';

/** Decoded pictures are shrunk to this long side; the model needs 28 pixels. */
const DECODE_SIDE = 512;

/** Thrown with a message meant for the reader, not for a log. */
export class ImageFileError extends Error {}

export interface DecodedFile {
  rgba: RgbaImage;
  kind: 'png' | 'jpeg';
  /** The picture's own size, as shown (after EXIF orientation). */
  originalWidth: number;
  originalHeight: number;
}

/**
 * Decode a PNG or JPEG file into RGBA pixels with the browser's own decoder. The file's first
 * bytes say what it really is (names and MIME types can lie) and its header how large it is, so
 * that an empty, foreign, truncated, tiny or huge file is refused with a plain sentence before
 * anything decodes it (src/lib/image-convert-header.ts). The browser then decodes off the main
 * thread straight to at most 512 pixels on the long side (createImageBitmap with a resize).
 */
export async function decodeImageFile(file: Blob): Promise<DecodedFile> {
  const bytes =
    file.size > 0 && file.size <= MAX_FILE_BYTES
      ? new Uint8Array(await file.arrayBuffer())
      : new Uint8Array();
  const inspection = inspectImageFile(bytes, file.size);
  if (!inspection.ok) throw new ImageFileError(inspection.message);
  const { kind, turned } = inspection;
  const originalWidth = turned ? inspection.height : inspection.width;
  const originalHeight = turned ? inspection.width : inspection.height;
  const scale = Math.min(1, DECODE_SIDE / Math.max(originalWidth, originalHeight));
  const width = Math.max(1, Math.round(originalWidth * scale));
  const height = Math.max(1, Math.round(originalHeight * scale));
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(
      file,
      scale < 1 ? { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' } : {},
    );
  } catch {
    throw new ImageFileError(
      `The browser could not decode this ${kind === 'png' ? 'PNG' : 'JPEG'} file: it may be damaged. Save it again, or choose another picture.`,
    );
  }
  try {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ImageFileError('This browser cannot read image pixels (no 2-D canvas).');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return {
      rgba: { data, width: bitmap.width, height: bitmap.height },
      kind,
      originalWidth,
      originalHeight,
    };
  } finally {
    bitmap.close();
  }
}
