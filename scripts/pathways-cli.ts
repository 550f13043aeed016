// `npm run pathways -- --model mnist|path/to/model.json (--sample N | --image FILE | --images DIR)
// (--pixel ROW,COL | --all) [--json | --format csv|jsonl] [--out FILE]`: traces pixels (or, with
// --all, the whole image) through a shipped model or any supported TF.js Layers model on the wasm
// backend, with the same engine the app uses (src/pathways). See --help, docs/cli.md and
// docs/method.md. `runPathways` is the whole command, callable in-process (its tests do).
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleImage, SampleSetError } from '../src/model/samples';
import {
  completenessError,
  computeGates,
  imageStatistics,
  queryPixels,
} from '../src/pathways/index';
import { initNodeBackend } from '../training/lib/node-model';
import { rowWriter } from './lib/batch-output';
import { runBatch } from './lib/batch-run';
import { ImageFileError, listImageFiles } from './lib/image-file';
import {
  disposeCliModel,
  loadCliModel,
  ModelLoadError,
  type CliModel,
} from './lib/node-model-loader';
import { HELP, parseArgs, type CliOptions } from './lib/pathways-args';
import {
  imageReport,
  imageSummary,
  pixelReport,
  pixelSummary,
  type Source,
} from './lib/pathways-report';
import { pictureInput } from './lib/picture-input';
import { GALLERY_FILES, readGallery } from './lib/model-gallery';
import { pixelSetIndices, pixelSetProblem } from './lib/pixel-sets';
import { readSampleSet, shippedGallery } from './lib/shipped';

export interface CliStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processStreams: CliStreams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A request that cannot work with this model (exit status 2). */
class UsageError extends Error {}

interface Sink {
  write: (text: string) => void;
  close: () => void;
}

/** stdout, or the --out file (opened only once the model and the request are known good). */
function openSink(out: string | null, streams: CliStreams): Sink {
  if (out === null) return { write: streams.stdout, close: () => {} };
  let fd: number;
  try {
    fd = openSync(out, 'w');
  } catch (error) {
    throw new UsageError(`cannot write --out '${out}': ${(error as Error).message}`);
  }
  return { write: (text) => writeSync(fd, text), close: () => closeSync(fd) };
}

/** What only the loaded model can tell: pixels inside its H×W, a class below its count. */
function checkAgainstModel(o: CliOptions, m: CliModel): void {
  const { height: H, width: W } = m.input;
  for (const region of o.pixels) {
    const problem = pixelSetProblem(region, H, W);
    if (problem) throw new UsageError(problem);
  }
  if (o.classIndex !== null && o.classIndex >= m.classCount) {
    throw new UsageError(
      `--class must be below ${m.classCount} (the model has ${m.classCount} classes: 0–${m.classCount - 1})`,
    );
  }
}

/** The one picture's input and its part of the report header. */
function singleInput(o: CliOptions, m: CliModel): { image: Float32Array; source: Partial<Source> } {
  const base: Partial<Source> = {
    model: m.id,
    input: m.input,
    classNames: m.classNames,
    classNamesSource: m.classNamesSource,
  };
  if (o.image !== null) {
    const picture = pictureInput(o.image, m.input, m.shipped !== null, o);
    return {
      image: picture.image,
      source: {
        ...base,
        image: o.image,
        fit: picture.fit,
        inverted: picture.inverted,
        warnings: picture.warnings,
      },
    };
  }
  const set = m.shipped ? readSampleSet(shippedGallery(m.shipped)) : readGallery(m.file, m.input);
  if (!set) {
    throw new UsageError(
      `--sample reads the gallery beside model.json (${GALLERY_FILES.meta} + ${GALLERY_FILES.bin}), and ${m.id} has none: give --image or --images`,
    );
  }
  const index = o.sample ?? 0;
  if (index >= set.count)
    throw new UsageError(`--sample must be below ${set.count} (the ${m.id} sample set)`);
  const label = set.labels[index]!;
  return {
    image: sampleImage(set, index),
    source: { ...base, sample: index, label, labelName: m.classNames[label] },
  };
}

async function single(o: CliOptions, m: CliModel, sink: Sink, warn: (s: string) => void) {
  const { image, source } = singleInput(o, m);
  for (const w of source.warnings ?? []) warn(`warning: ${w}`);
  const { net } = m;
  const gates = await computeGates(net, image);
  const src: Source = {
    ...(source as Source),
    prediction: gates.prediction,
    probabilities: gates.probabilities,
  };
  if (o.all) {
    const stats = await imageStatistics(net, gates, {
      measure: o.measure,
      threshold: o.threshold,
      ...(o.relative !== null ? { relative: o.relative } : {}),
      topM: o.topM,
      completeness: true,
    });
    const report = imageReport(src, stats, image);
    sink.write(`${o.json ? JSON.stringify(report) : imageSummary(report)}\n`);
    return;
  }
  const completeness = await completenessError(net, gates);
  const scale = gates.activation.map((h) => Math.max(1, ...Array.from(h, Math.abs)));
  const outputs: string[] = [];
  for (const region of o.pixels) {
    const q = await queryPixels(net, gates, pixelSetIndices(region, m.input.width), {
      ...(o.classIndex !== null ? { classIndex: o.classIndex } : {}),
      beamWidth: o.beamWidth,
      topChains: o.topChains,
    });
    const report = pixelReport(src, region, image, q, o.measure, completeness, scale);
    outputs.push(o.json ? JSON.stringify(report) : pixelSummary(report));
  }
  // JSON: one object per line; summaries: a blank line between pixel sets.
  sink.write(`${outputs.join(o.json ? '\n' : '\n\n')}\n`);
}

async function batch(
  o: CliOptions,
  m: CliModel,
  { files, skipped }: { files: string[]; skipped: number },
  sink: Sink,
  warn: (s: string) => void,
): Promise<number> {
  if (skipped > 0)
    warn(`skipped ${skipped} file${skipped > 1 ? 's' : ''} that are not .png/.jpg/.jpeg`);
  const writer = rowWriter(o.format ?? 'csv', sink.write);
  const failed = await runBatch(m, files, o, writer, warn);
  const { rows } = writer.counts;
  warn(
    `${files.length} picture${files.length === 1 ? '' : 's'}, ${rows} row${rows === 1 ? '' : 's'}` +
      (o.out !== null ? ` written to ${o.out}` : '') +
      (failed > 0 ? `; ${failed} could not be analysed (see the error column)` : ''),
  );
  return failed > 0 ? 1 : 0;
}

/** The whole command: parses `argv`, writes to `streams`, returns the exit status. */
export async function runPathways(
  argv: readonly string[],
  streams: CliStreams = processStreams,
): Promise<number> {
  const fail = (message: string) => streams.stderr(`pathways: ${message.split('\n')[0]}\n`);
  const warn = (message: string) => streams.stderr(`pathways: ${message}\n`);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    fail(parsed.error);
    return 2;
  }
  const o = parsed.options;
  if (o.help) {
    streams.stdout(`${HELP}\n`);
    return 0;
  }
  await initNodeBackend('wasm');
  let m: CliModel;
  try {
    m = await loadCliModel(o.model);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return error instanceof ModelLoadError ? 2 : 1;
  }
  try {
    checkAgainstModel(o, m);
    if (m.classNamesProblem) warn(`warning: class names: ${m.classNamesProblem}`);
    // Listed before --out is opened, so that an empty folder leaves an old output file alone.
    const pictures = o.images.length > 0 ? listImageFiles(o.images) : null;
    const sink = openSink(o.out, streams);
    try {
      if (pictures) return await batch(o, m, pictures, sink, warn);
      await single(o, m, sink, warn);
      if (o.out !== null) warn(`wrote ${o.out}`);
      return 0;
    } finally {
      sink.close();
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return error instanceof UsageError ||
      error instanceof ImageFileError ||
      error instanceof SampleSetError
      ? 2
      : 1;
  } finally {
    disposeCliModel(m);
  }
}

const invoked = process.argv[1] ? pathToFileURL(resolve(process.argv[1])).href : '';
if (import.meta.url === invoked) {
  // stdout and stderr are synchronous for files and pipes on Linux, so exiting loses nothing.
  runPathways(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`pathways: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
