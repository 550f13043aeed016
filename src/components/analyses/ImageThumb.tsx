import { useMemo } from 'react';
import { paintGrey } from '../../lib/raster';
import { RasterCanvas } from '../maps/RasterCanvas';

interface Props {
  /** height × width values in [0, 1], row-major. */
  pixels: Float32Array;
  width: number;
  height: number;
  size: number;
}

/** A grey image (ink dark on white), enlarged with crisp pixels. Decorative: captions say what. */
export function ImageThumb({ pixels, width, height, size }: Props) {
  const rgba = useMemo(() => paintGrey(pixels, 1, 0.08), [pixels]);
  return (
    <RasterCanvas
      rgba={rgba}
      width={width}
      height={height}
      displayWidth={size}
      displayHeight={(size * height) / width}
      className="an-thumb"
    />
  );
}
