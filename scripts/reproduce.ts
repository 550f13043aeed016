// `npm run reproduce -- --model mnist|fashion [--n 1000] [--seed 1] [--out docs]`: runs every
// analysis of src/analysis on a shipped model and writes the reproduction report
// (<out>/reproduction-<model>.md), its SVG figures (<out>/figures/<model>-*.svg) and, when writing
// into docs/, the importance cache public/models/<model>/importance.json. Progress goes to stderr.
// Node-only file IO lives here; the analyses themselves are the browser-safe src/analysis modules.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildNetwork, disposeNetwork } from '../src/pathways';
import { deriveSeed, mulberry32, sampleWithoutReplacement, type ImageSet } from '../src/analysis';
import { defaultConfig, type ReproductionConfig } from '../src/analysis/report/config';
import { reportFigures } from '../src/analysis/report/figures';
import { reportMarkdown } from '../src/analysis/report/markdown';
import { comparisonMarkdown } from './lib/reproduction-comparison';
import { runReproduction } from '../src/analysis/report/pipeline';
import { isModelId, MODEL_IDS, type ModelId } from '../src/model/registry';
import { loadDataset, type Dataset } from '../training/data';
import { initNodeBackend, loadModelFromDir, readModelCard } from '../training/lib/node-model';

/** Written next to the reports after each run (scripts/lib/reproduction-comparison.ts). */
export const COMPARISON_FILE = 'reproduction-small-vs-vgg.md';

export interface ReproduceArgs {
  model: ModelId;
  n: number;
  seed: number;
  out: string;
  /** Where to write the importance cache; null = nowhere. */
  importance: string | null;
  train?: number;
  adv?: number;
  occ?: number;
  move?: number;
  backend: 'wasm' | 'cpu';
  quiet: boolean;
}

const USAGE =
  'usage: npm run reproduce -- --model mnist|fashion [--n 1000] [--seed 1] [--out docs] ' +
  '[--train N] [--adv N] [--occ N] [--move N] [--importance PATH|none] [--backend wasm|cpu] [--quiet]';

export const HELP = `Runs the paper's analyses on a shipped model and writes the reproduction report.

${USAGE}

  --model ID              the shipped model to analyse (required): mnist, fashion,
                          vgg-mnist or vgg-fashion
  --n N                   test images in the analysis sample (default 1000, at least 10)
  --seed S                seed of every random draw (default 1)
  --out DIR               where the report and its figures go (default docs):
                          DIR/reproduction-<model>.md and DIR/figures/<model>-*.svg
  --train N               training images for the portion-hot centroids (default n/2)
  --adv N                 images attacked (default n/5, 4 to 200)
  --occ N                 images occluded (default n/2, 4 to 500)
  --move N                images moved (default n/5, 4 to 200)
  --importance PATH|none  where to write the importance cache (default, with --out unset:
                          public/models/<model>/importance.json; with --out: none)
  --backend wasm|cpu      TensorFlow.js backend (default wasm)
  --quiet                 no progress on stderr
  --compare-only          only rewrite DIR/reproduction-small-vs-vgg.md from the reports there
  --help                  this text
`;

export function parseArgs(argv: string[]): ReproduceArgs {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`Unexpected argument '${a}'. ${USAGE}`);
    const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (key === 'quiet') {
      flags.set(key, 'true');
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value. ${USAGE}`);
    flags.set(key, value);
  }
  const known = [
    'model',
    'n',
    'seed',
    'out',
    'importance',
    'train',
    'adv',
    'occ',
    'move',
    'backend',
    'quiet',
  ];
  for (const k of flags.keys())
    if (!known.includes(k)) throw new Error(`Unknown option --${k}. ${USAGE}`);
  const model = flags.get('model');
  if (model === undefined || !isModelId(model))
    throw new Error(`--model must be one of ${MODEL_IDS.join(', ')}. ${USAGE}`);
  const int = (k: string, fallback?: number): number | undefined => {
    const v = flags.get(k);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${k} must be a non-negative integer.`);
    return n;
  };
  const n = int('n', 1000)!;
  if (n < 10) throw new Error('--n must be at least 10.');
  const out = flags.get('out') ?? 'docs';
  const importanceFlag = flags.get('importance');
  const importance =
    importanceFlag === 'none'
      ? null
      : (importanceFlag ??
        (flags.has('out') ? null : join('public', 'models', model, 'importance.json')));
  const backend = flags.get('backend') ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new Error('--backend must be wasm or cpu.');
  const args: ReproduceArgs = {
    model,
    n,
    seed: int('seed', 1)!,
    out,
    importance,
    backend,
    quiet: flags.has('quiet'),
  };
  for (const k of ['train', 'adv', 'occ', 'move'] as const) {
    const v = int(k);
    if (v !== undefined) args[k] = v;
  }
  return args;
}

/** The given images of a split as model inputs (pixel/255, NHWC). */
function toSet(ds: Dataset, indices: number[]): ImageSet {
  const px = 28 * 28;
  const images = new Float32Array(indices.length * px);
  indices.forEach((i, j) => {
    for (let p = 0; p < px; p++) images[j * px + p] = ds.images[i * px + p]! / 255;
  });
  return {
    input: { height: 28, width: 28, channels: 1 },
    images,
    labels: Int32Array.from(indices, (i) => ds.labels[i]!),
    count: indices.length,
  };
}

function commandLine(args: ReproduceArgs): string {
  const parts = [`npm run reproduce -- --model ${args.model} --n ${args.n} --seed ${args.seed}`];
  for (const k of ['train', 'adv', 'occ', 'move'] as const)
    if (args[k] !== undefined) parts.push(`--${k} ${args[k]}`);
  return parts.join(' ');
}

function stderrProgress(quiet: boolean): {
  stage: (s: string) => void;
  progress: (d: number, t: number) => void;
} {
  const t0 = performance.now();
  let current = '';
  let last = 0;
  const clock = () => `[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s]`;
  return {
    stage: (s) => {
      current = s;
      last = 0;
      if (!quiet) process.stderr.write(`${clock()} ${s}\n`);
    },
    progress: (done, total) => {
      const now = performance.now();
      // Throttled: stages report often, and several sub-runs may each count to their own total.
      if (quiet || total === 0 || now - last < 5000) return;
      last = now;
      process.stderr.write(`${clock()}   ${current}: ${done}/${total}\n`);
    },
  };
}

export async function reproduce(
  args: ReproduceArgs,
): Promise<{ markdownPath: string; figurePaths: string[] }> {
  const t0 = performance.now();
  const log = stderrProgress(args.quiet);
  const backend = await initNodeBackend(args.backend);
  const dir = join('public', 'models', args.model);
  const card = readModelCard(dir);
  const model = await loadModelFromDir(dir);
  const net = buildNetwork(model);
  try {
    log.stage(`loading ${card.dataset} data`);
    const testData = loadDataset(card.dataset, 'test');
    // One seeded draw split in two: the analysis sample and a disjoint importance sample.
    const drawn = sampleWithoutReplacement(
      mulberry32(deriveSeed(args.seed, 100)),
      testData.count,
      Math.min(testData.count, 2 * args.n),
    );
    const test = toSet(testData, drawn.slice(0, args.n));
    const importanceSet = toSet(testData, drawn.slice(args.n));
    const base = defaultConfig(
      card.id,
      card.dataset === 'mnist' ? 'MNIST' : 'Fashion-MNIST',
      card.classNames,
      args.n,
      args.seed,
    );
    const config: ReproductionConfig = {
      ...base,
      nTrain: args.train ?? base.nTrain,
      nAdv: args.adv ?? base.nAdv,
      nOcc: args.occ ?? base.nOcc,
      nMove: args.move ?? base.nMove,
    };
    const trainData = loadDataset(card.dataset, 'train');
    const train = toSet(
      trainData,
      sampleWithoutReplacement(
        mulberry32(deriveSeed(args.seed, 101)),
        trainData.count,
        Math.min(trainData.count, config.nTrain),
      ),
    );
    config.nImportance = importanceSet.count;
    const result = await runReproduction(net, { test, importance: importanceSet, train }, config, {
      onStage: log.stage,
      onProgress: log.progress,
      backend,
    });
    const figures = reportFigures(result);
    mkdirSync(join(args.out, 'figures'), { recursive: true });
    const figurePaths = Object.entries(figures).map(([key, svg]) => {
      const path = join(args.out, 'figures', `${args.model}-${key}.svg`);
      writeFileSync(path, svg);
      return path;
    });
    const markdown = reportMarkdown(result, {
      command: commandLine(args),
      modelTitle: card.title,
      modelAccuracy: card.testAccuracy,
      figurePath: (key) => `figures/${args.model}-${key}.svg`,
      generatedAt: new Date().toISOString().slice(0, 10),
      totalSeconds: (performance.now() - t0) / 1000,
    });
    const markdownPath = join(args.out, `reproduction-${args.model}.md`);
    writeFileSync(markdownPath, markdown);
    // The small-vs-VGG table follows the reports in the same folder (a missing one: "not run").
    writeFileSync(join(args.out, COMPARISON_FILE), `${comparisonMarkdown(args.out)}\n`);
    if (args.importance) {
      // Six significant digits are plenty for a ranking cache and keep the shipped file small.
      const round = (_key: string, value: unknown) =>
        typeof value === 'number' && !Number.isInteger(value)
          ? Number(value.toPrecision(6))
          : value;
      writeFileSync(args.importance, JSON.stringify(result.importance, round) + '\n');
    }
    if (!args.quiet) {
      process.stderr.write(
        `wrote ${markdownPath}, ${figurePaths.length} figures` +
          (args.importance ? `, ${args.importance}` : '') +
          '\n',
      );
    }
    return { markdownPath, figurePaths };
  } finally {
    disposeNetwork(net);
    model.dispose();
  }
}

const invoked = process.argv[1] ? pathToFileURL(resolve(process.argv[1])).href : '';
if (import.meta.url === invoked) {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  // Only the small-vs-VGG table, from the reports already in docs/ (or --out DIR).
  if (process.argv.includes('--compare-only')) {
    const i = process.argv.indexOf('--out');
    const dir = i > 0 ? (process.argv[i + 1] ?? 'docs') : 'docs';
    writeFileSync(join(dir, COMPARISON_FILE), `${comparisonMarkdown(dir)}\n`);
    process.stderr.write(`wrote ${join(dir, COMPARISON_FILE)}\n`);
    process.exit(0);
  }
  try {
    await reproduce(parseArgs(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
