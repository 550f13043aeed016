// The movement view's headline (finding 4c): did the per-map pathway sizes stay when the object
// moved? Pure, so its wording and thresholds are tested. "Per pixel" compares each ink pixel's
// sizes with those of its moved copy, the stricter of the two measures movementAnalysis gives.
import type { LayerMovement } from '../../analysis/movement';
import { changePct } from './format';

export type MovementVerdictKind = 'none' | 'lost' | 'stays' | 'border' | 'changes';

export interface MovementVerdict {
  kind: MovementVerdictKind;
  text: string;
  /** The largest stride of a conv or pool layer (the total pool stride), or null. */
  poolStride: number | null;
}

/** Below this per-pixel change a layer counts as exactly unchanged (float32 rounding). */
export const EXACT = 1e-4;
/** Up to this change (border effects of zero padding) sizes count as unchanged. */
const STAYS = 0.1;

export function movementVerdict(r: {
  dx: number;
  dy: number;
  lostValues: number;
  layers: LayerMovement[];
}): MovementVerdict {
  const spatial = r.layers.filter((l) => l.stride !== null);
  const dense = r.layers.filter((l) => l.stride === null);
  const poolStride = spatial.reduce<number | null>((m, l) => Math.max(m ?? 1, l.stride ?? 1), null);
  const shift = `(${r.dx}, ${r.dy})`;
  const densePart =
    dense.length > 0
      ? ` Dense layers are not shift-equivariant: their sizes change by up to ${changePct(Math.max(...dense.map((l) => l.pixelSizeChange)))}.`
      : '';
  if (r.dx === 0 && r.dy === 0)
    return { kind: 'none', poolStride, text: 'No shift: move the sliders to shift the image.' };
  if (r.lostValues > 0)
    return {
      kind: 'lost',
      poolStride,
      text: `The shift ${shift} pushes ${r.lostValues} non-zero values off the frame, so the sizes cannot stay; try a smaller shift.`,
    };
  const worst = (layers: LayerMovement[]) =>
    layers.reduce((a, b) => (b.pixelSizeChange > a.pixelSizeChange ? b : a));
  const multiple = poolStride !== null && r.dx % poolStride === 0 && r.dy % poolStride === 0;
  if (multiple && spatial.length > 0) {
    const w = worst(spatial);
    const exact = spatial.filter((l) => l.pixelSizeChange < EXACT).map((l) => l.name);
    if (w.pixelSizeChange < STAYS) {
      const where =
        exact.length === spatial.length
          ? 'exactly, in every conv and pool layer'
          : `${exact.length > 0 ? `exactly in ${exact.join(', ')}, and ` : ''}to within ${changePct(w.pixelSizeChange)} in ${w.name}, where the zero padding at the image border breaks the symmetry`;
      return {
        kind: 'stays',
        poolStride,
        text: `Sizes unchanged: the shift ${shift} is a multiple of the total pool stride ${poolStride}, so the diffusion maps move with the object and every pixel keeps its per-map sizes, ${where}.${densePart}`,
      };
    }
    return {
      kind: 'border',
      poolStride,
      text: `The shift ${shift} is a multiple of the pool stride ${poolStride}, but the object comes close to the border, where zero padding breaks the symmetry: sizes change by up to ${changePct(w.pixelSizeChange)} in ${w.name}.${densePart}`,
    };
  }
  const off = spatial.find((l) => r.dx % (l.stride ?? 1) !== 0 || r.dy % (l.stride ?? 1) !== 0);
  const w = spatial.length > 0 ? worst(spatial) : null;
  return {
    kind: 'changes',
    poolStride,
    text: off
      ? `Sizes change: the shift ${shift} is not a multiple of the stride ${off.stride} of ${off.name}, so its pooling windows group the pixels differently; per-pixel sizes change by up to ${changePct(w?.pixelSizeChange ?? NaN)} (${w?.name}). Shifts by multiples of ${poolStride} keep them.${densePart}`
      : `Sizes change.${densePart}`,
  };
}
