import { describe, expect, it } from 'vitest';
import { divergingRgb } from '../../lib/colors';
import { paintOverlay } from '../../lib/raster';
import { COLOUR_UNDERLAY_STRENGTH, GREY_UNDERLAY_DARKEST, paintRelevance } from './relevance-paint';

const pixel = (rgba: Uint8ClampedArray, p: number) => [...rgba.subarray(p * 4, p * 4 + 4)];

describe('paintRelevance', () => {
  it('draws a grey image as the light grey ink of the other maps', () => {
    const image = Float32Array.of(0, 1, 0.5);
    const relevance = Float32Array.of(0, 0.5, -1);
    expect(paintRelevance({ image, channels: 1, relevance, extent: 1 })).toEqual(
      paintOverlay(3, {
        base: image,
        baseMax: 1,
        baseDarkest: GREY_UNDERLAY_DARKEST,
        signed: relevance,
        extent: 1,
      }),
    );
  });

  it('keeps an RGB image’s own colours, faded, where the relevance is 0', () => {
    // A red pixel and a black one (black is 0: no relevance, so it stays uncoloured).
    const image = Float32Array.of(1, 0, 0, 0, 0, 0);
    const rgba = paintRelevance({ image, channels: 3, relevance: new Float32Array(2), extent: 1 });
    // Rounded as the canvas bytes round (Uint8ClampedArray: half to even).
    const faded = Uint8ClampedArray.of(255 - 255 * COLOUR_UNDERLAY_STRENGTH)[0];
    expect(pixel(rgba, 0)).toEqual([255, faded, faded, 255]);
    expect(pixel(rgba, 1)).toEqual([faded, faded, faded, 255]);
  });

  it('covers the underlay fully with the diverging colour at the full extent', () => {
    const image = Float32Array.of(0, 1, 0, 0, 0, 1);
    const rgba = paintRelevance({
      image,
      channels: 3,
      relevance: Float32Array.of(2, -2),
      extent: 2,
    });
    expect(pixel(rgba, 0)).toEqual([...divergingRgb(1), 255]);
    expect(pixel(rgba, 1)).toEqual([...divergingRgb(-1), 255]);
  });
});
