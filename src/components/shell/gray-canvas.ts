// Draws a grey image into a canvas at its native size (CSS scales it with crisp pixels).
// Ink is dark on paper white, like the input panel (src/lib/raster.ts paintGrey).
import { paintGrey } from '../../lib/raster';

/**
 * @param values height×width values, row-major; `max` is the value drawn as full ink
 *   (255 for raw bytes, 1 for pixel/255 floats).
 */
export function drawGrey(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  width: number,
  height: number,
  max: number,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  canvas.width = width;
  canvas.height = height;
  ctx.putImageData(new ImageData(paintGrey(values, max, 0.08), width, height), 0, 0);
}
