// The movement view's shifts for any model (finding 4c, docs/analyses.md): how far the sliders
// reach, which shifts the presets offer, and the total pool stride they are built on. Sizes stay
// exactly when the shift is a multiple of that stride (movement.ts, layerStride), so the presets
// are the stride, the stride upwards, half of it and one pixel: (4, 0), (0, −4), (2, 0), (1, 0)
// for the small MNIST CNN. Pure and free of TensorFlow.js, so the page can import it.

/** How far MNIST's 28×28 images may be shifted, each way (src/lib/patch-geometry.ts). */
const BASE_LIMIT = 12;
const BASE_SIDE = 28;
/** The presets of a model whose stride the sliders cannot reach (VGG-16's 32 on 28×28). */
const FALLBACK_PRESETS: ReadonlyArray<readonly [number, number]> = [
  [4, 0],
  [0, -4],
  [2, 0],
  [1, 0],
];

/**
 * Cells the image may be shifted each way: 12 for 28×28, the same share of larger images, and
 * less than the shorter side of small ones (a shift by the whole side leaves nothing to see).
 */
export function shiftLimit(height: number, width: number): number {
  const side = Math.max(2, Math.min(height, width));
  return Math.min(side - 1, Math.max(BASE_LIMIT, Math.round((side * BASE_LIMIT) / BASE_SIDE)));
}

interface SizedLayer {
  kind: string;
  op?: string;
  height: number;
  width: number;
}

/**
 * The total stride of the conv and pool part of a network, from its layers' output sizes (all
 * the page knows before a run): each spatial layer divides the size by a whole factor (1 for a
 * 'same' or 'valid' conv and for a padding folded into a conv, 2 for a 2×2 pool), so the ratio of
 * consecutive sizes, rounded, is that factor. Global pools and dense layers end the spatial part.
 * Null when the network has no spatial layer. After a run, movementAnalysis's exact per-layer
 * strides (layerStride) are used instead.
 */
export function strideFromSizes(
  input: { height: number; width: number },
  layers: readonly SizedLayer[],
): number | null {
  let stride: number | null = null;
  let previous = Math.max(input.height, input.width);
  for (const layer of layers) {
    const spatial =
      (layer.kind === 'conv' || layer.kind === 'pool') &&
      layer.op !== 'globalmaxpool' &&
      layer.op !== 'globalavgpool';
    if (!spatial) break;
    const size = Math.max(layer.height, layer.width);
    stride = (stride ?? 1) * Math.max(1, Math.round(previous / Math.max(1, size)));
    previous = size;
  }
  return stride;
}

/** The preset shifts (dx, dy) for a total pool stride and a slider limit, without repeats. */
export function shiftPresets(
  stride: number | null,
  limit: number,
): Array<readonly [number, number]> {
  if (stride === null || stride > limit) return FALLBACK_PRESETS.filter(([dx]) => dx <= limit);
  const wanted: Array<readonly [number, number]> = [
    [stride, 0],
    [0, -stride],
    [Math.floor(stride / 2), 0],
    [1, 0],
  ];
  const seen = new Set<string>();
  return wanted.filter(([dx, dy]) => {
    const key = `${dx},${dy}`;
    if ((dx === 0 && dy === 0) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
