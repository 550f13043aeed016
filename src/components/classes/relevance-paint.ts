// The relevance heat map's pixels: every pixel's contribution R_c(p) in diverging colour over a
// faint copy of the input. A grey input is the light grey ink of paintOverlay (src/lib/raster.ts);
// an RGB input keeps its own colours, faded towards white, so the reader still sees what is where
// (a red car, blue sky) without the image's colours competing with the blue/orange scale.
import { divergingRgb, normalizeSigned } from '../../lib/colors';
import { paintOverlay, type RgbaBuffer } from '../../lib/raster';

/** How dark the grey underlay may get (0 black … 1 invisible): light, so the colours dominate. */
export const GREY_UNDERLAY_DARKEST = 0.72;
/** How much of an RGB image's colour is kept under the heat map (0 white … 1 the image itself). */
export const COLOUR_UNDERLAY_STRENGTH = 0.3;

export interface RelevancePaintInput {
  /** The input image, H×W×C in [0, 1], NHWC (channels fastest). */
  image: Float32Array;
  channels: number;
  /** R_c(p), one value per pixel (already summed over the channels). */
  relevance: Float32Array;
  /** |R| drawn in full colour. */
  extent: number;
}

/**
 * The opacity of the diverging colour at normalised value t: the rule of paintOverlay, so that a
 * grey and a colour image show one relevance alike (sqrt lifts small values into view).
 */
function overlayOpacity(t: number): number {
  return Math.min(1, Math.sqrt(Math.abs(t)) * 1.1);
}

/** The heat map as RGBA, one pixel per input pixel. */
export function paintRelevance({
  image,
  channels,
  relevance,
  extent,
}: RelevancePaintInput): RgbaBuffer {
  const n = relevance.length;
  if (channels !== 3) {
    return paintOverlay(n, {
      base: image,
      baseMax: 1,
      baseDarkest: GREY_UNDERLAY_DARKEST,
      signed: relevance,
      extent,
    });
  }
  const out = new Uint8ClampedArray(n * 4);
  for (let p = 0; p < n; p++) {
    const t = normalizeSigned(relevance[p] ?? 0, extent);
    const a = t === 0 ? 0 : overlayOpacity(t);
    const [cr, cg, cb] = t === 0 ? [0, 0, 0] : divergingRgb(t);
    for (let k = 0; k < 3; k++) {
      const v = Math.max(0, Math.min(1, image[p * 3 + k] ?? 0));
      const faded = 255 - (255 - 255 * v) * COLOUR_UNDERLAY_STRENGTH;
      const colour = k === 0 ? cr : k === 1 ? cg : cb;
      out[p * 4 + k] = faded + (colour - faded) * a;
    }
    out[p * 4 + 3] = 255;
  }
  return out;
}
