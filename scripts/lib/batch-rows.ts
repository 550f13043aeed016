// The rows of a `--images` batch: one per picture and pixel set (and one per picture for --all),
// built from the engine's results; a picture that cannot be read gets one row with its error.
// The columns are documented in docs/cli.md ("Batch columns"). Pure.
import { topMaps } from '../../src/pathways/top-maps';
import type {
  Gates,
  ImageStatistics,
  Measure,
  PathwayLayerInfo,
  PixelQueryResult,
} from '../../src/pathways/types';
import { round, ZERO_PIXELS_NOTE } from './pathways-report';
import { pixelSetText, type PixelRegion } from './pixel-sets';

/** Per pathway layer, its top maps (largest first). */
export type TopMaps = Array<{ layer: string; maps: number[] }>;

export interface BatchRow {
  image: string;
  /** "row,col", "row0,col0,row1,col1" or "all" (every non-zero pixel); '' for an error row. */
  pixels: string;
  /** How many pixels the set holds (for "all": the non-zero ones). */
  pixel_count: number | null;
  /** The class the flows and the relevance are for (--class, else the prediction). */
  class: number | null;
  class_name: string | null;
  predicted: number | null;
  predicted_name: string | null;
  /** The predicted class's probability. */
  probability: number | null;
  /** R_c(p) of the pixel set for `class` (for "all": summed over every pixel). */
  relevance: number | null;
  /** Pixel sets: max |Σ flows − R| over the layers, maps and edges, in logit units. */
  conservation_error: number | null;
  /** "all": max over layers of |Σ_p D_l^p + B_l − h_l| (definition 3). */
  completeness_error: number | null;
  /** "all": N_total, the number of pathways with size > τ. */
  n_total: number | null;
  top_maps: TopMaps | null;
  /** How the picture became the input (--fit), "+inverted" when it was inverted. */
  fit: string | null;
  warnings: string[];
  error: string | null;
}

export const BATCH_COLUMNS: ReadonlyArray<keyof BatchRow> = [
  'image',
  'pixels',
  'pixel_count',
  'class',
  'class_name',
  'predicted',
  'predicted_name',
  'probability',
  'relevance',
  'conservation_error',
  'completeness_error',
  'n_total',
  'top_maps',
  'fit',
  'warnings',
  'error',
];

export interface RowContext {
  image: string;
  classNames: string[];
  fit: string;
  warnings: string[];
}

/**
 * The m largest of each layer's per-map values (ties: lower map first), leaving out maps whose
 * value is 0: they carry no pathway, and listing them would rank ties by index.
 */
function topPerLayer(layers: PathwayLayerInfo[], values: Float32Array[], m: number): TopMaps {
  return layers.map((info, l) => ({
    layer: info.name,
    maps: Array.from(topMaps(values[l]!, 1, info.channels, Math.min(m, info.channels))).filter(
      (k) => values[l]![k] !== 0,
    ),
  }));
}

function predictionFields(ctx: RowContext, gates: Pick<Gates, 'prediction' | 'probabilities'>) {
  return {
    predicted: gates.prediction,
    predicted_name: ctx.classNames[gates.prediction] ?? null,
    probability: round(gates.probabilities[gates.prediction]!),
  };
}

/**
 * A pixel set's row; its top maps are those with the largest pathway sizes (`measure`).
 * `nonZero`: how many of its pixels are non-zero (none: the row says it has no pathways).
 */
export function pixelSetRow(
  ctx: RowContext,
  region: PixelRegion,
  gates: Pick<Gates, 'prediction' | 'probabilities'>,
  q: PixelQueryResult,
  measure: Measure,
  topM: number,
  nonZero: number,
): BatchRow {
  return {
    image: ctx.image,
    pixels: pixelSetText(region),
    pixel_count: q.pixels.length,
    class: q.classIndex,
    class_name: ctx.classNames[q.classIndex] ?? null,
    ...predictionFields(ctx, gates),
    relevance: round(q.relevance),
    conservation_error: round(q.maxConservationError),
    completeness_error: null,
    n_total: null,
    top_maps: topPerLayer(
      q.layers,
      q.sizes.map((s) => s[measure]),
      topM,
    ),
    fit: ctx.fit,
    warnings: nonZero === 0 ? [...ctx.warnings, ZERO_PIXELS_NOTE] : ctx.warnings,
    error: null,
  };
}

/** The whole-image row; its top maps are the largest portion-hot shares of each layer. */
export function wholeImageRow(ctx: RowContext, s: ImageStatistics, classIndex: number): BatchRow {
  const HW = s.input.height * s.input.width;
  let relevance = 0;
  for (let p = 0; p < HW; p++) relevance += s.relevance[classIndex * HW + p]!;
  return {
    image: ctx.image,
    pixels: 'all',
    pixel_count: s.pixels.length,
    class: classIndex,
    class_name: ctx.classNames[classIndex] ?? null,
    ...predictionFields(ctx, s),
    relevance: round(relevance),
    conservation_error: null,
    completeness_error: s.completenessError ? round(Math.max(...s.completenessError)) : null,
    n_total: s.total,
    top_maps: topPerLayer(s.layers, s.portionHot, s.topM),
    fit: ctx.fit,
    warnings: ctx.warnings,
    error: null,
  };
}

/** The one row of a picture that could not be read or analysed. */
export function errorRow(image: string, error: string, pixels = ''): BatchRow {
  return {
    image,
    pixels,
    pixel_count: null,
    class: null,
    class_name: null,
    predicted: null,
    predicted_name: null,
    probability: null,
    relevance: null,
    conservation_error: null,
    completeness_error: null,
    n_total: null,
    top_maps: null,
    fit: null,
    warnings: [],
    error,
  };
}
