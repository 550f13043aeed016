// Builds the CLI's JSON reports and readable summaries from engine results. Pure.
import type {
  ImageStatistics,
  InputInfo,
  Measure,
  PixelQueryResult,
} from '../../src/pathways/types';
import { nonZeroCount, pixelSetSize, pixelSetText, type PixelRegion } from './pixel-sets';

/** float32 values carry ~7 significant digits; print no more. */
export function round(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(7));
}

const list = (a: ArrayLike<number>): number[] => Array.from(a, round);

export interface Source {
  /** The shipped id or the model path as given. */
  model: string;
  input: InputInfo;
  classNames: string[];
  /** Where the class names come from (src: scripts/lib/node-model-loader.ts). */
  classNamesSource: string;
  sample?: number;
  image?: string;
  /** How the picture became the input (--fit), and whether it was inverted. */
  fit?: string;
  inverted?: boolean;
  label?: number;
  labelName?: string;
  prediction: number;
  probabilities: Float32Array;
  warnings?: string[];
}

function header(src: Source) {
  return {
    model: src.model,
    input: { ...src.input },
    ...(src.sample !== undefined ? { sample: src.sample } : {}),
    ...(src.image !== undefined ? { image: src.image, fit: src.fit, inverted: src.inverted } : {}),
    ...(src.label !== undefined ? { label: src.label, labelName: src.labelName } : {}),
    prediction: src.prediction,
    predictionName: src.classNames[src.prediction],
    probabilities: list(src.probabilities),
    classNames: src.classNames,
    classNamesSource: src.classNamesSource,
    ...(src.warnings && src.warnings.length > 0 ? { warnings: src.warnings } : {}),
  };
}

/** One pixel's value: the channels' mean (the app's intensity), and R, G, B for colour inputs. */
function pixelValue(image: Float32Array, input: InputInfo, p: number) {
  const C = input.channels;
  const values = Array.from(image.subarray(p * C, (p + 1) * C));
  const mean = values.reduce((a, b) => a + b, 0) / C;
  return { value: round(mean), ...(C === 3 ? { rgb: list(values) } : {}) };
}

/** Zero-valued pixels diffuse nothing (docs/method.md, definition 2). */
export const ZERO_PIXELS_NOTE =
  'zero-valued pixels: no pathways (nothing diffuses from a zero input)';

export function pixelReport(
  src: Source,
  region: PixelRegion,
  image: Float32Array,
  q: PixelQueryResult,
  measure: Measure,
  completeness: Float32Array,
  activationScale: number[],
) {
  let completenessRel = 0;
  completeness.forEach(
    (e, l) => (completenessRel = Math.max(completenessRel, e / activationScale[l]!)),
  );
  const W = q.input.width;
  const single = pixelSetSize(region) === 1;
  const nonZero = nonZeroCount(image, q.input.channels, q.pixels);
  return {
    ...header(src),
    selection: {
      text: pixelSetText(region),
      ...region,
      count: q.pixels.length,
      nonZero,
    },
    ...(single
      ? {
          pixel: {
            row: region.row0,
            col: region.col0,
            index: region.row0 * W + region.col0,
            ...pixelValue(image, q.input, region.row0 * W + region.col0),
          },
        }
      : {}),
    ...(nonZero === 0
      ? {
          note: ZERO_PIXELS_NOTE,
        }
      : {}),
    class: q.classIndex,
    className: src.classNames[q.classIndex],
    measure,
    relevance: round(q.relevance),
    inputFlow: list(q.inputFlow),
    layers: q.layers.map((info, l) => ({
      name: info.name,
      kind: info.kind,
      shape: [info.height, info.width, info.channels],
      sizes: list(q.sizes[l]![measure]),
      flows: list(q.nodeFlow[l]!),
      flowSum: round(q.nodeFlow[l]!.reduce((a, b) => a + b, 0)),
      edgeFlows: {
        from: l === 0 ? 'input' : q.layers[l - 1]!.name,
        // rows = source maps j, columns = maps k of this layer
        values: rows(q.edgeFlow[l]!, info.channels),
      },
    })),
    chains: q.chains.map((c) => ({ maps: c.maps, flow: round(c.flow) })),
    chainsNote: `top ${q.chains.length} chains by beam search (width ${q.beamWidth}): approximate`,
    errors: {
      /** max over layers of max |Σ_p D_l^p + B_l − h_l| (whole image), absolute */
      completeness: round(Math.max(...completeness)),
      completenessRelative: round(completenessRel),
      /** max |Σ_k F_l − R|, |Σ_j E_l[j,k] − F_l[k]|, |Σ_k E_l[j,k] − F_{l−1}[j]|, logit units */
      conservation: round(q.maxConservationError),
    },
  };
}

function rows(values: Float32Array, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < values.length; i += cols) out.push(list(values.subarray(i, i + cols)));
  return out;
}

export function imageReport(src: Source, s: ImageStatistics, image: Float32Array) {
  const { width: W, height: H } = s.input;
  const HW = H * W;
  return {
    ...header(src),
    measure: s.measure,
    thresholds: list(s.thresholds),
    topM: s.topM,
    layers: s.layers.map((l) => ({
      name: l.name,
      kind: l.kind,
      shape: [l.height, l.width, l.channels],
    })),
    pixelCount: s.pixels.length,
    pixels: Array.from(s.pixels, (p, i) => ({
      row: Math.floor(p / W),
      col: p % W,
      ...pixelValue(image, s.input, p),
      sizes: s.layers.map((l, li) =>
        list(s.sizes[li]![s.measure].subarray(i * l.channels, (i + 1) * l.channels)),
      ),
    })),
    counts: s.counts.map((c) => Array.from(c)),
    total: s.total,
    portionHot: s.portionHot.map((p) => list(p)),
    relevance: Array.from({ length: s.classCount }, (_, c) =>
      Array.from({ length: H }, (_r, r) =>
        list(s.relevance.subarray(c * HW + r * W, c * HW + (r + 1) * W)),
      ),
    ),
    errors: { completeness: s.completenessError ? list(s.completenessError) : null },
  };
}

const fmt = (v: number) => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(2));

/** The summaries' class-name line; long lists are cut after ten names. */
function classesLine(names: string[], source: string): string {
  const shown = names.slice(0, 10).join(', ');
  const more = names.length > 10 ? `, … (${names.length} in all)` : '';
  return `  classes (${source}): ${shown}${more}`;
}

function firstLine(report: ReturnType<typeof header>): string {
  const { height, width, channels } = report.input;
  const what = report.sample !== undefined ? `sample ${report.sample}` : `${report.image}`;
  const fit =
    report.image !== undefined ? ` [fit ${report.fit}${report.inverted ? ', inverted' : ''}]` : '';
  return (
    `${report.model} (${height}×${width}×${channels}) ${what}${fit}` +
    (report.label !== undefined ? ` (label ${report.labelName})` : '')
  );
}

export function pixelSummary(report: ReturnType<typeof pixelReport>): string {
  const s = report.selection;
  const where = report.pixel
    ? `pixel row ${report.pixel.row}, col ${report.pixel.col} (value ${fmt(report.pixel.value)})`
    : `pixels rows ${s.row0}–${s.row1}, cols ${s.col0}–${s.col1} (${s.count} pixels, ${s.nonZero} non-zero)`;
  const lines = [
    `${firstLine(report)}: predicted ${report.predictionName} (p = ${fmt(report.probabilities[report.prediction]!)})`,
    classesLine(report.classNames, report.classNamesSource),
    `${where}; class ${report.className}; relevance R = ${fmt(report.relevance)}`,
  ];
  if (report.note) lines.push(`  note: ${report.note}`);
  for (const l of report.layers) {
    const top = l.flows
      .map((f, k) => [k, f] as const)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
      .slice(0, 3)
      .map(([k, f]) => `#${k} ${fmt(f)}`)
      .join(', ');
    const size = l.sizes.reduce((a, b) => a + b, 0);
    lines.push(
      `  ${l.name.padEnd(10)} Σ size(${report.measure}) ${fmt(size).padStart(10)}  Σ flow ${fmt(l.flowSum).padStart(10)}  top flows: ${top}`,
    );
  }
  lines.push(`  ${report.chainsNote}:`);
  for (const c of report.chains.slice(0, 5))
    lines.push(`    ${c.maps.join(' → ')}  flow ${fmt(c.flow)}`);
  lines.push(
    `  errors: completeness ${report.errors.completeness.toExponential(2)}, conservation ${report.errors.conservation.toExponential(2)}`,
  );
  return lines.join('\n');
}

export function imageSummary(report: ReturnType<typeof imageReport>): string {
  const lines = [
    `${firstLine(report)}: predicted ${report.predictionName}; ${report.pixelCount} non-zero pixels`,
    classesLine(report.classNames, report.classNamesSource),
    `pathway counts (${report.measure} size > τ): N_total = ${report.total}`,
  ];
  report.layers.forEach((l, i) => {
    lines.push(
      `  ${l.name.padEnd(10)} τ=${fmt(report.thresholds[i]!)} N_l = [${report.counts[i]!.join(' ')}]`,
    );
  });
  if (report.errors.completeness) {
    lines.push(
      `  completeness error per layer: ${report.errors.completeness.map((e) => e.toExponential(1)).join(' ')}`,
    );
  }
  return lines.join('\n');
}
