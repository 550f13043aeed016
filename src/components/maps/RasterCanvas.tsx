import { useEffect, useRef, type CSSProperties } from 'react';
import type { RgbaBuffer } from '../../lib/raster';

interface RasterCanvasProps {
  /** width × height × 4 bytes (ImageData layout). */
  rgba: RgbaBuffer;
  width: number;
  height: number;
  /** CSS size of the drawn canvas; pixels are enlarged without smoothing (crisp cells). */
  displayWidth: number;
  displayHeight: number;
  className?: string;
  style?: CSSProperties;
}

/**
 * A canvas at the data's own resolution, enlarged by CSS with `image-rendering: pixelated`: one
 * canvas pixel per data cell keeps drawing cheap (a 28×28 map is 784 pixels) and cells crisp.
 * Decorative: the surrounding component gives the accessible name and the numbers.
 */
export function RasterCanvas(props: RasterCanvasProps) {
  const { rgba, width, height, displayWidth, displayHeight, className, style } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || rgba.length !== width * height * 4) return;
    ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [rgba, width, height]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      aria-hidden="true"
      className={className ? `pl-raster ${className}` : 'pl-raster'}
      style={{ width: displayWidth, height: displayHeight, ...style }}
    />
  );
}
