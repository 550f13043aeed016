/**
 * Pure helpers for drawing a layer's feature maps (NHWC [H×W×C], index (row * W + col) * C + ch):
 * per-map sums, colour domains and thumbnail sizes.
 */
import { maxAbs } from './colors';
import { channelPlane, maxValue } from './raster';

export interface MapShape {
  height: number;
  width: number;
  channels: number;
}

/** Σ over positions for every channel: for a diffusion map D_l this is the pathway size s_l[k]. */
export function channelSums(data: Float32Array, shape: MapShape): Float32Array {
  const { height, width, channels } = shape;
  const out = new Float32Array(channels);
  const n = height * width;
  if (data.length < n * channels) return out;
  for (let p = 0; p < n; p++) {
    for (let k = 0; k < channels; k++) out[k] = (out[k] ?? 0) + (data[p * channels + k] ?? 0);
  }
  return out;
}

export type Normalization = 'layer' | 'map';

export interface MapDomains {
  /** Activation drawn darkest (ReLU outputs are ≥ 0). */
  activationMax: number;
  /** |D| drawn in full colour. */
  diffusionExtent: number;
}

/**
 * Colour domains for map k. 'layer' shares one domain across the layer so maps can be compared
 * side by side (thumbnails always use it); 'map' stretches each map to show its own detail.
 */
export function mapDomains(
  activation: Float32Array,
  diffusion: Float32Array | null,
  shape: MapShape,
  k: number,
  normalization: Normalization,
): MapDomains {
  if (normalization === 'layer') {
    return {
      activationMax: maxValue(activation),
      diffusionExtent: diffusion ? maxAbs(diffusion) : 0,
    };
  }
  const { height, width, channels } = shape;
  return {
    activationMax: maxValue(channelPlane(activation, height, width, channels, k)),
    diffusionExtent: diffusion ? maxAbs(channelPlane(diffusion, height, width, channels, k)) : 0,
  };
}

/**
 * Thumbnail size: an integer multiple of the map size (crisp, even cells), at most 56 px when a
 * layer has up to 8 maps and 32 px for up to 16, so 16 maps fit one row of a ~560 px strip. Units
 * of dense layers (1×1) become 16 px swatches so 64 of them fit in a few rows.
 */
export function thumbnailPx(shape: MapShape): number {
  if (shape.height * shape.width === 1) return 16;
  const target = shape.channels <= 8 ? 56 : shape.channels <= 16 ? 32 : 24;
  const side = Math.max(shape.height, shape.width);
  return side * Math.max(1, Math.floor(target / side));
}
