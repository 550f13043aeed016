/**
 * An RGBA buffer as a PNG data: URL, for small pictures that never change once drawn (the
 * gallery's thumbnails). An <img> is painted into the page's own layer, where every <canvas> is a
 * composited layer of its own: 80 thumbnail canvases made each frame's layerize step, on the
 * path of every click, several milliseconds longer (docs/benchmarks.md, "Frame work after a
 * click"). One scratch canvas is reused for the encoding. Null where no 2D canvas exists (Node).
 */
let scratch: HTMLCanvasElement | null = null;

export function rgbaImageUrl(
  rgba: Uint8ClampedArray<ArrayBuffer>,
  width: number,
  height: number,
): string | null {
  if (typeof document === 'undefined' || width <= 0 || height <= 0) return null;
  if (rgba.length !== width * height * 4) return null;
  scratch ??= document.createElement('canvas');
  scratch.width = width;
  scratch.height = height;
  const ctx = scratch.getContext('2d');
  if (!ctx) return null;
  ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  try {
    return scratch.toDataURL('image/png');
  } catch {
    return null;
  }
}
