// Argument parsing for `npm run reproduce` (scripts/reproduce.ts). Pure: no I/O, no tfjs. Where
// the files go is decided in reproduce-outputs.ts; what data the model sees, in reproduce-data.ts.
import { FIT_MODES, isShippedModel, type FitOption } from './pathways-args';

export interface ReproduceArgs {
  /** A shipped id or a path to model.json (or its folder). */
  model: string;
  /** 'mnist', 'fashion' or a folder of labelled pictures; null = the shipped model's dataset. */
  data: string | null;
  n: number;
  seed: number;
  /** Where the report goes; null = docs/ with --update-shipped, else a fresh temp folder. */
  out: string | null;
  /** Rewrite the committed reports, figures and importance caches of a shipped model. */
  updateShipped: boolean;
  /** Where to write the importance cache: 'default' (public/models/<id>/ with --update-shipped,
   * else nowhere), 'none', or a path. */
  importance: string;
  /** How --data pictures become the model's input (docs/cli.md, "Fit modes"). */
  fit: FitOption;
  invert: 'auto' | 'yes' | 'no';
  train?: number;
  adv?: number;
  occ?: number;
  move?: number;
  backend: 'wasm' | 'cpu';
  quiet: boolean;
  /** Only the small-vs-VGG table, from the reports already written. */
  compareOnly: boolean;
  help: boolean;
}

export const USAGE =
  'usage: npm run reproduce -- --model mnist|fashion|vgg-mnist|vgg-fashion|PATH ' +
  '[--data mnist|fashion|DIR] [--n 1000] [--seed 1] [--out DIR | --update-shipped] ' +
  '[--train N] [--adv N] [--occ N] [--move N] [--importance PATH|none] [--fit MODE] ' +
  '[--invert auto|yes|no] [--backend wasm|cpu] [--quiet] [--compare-only]';

export const HELP = `Runs the paper's analyses on a model and writes the reproduction report.

${USAGE}

  --model ID|PATH         the model to analyse (required): a shipped one (mnist, fashion,
                          vgg-mnist, vgg-fashion) or your own TF.js Layers model.json (or its
                          folder; see npm run pathways -- --help for what is supported)
  --data mnist|fashion|DIR  the labelled pictures the analyses use (default: the shipped
                          model's dataset; required for your own model). DIR holds one folder
                          per class, named by class index (0, 1, …) or class name, of
                          .png/.jpg pictures; or DIR/train/<class>/ and DIR/test/<class>/
                          (else one seeded split: analysis, importance and training pictures
                          are disjoint). mnist and fashion fit 28×28 grey models with 10 classes
  --n N                   test images in the analysis sample (default 1000, at least 10)
  --seed S                seed of every random draw (default 1)
  --out DIR               where the report and its figures go: DIR/reproduction-<name>.md,
                          DIR/figures/<name>-*.svg (<name>: the shipped id, or your model's
                          folder name). Without --out: a fresh folder under the system's temp
                          folder, printed at the end. Never the committed reports in docs/
                          without --update-shipped
  --update-shipped        shipped models only: rewrite the committed report
                          docs/reproduction-<id>.md, its figures, docs/reproduction-small-vs-vgg.md
                          and public/models/<id>/importance.json
  --train N               training images for the portion-hot centroids (default n/2)
  --adv N                 images attacked (default n/5, 4 to 200)
  --occ N                 images occluded (default n/2, 4 to 500)
  --move N                images moved (default n/5, 4 to 200)
  --importance PATH|none  where to write the importance cache (default: with --update-shipped
                          public/models/<id>/importance.json, else none)
  --fit MODE              how DIR pictures become the model's input (as npm run pathways:
                          auto, none, mnist, ink, contain, stretch; default auto)
  --invert auto|yes|no    invert DIR pictures (as npm run pathways; default auto)
  --backend wasm|cpu      TensorFlow.js backend (default wasm)
  --quiet                 no progress on stderr
  --compare-only          only the small-vs-VGG table from the reports in docs/: printed, or
                          written to DIR/reproduction-small-vs-vgg.md from DIR's reports with
                          --out DIR, or to docs/ with --update-shipped
  --help                  this text

Examples:
  npm run reproduce -- --model mnist --n 200                      # report in a temp folder
  npm run reproduce -- --model mnist --update-shipped             # rewrite docs/reproduction-mnist.md
  npm run reproduce -- --model my-cnn/model.json --data my-pictures --n 100 --out reports
`;

const FLAGS = new Set(['quiet', 'update-shipped', 'compare-only', 'help', 'h']);
const VALUED = new Set([
  'model',
  'data',
  'n',
  'seed',
  'out',
  'importance',
  'fit',
  'invert',
  'train',
  'adv',
  'occ',
  'move',
  'backend',
]);

function readFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h') {
      flags.set('help', 'true');
      continue;
    }
    if (!a.startsWith('--')) throw new Error(`Unexpected argument '${a}'. ${USAGE}`);
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (FLAGS.has(key)) {
      if (eq > 0) throw new Error(`--${key} takes no value.`);
      flags.set(key, 'true');
      continue;
    }
    if (!VALUED.has(key)) throw new Error(`Unknown option --${key}. ${USAGE}`);
    if (flags.has(key)) throw new Error(`--${key} given twice.`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('--'))
      throw new Error(`--${key} needs a value. ${USAGE}`);
    flags.set(key, value);
  }
  return flags;
}

export function parseArgs(argv: readonly string[]): ReproduceArgs {
  const flags = readFlags(argv);
  const int = (k: string, fallback?: number): number | undefined => {
    const v = flags.get(k);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${k} must be a non-negative integer.`);
    return n;
  };
  const oneOf = <T extends string>(k: string, allowed: readonly T[], fallback: T): T => {
    const v = flags.get(k) ?? fallback;
    if (!(allowed as readonly string[]).includes(v))
      throw new Error(`--${k} must be one of ${allowed.join(', ')}.`);
    return v as T;
  };
  const args: ReproduceArgs = {
    model: flags.get('model') ?? '',
    data: flags.get('data') ?? null,
    n: int('n', 1000)!,
    seed: int('seed', 1)!,
    out: flags.get('out') ?? null,
    updateShipped: flags.has('update-shipped'),
    importance: flags.get('importance') ?? 'default',
    fit: oneOf('fit', FIT_MODES, 'auto'),
    invert: oneOf('invert', ['auto', 'yes', 'no'] as const, 'auto'),
    backend: oneOf('backend', ['wasm', 'cpu'] as const, 'wasm'),
    quiet: flags.has('quiet'),
    compareOnly: flags.has('compare-only'),
    help: flags.has('help'),
  };
  for (const k of ['train', 'adv', 'occ', 'move'] as const) {
    const v = int(k);
    if (v !== undefined) args[k] = v;
  }
  if (args.help) return args;
  if (args.updateShipped && args.out !== null) {
    throw new Error(
      '--update-shipped writes the committed files in docs/ and public/models/; leave out --out.',
    );
  }
  if (args.compareOnly) return args;
  if (args.model === '') throw new Error(`--model is required. ${USAGE}`);
  if (args.n < 10) throw new Error('--n must be at least 10.');
  const shipped = isShippedModel(args.model);
  if (!shipped && args.data === null) {
    throw new Error(
      '--data is required for your own model: a folder of labelled pictures (DIR/<class>/*.png), or mnist or fashion for a 28×28 grey model.',
    );
  }
  if (args.updateShipped && !shipped) {
    throw new Error(
      '--update-shipped rewrites the shipped models’ committed reports; your model’s report goes to --out DIR (or a temp folder).',
    );
  }
  if (args.updateShipped && args.data !== null && args.data !== args.model.replace(/^vgg-/, '')) {
    throw new Error(
      `--update-shipped reports on the model's own dataset (${args.model.replace(/^vgg-/, '')}); leave out --data.`,
    );
  }
  return args;
}
