// `npm run pathways -- --model mnist --sample 3 --pixel 14,15 [--class 7] [--measure l1] --json`
// Traces one pixel (or, with --all, the whole image) through a shipped model on the wasm backend
// with the same engine the app uses (src/pathways). See --help and docs/method.md.
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { analyzeImage, convertToModelInput } from '../src/lib/image-convert';
import {
  buildNetwork,
  completenessError,
  computeGates,
  imageStatistics,
  queryPixels,
} from '../src/pathways/index';
import { HELP, parseArgs, type CliOptions } from './lib/pathways-args';
import {
  imageReport,
  imageSummary,
  pixelReport,
  pixelSummary,
  type Source,
} from './lib/pathways-report';
import { loadShippedModel, readSampleSet, sampleInput } from './lib/shipped';

class UsageError extends Error {}

function loadPng(path: string, options: CliOptions, height: number, width: number): Float32Array {
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(path));
  } catch (error) {
    throw new UsageError(`cannot read PNG '${path}': ${(error as Error).message.split('\n')[0]}`);
  }
  const analysis = analyzeImage({ data: png.data, width: png.width, height: png.height });
  const invert = options.invert === 'auto' ? analysis.suggestInvert : options.invert === 'yes';
  const result = convertToModelInput(analysis, width, height, { invert, fit: options.fit });
  if (!result.ok) throw new UsageError(`'${path}': ${result.error}`);
  return result.image;
}

async function main(options: CliOptions): Promise<string> {
  const model = await loadShippedModel(options.model);
  const net = buildNetwork(model);
  const { height: H, width: W } = net.input;
  // The VGG-16 models read their dataset's gallery.
  const set = readSampleSet(options.model.replace(/^vgg-/, '') as 'mnist' | 'fashion');
  let image: Float32Array;
  const source: Partial<Source> = { model: options.model, classNames: set.classNames };
  if (options.image !== null) {
    image = loadPng(options.image, options, H, W);
    source.image = options.image;
  } else {
    const index = options.sample ?? 0;
    if (index >= set.count)
      throw new UsageError(`--sample must be below ${set.count} (the ${options.model} sample set)`);
    image = sampleInput(set, index);
    source.sample = index;
    source.label = set.labels[index]!;
    source.labelName = set.classNames[source.label];
  }
  const gates = await computeGates(net, image);
  const src: Source = {
    ...(source as Source),
    prediction: gates.prediction,
    probabilities: gates.probabilities,
  };
  if (options.classIndex !== null && options.classIndex >= net.classCount) {
    throw new UsageError(`--class must be below ${net.classCount}`);
  }
  if (options.all) {
    const stats = await imageStatistics(net, gates, {
      measure: options.measure,
      threshold: options.threshold,
      ...(options.relative !== null ? { relative: options.relative } : {}),
      topM: options.topM,
      completeness: true,
    });
    const report = imageReport(src, stats, image);
    return options.json ? JSON.stringify(report) : imageSummary(report);
  }
  const { row, col } = options.pixel!;
  if (row >= H || col >= W)
    throw new UsageError(
      `--pixel ${row},${col} is outside the ${H}×${W} image (rows and columns start at 0)`,
    );
  const q = await queryPixels(net, gates, [row * W + col], {
    ...(options.classIndex !== null ? { classIndex: options.classIndex } : {}),
    beamWidth: options.beamWidth,
    topChains: options.topChains,
  });
  const completeness = await completenessError(net, gates);
  const scale = gates.activation.map((h) => Math.max(1, ...Array.from(h, Math.abs)));
  const report = pixelReport(
    src,
    { row, col, value: image[row * W + col]! },
    q,
    options.measure,
    completeness,
    scale,
  );
  return options.json ? JSON.stringify(report) : pixelSummary(report);
}

const parsed = parseArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`pathways: ${parsed.error}\n`);
  process.exit(2);
}
if (parsed.options.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
main(parsed.options).then(
  (out) => {
    process.stdout.write(`${out}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pathways: ${message.split('\n')[0]}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
