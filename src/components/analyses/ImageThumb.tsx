import { useMemo } from 'react';
import { paintImage } from '../../lib/raster';
import { RasterCanvas } from '../maps/RasterCanvas';

interface Props {
  /** height × width × channels values in [0, 1], NHWC. */
  pixels: Float32Array;
  width: number;
  height: number;
  /** 1: ink dark on white (the default); 3: the image in its own colours. */
  channels?: number;
  size: number;
}

/**
 * A model input as the app shows it (grey ink on white, or RGB in colour), enlarged with crisp
 * pixels. Decorative: captions say what.
 */
export function ImageThumb({ pixels, width, height, channels = 1, size }: Props) {
  const rgba = useMemo(() => paintImage(pixels, channels), [pixels, channels]);
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
