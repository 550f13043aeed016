// Finding 4c (docs/analyses.md): movement perception. Shift the object by (dx, dy) with zero fill.
// The conv/pool part is translation-equivariant, so diffusion maps move with the object and the
// per-map pathway sizes stay the same; exactly so (up to float rounding) when the shift is a
// multiple of the layer's total pool stride and the object stays clear of the border, where zero
// padding breaks equivariance. Dense layers are not equivariant: their sizes may change.
import { fullDiffusion, type Network, type NetworkSpec, type StatisticsOptions } from '../pathways';
import { shiftImage } from './images';
import { analyseImage } from './profile';
import { relativeL1 } from './statistics';

export interface LayerMovement {
  layer: number;
  name: string;
  /** Total stride of the layer w.r.t. the input (1, 2, 4, …); null for dense layers. */
  stride: number | null;
  /** Relative L1 change of the image-level per-map sizes (Σ over pixels), shifted vs original. */
  sizeChange: number;
  /** Relative L1 change of per-pixel per-map sizes, each pixel matched with its moved copy. */
  pixelSizeChange: number;
  /**
   * Relative L1 distance between the shifted image's total diffusion map and the original's
   * moved by (dy, dx) / stride; null when the shift is not a multiple of the stride (or dense).
   */
  mapShiftError: number | null;
}

export interface MovementResult {
  dx: number;
  dy: number;
  label: number;
  /** Non-zero input values pushed out of the frame (then exactness cannot hold). */
  lostValues: number;
  originalPrediction: number;
  shiftedPrediction: number;
  layers: LayerMovement[];
}

/**
 * Total stride of pathway layer `l` with respect to the input: the product of the conv and pool
 * strides up to it (1, 2, 4, …), from the network itself rather than the ratio of the map sizes,
 * which is wrong where padding changes a size (the VGG-16 models' first conv sees the 28×28
 * image padded to 32×32: stride 1, not 28/32). Null for dense layers and unequal strides.
 */
export function layerStride(net: Pick<NetworkSpec, 'layers'>, l: number): number | null {
  let stride = 1;
  for (const layer of net.layers.slice(0, l + 1)) {
    if (layer.kind !== 'conv' && layer.kind !== 'pool') return null;
    const [sh, sw] = layer.strides;
    if (sh !== sw) return null;
    stride *= sh;
  }
  return stride;
}

/** map moved by (dy, dx) cells with zero fill; H×W×C NHWC. */
function moveMap(
  map: Float32Array,
  H: number,
  W: number,
  C: number,
  dy: number,
  dx: number,
): Float32Array {
  const out = new Float32Array(map.length);
  for (let r = 0; r < H; r++) {
    const r2 = r + dy;
    if (r2 < 0 || r2 >= H) continue;
    for (let c = 0; c < W; c++) {
      const c2 = c + dx;
      if (c2 < 0 || c2 >= W) continue;
      out.set(map.subarray((r * W + c) * C, (r * W + c + 1) * C), (r2 * W + c2) * C);
    }
  }
  return out;
}

export async function movementAnalysis(
  net: Network,
  image: Float32Array,
  label: number,
  dx: number,
  dy: number,
  options: { statistics?: StatisticsOptions; diffusionMaps?: boolean } = {},
): Promise<MovementResult> {
  const moved = shiftImage(image, net.input, dx, dy);
  const a = await analyseImage(net, image, label, options.statistics);
  const b = await analyseImage(net, moved.image, label, options.statistics);
  const W = net.input.width;
  const rowsB = new Map<number, number>();
  b.stats.pixels.forEach((p, j) => rowsB.set(p, j));
  const wantMaps = options.diffusionMaps ?? true;
  const [dA, dB] = wantMaps
    ? await Promise.all([
        fullDiffusion(net, a.gates, a.stats.pixels),
        fullDiffusion(net, b.gates, b.stats.pixels),
      ])
    : [null, null];
  const measure = a.stats.measure;
  const layers = a.stats.layers.map((info, l): LayerMovement => {
    const C = info.channels;
    const va = a.stats.sizes[l]![measure];
    const vb = b.stats.sizes[l]![measure];
    let num = 0;
    let den = 0;
    a.stats.pixels.forEach((p, i) => {
      const r = Math.floor(p / W) + dy;
      const c = (p % W) + dx;
      const j =
        r >= 0 && r < net.input.height && c >= 0 && c < W ? rowsB.get(r * W + c) : undefined;
      for (let k = 0; k < C; k++) {
        const x = va[i * C + k]!;
        num += Math.abs(x - (j === undefined ? 0 : vb[j * C + k]!));
        den += Math.abs(x);
      }
    });
    const stride = layerStride(net, l);
    let mapShiftError: number | null = null;
    if (dA && dB && stride !== null && dx % stride === 0 && dy % stride === 0) {
      const expected = moveMap(dA[l]!, info.height, info.width, C, dy / stride, dx / stride);
      mapShiftError = relativeL1(expected, dB[l]!);
    }
    return {
      layer: l,
      name: info.name,
      stride,
      sizeChange: relativeL1(a.profile.sizes[l]!, b.profile.sizes[l]!),
      pixelSizeChange: den > 0 ? num / den : num === 0 ? 0 : Infinity,
      mapShiftError,
    };
  });
  return {
    dx,
    dy,
    label,
    lostValues: moved.lostValues,
    originalPrediction: a.stats.prediction,
    shiftedPrediction: b.stats.prediction,
    layers,
  };
}
