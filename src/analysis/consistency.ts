// Finding 2 (docs/analyses.md): large pathways of one category follow more consistent trends than those
// of different categories. Measure: per layer, the mean Pearson correlation of image-level pathway
// vectors (one number per map) over all same-class pairs vs all different-class pairs.
import type { PathwayLayerInfo } from '../pathways';
import { progress, type RunControl } from './control';
import type { PathwayProfile, ProfileVector } from './profile';
import { dot, standardise } from './statistics';

export interface LayerConsistency {
  layer: number;
  name: string;
  /** Mean correlation over same-class pairs. */
  within: number;
  /** Mean correlation over different-class pairs. */
  between: number;
  /** within − between. */
  gap: number;
  withinPairs: number;
  betweenPairs: number;
  /** Images left out because their vector was constant (correlation undefined). */
  constant: number;
  /** perClassWithin[c]: mean within-class correlation of class c (NaN with < 2 images). */
  perClassWithin: number[];
}

export interface ConsistencyOptions extends RunControl {
  vector?: ProfileVector;
  /**
   * Subtract the mean vector over all images before correlating. Without it, maps that are large
   * for every image make all correlations high; centring shows what is specific to an image.
   */
  centre?: boolean;
  /** Layers to analyse (default: all). */
  layers?: number[];
}

export function categoryConsistency(
  profiles: PathwayProfile[],
  layers: PathwayLayerInfo[],
  options: ConsistencyOptions = {},
): LayerConsistency[] {
  const vector = options.vector ?? 'sizes';
  const which = options.layers ?? layers.map((l) => l.index);
  const classCount = profiles.reduce((m, p) => Math.max(m, p.label + 1), 0);
  const tick = progress(options, which.length);
  return which.map((l) => {
    const info = layers[l]!;
    const C = info.channels;
    const centreV = new Float64Array(C);
    if (options.centre) {
      for (const p of profiles)
        for (let k = 0; k < C; k++) centreV[k] = centreV[k]! + p[vector][l]![k]! / profiles.length;
    }
    const rows: Array<{ z: Float64Array; label: number }> = [];
    let constant = 0;
    for (const p of profiles) {
      const v = Float64Array.from(p[vector][l]!, (x, k) => x - centreV[k]!);
      const z = standardise(v);
      if (z) rows.push({ z, label: p.label });
      else constant++;
    }
    let withinSum = 0;
    let withinPairs = 0;
    let betweenSum = 0;
    let betweenPairs = 0;
    const classSum = new Float64Array(classCount);
    const classPairs = new Float64Array(classCount);
    for (let i = 0; i < rows.length; i++) {
      const a = rows[i]!;
      for (let j = i + 1; j < rows.length; j++) {
        const b = rows[j]!;
        const r = dot(a.z, b.z);
        if (a.label === b.label) {
          withinSum += r;
          withinPairs++;
          classSum[a.label] = classSum[a.label]! + r;
          classPairs[a.label] = classPairs[a.label]! + 1;
        } else {
          betweenSum += r;
          betweenPairs++;
        }
      }
    }
    tick();
    const within = withinPairs > 0 ? withinSum / withinPairs : NaN;
    const between = betweenPairs > 0 ? betweenSum / betweenPairs : NaN;
    return {
      layer: l,
      name: info.name,
      within,
      between,
      gap: within - between,
      withinPairs,
      betweenPairs,
      constant,
      perClassWithin: Array.from(classSum, (s, c) =>
        classPairs[c]! > 0 ? s / classPairs[c]! : NaN,
      ),
    };
  });
}
