// Argument parsing for `npm run pathways` (scripts/pathways-cli.ts). Pure: no I/O, no tfjs.
// What the model accepts (its H×W, its class count) is checked once it is loaded.
import type { Measure } from '../../src/pathways/types';
import { parsePixelSet, type PixelRegion } from './pixel-sets';

export const SHIPPED_MODELS = ['mnist', 'fashion', 'vgg-mnist', 'vgg-fashion'] as const;
export type ShippedModel = (typeof SHIPPED_MODELS)[number];
export const FIT_MODES = ['auto', 'none', 'mnist', 'ink', 'contain', 'stretch'] as const;
export type FitOption = (typeof FIT_MODES)[number];
export const BATCH_FORMATS = ['csv', 'jsonl'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export const HELP = `Usage: npm run pathways -- [options]

Traces pixel diffusion pathways (docs/method.md) through a CNN on the wasm backend, with the
engine the app uses. Every option with an example: docs/cli.md.

Model:
  --model ID|PATH       a shipped model: mnist (default), fashion, vgg-mnist, vgg-fashion; or your
                        own TF.js Layers model: path/to/model.json (or its folder), weight shards
                        beside it. Input 8–256 px square or not, 1 (grey) or 3 (RGB) channels,
                        2–1000 classes. Class names: the model's metadata, else labels.txt or
                        labels.json beside model.json, else "class 0" … "class K-1".

Input (one of):
  --sample N            sample N of the model's gallery: public/samples/ for a shipped model
                        (default 0), samples.json + samples.bin beside your model.json
  --image FILE          one PNG or JPEG picture
  --images DIR|FILE…    a batch: every .png/.jpg/.jpeg in DIR (sorted by name) and/or the files
                        named (several after one --images, or --images repeated)
    --fit MODE          how a picture becomes the model's H×W input:
                          auto     none when the picture has the model's size, else mnist for a
                                   shipped model and contain for your own (default)
                          none     pixel for pixel: the picture must be exactly H×W
                          mnist    grey models: the ink's box into 20/28 of the grid, centred by
                                   centre of mass (how MNIST was made)
                          ink      grey models: the ink's box fills the grid, keeping its aspect
                          contain  the whole picture scaled into H×W keeping its aspect, the
                                   rest 0 (black)
                          stretch  the whole picture scaled to H×W (the aspect may change)
                        3-channel models get R, G, B /255; 1-channel models luma /255.
    --invert auto|yes|no  v → 1 − v. auto: detected for mnist and ink (dark ink on light paper
                        is inverted), never for none, contain and stretch (default auto)

What (at least one):
  --pixel ROW,COL       one pixel, ROW from the top, COL from the left, 0-based
                        (e.g. --pixel 14,15 is row 14, column 15)
  --pixel R0,C0,R1,C1   the rectangle of pixels with corners (R0,C0) and (R1,C1), inclusive
                        (a pixel set: its diffusions are summed). --pixel may be repeated: one
                        report (or batch row) per pixel set
  --all                 whole-image statistics: every non-zero pixel's sizes, N_l[k], N_total,
                        portion-hot codes and the relevance map of every class

Options:
  --class K              class for flows and chains (default: the prediction)
  --measure signed|positive|l1   size measure shown and counted (default positive)
  --beam W               beam width of the chain search (default 16; chains are approximate)
  --chains N             number of top chains (default 10)
  --threshold T          absolute threshold τ for pathway counts (default 0)
  --relative R           relative threshold: τ_l = R × the layer's largest size (overrides --threshold)
  --top-m M              m of the portion-hot code and of the batch's top maps (default 3)
  --json                 one image: print JSON, one object per pixel set (or for --all) and line
                         (default: a readable summary)
  --format csv|jsonl     --images: one row per image and pixel set (default csv); columns in
                         docs/cli.md. A picture that cannot be read gets a row with its error
  --out FILE             write the output to FILE instead of stdout
  --help                 this text

Examples:
  npm run pathways -- --model mnist --sample 3 --pixel 14,7 --json
  npm run pathways -- --model my-cnn/model.json --image cat.png --pixel 10,12
  npm run pathways -- --model my-cnn/model.json --images photos/ --pixel 0,0,7,7 --all --format jsonl --out rows.jsonl

Exit status: 0 ok, 1 runtime error (or, in a batch, some pictures could not be read: their rows
say why), 2 bad arguments or an unusable model (one line on stderr).`;

export interface CliOptions {
  /** A shipped id (SHIPPED_MODELS) or a path to model.json or its folder. */
  model: string;
  sample: number | null;
  image: string | null;
  /** --images: files and folders, in the order given; empty = not a batch. */
  images: string[];
  fit: FitOption;
  invert: 'auto' | 'yes' | 'no';
  pixels: PixelRegion[];
  all: boolean;
  classIndex: number | null;
  measure: Measure;
  beamWidth: number;
  topChains: number;
  threshold: number;
  relative: number | null;
  topM: number;
  json: boolean;
  format: BatchFormat | null;
  out: string | null;
  help: boolean;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: string };

const FLAGS = new Set(['--all', '--json', '--help', '-h']);
const VALUED = new Set([
  '--model',
  '--sample',
  '--image',
  '--images',
  '--fit',
  '--invert',
  '--pixel',
  '--class',
  '--measure',
  '--beam',
  '--chains',
  '--threshold',
  '--relative',
  '--top-m',
  '--format',
  '--out',
]);
/** May be given more than once. */
const REPEATABLE = new Set(['--pixel', '--images']);

class ArgError extends Error {}

function int(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value)) throw new ArgError(`${name} must be a whole number, got '${value}'`);
  const n = Number(value);
  if (n < min || n > max) throw new ArgError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function num(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new ArgError(`${name} must be a number, got '${value}'`);
  return n;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ArgError(`${name} must be one of ${allowed.join(', ')}, got '${value}'`);
  }
  return value as T;
}

export function isShippedModel(model: string): model is ShippedModel {
  return (SHIPPED_MODELS as readonly string[]).includes(model);
}

function defaults(): CliOptions {
  return {
    model: 'mnist',
    sample: null,
    image: null,
    images: [],
    fit: 'auto',
    invert: 'auto',
    pixels: [],
    all: false,
    classIndex: null,
    measure: 'positive',
    beamWidth: 16,
    topChains: 10,
    threshold: 0,
    relative: null,
    topM: 3,
    json: false,
    format: null,
    out: null,
    help: false,
  };
}

function setValue(o: CliOptions, arg: string, value: string): void {
  switch (arg) {
    case '--model':
      if (!value) throw new ArgError('--model needs a shipped id or a path to model.json');
      o.model = value;
      break;
    case '--sample':
      o.sample = int(arg, value, 0);
      break;
    case '--image':
      if (!value) throw new ArgError('--image needs a file name');
      o.image = value;
      break;
    case '--images':
      if (!value) throw new ArgError('--images needs a folder or file names');
      o.images.push(value);
      break;
    case '--fit':
      o.fit = oneOf(arg, value, FIT_MODES);
      break;
    case '--invert':
      o.invert = oneOf(arg, value, ['auto', 'yes', 'no'] as const);
      break;
    case '--pixel': {
      const set = parsePixelSet(value);
      if (!set) {
        throw new ArgError(
          `--pixel must be ROW,COL or ROW0,COL0,ROW1,COL1 (0-based, e.g. 14,15), got '${value}'`,
        );
      }
      o.pixels.push(set);
      break;
    }
    case '--class':
      o.classIndex = int(arg, value, 0);
      break;
    case '--measure':
      o.measure = oneOf(arg, value, ['signed', 'positive', 'l1'] as const);
      break;
    case '--beam':
      o.beamWidth = int(arg, value, 1, 4096);
      break;
    case '--chains':
      o.topChains = int(arg, value, 0, 4096);
      break;
    case '--threshold':
      o.threshold = num(arg, value);
      break;
    case '--relative':
      o.relative = num(arg, value);
      if (o.relative < 0 || o.relative > 1)
        throw new ArgError('--relative must be between 0 and 1');
      break;
    case '--top-m':
      o.topM = int(arg, value, 1, 4096);
      break;
    case '--format':
      o.format = oneOf(arg, value, BATCH_FORMATS);
      break;
    case '--out':
      if (!value) throw new ArgError('--out needs a file name');
      o.out = value;
      break;
  }
}

/** The combinations that cannot work, each refused with what to do instead. */
function checkCombination(o: CliOptions): void {
  const batch = o.images.length > 0;
  const inputs = [o.sample !== null, o.image !== null, batch].filter(Boolean).length;
  if (inputs > 1) throw new ArgError('give one of --sample, --image or --images, not several');
  if (inputs === 0) {
    if (!isShippedModel(o.model))
      throw new ArgError(
        'give your model a picture: --image FILE, --images DIR, or --sample N from the samples.json beside its model.json (see --help)',
      );
    o.sample = 0;
  }
  if (o.pixels.length === 0 && !o.all)
    throw new ArgError('say what to trace: --pixel ROW,COL or --all (see --help)');
  if (batch) {
    if (o.json) throw new ArgError('--images writes rows: use --format jsonl instead of --json');
    o.format ??= 'csv';
  } else {
    if (o.format !== null)
      throw new ArgError(
        '--format is for --images batches; one picture prints a summary or --json',
      );
    if (o.all && o.pixels.length > 0)
      throw new ArgError(
        'give either --pixel or --all for one picture, not both (a batch may have both)',
      );
  }
  if (o.topChains > o.beamWidth) o.topChains = o.beamWidth;
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const o = defaults();
  try {
    const seen = new Set<string>();
    for (let i = 0; i < argv.length; i++) {
      let arg = argv[i]!;
      let value: string | undefined;
      const eq = arg.indexOf('=');
      if (arg.startsWith('--') && eq > 0) {
        value = arg.slice(eq + 1);
        arg = arg.slice(0, eq);
      }
      if (FLAGS.has(arg)) {
        if (value !== undefined) throw new ArgError(`${arg} takes no value`);
        if (arg === '--all') o.all = true;
        else if (arg === '--json') o.json = true;
        else o.help = true;
        continue;
      }
      if (!VALUED.has(arg)) throw new ArgError(`unknown option '${arg}' (see --help)`);
      if (seen.has(arg) && !REPEATABLE.has(arg)) throw new ArgError(`${arg} given twice`);
      seen.add(arg);
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined || (value.startsWith('--') && value.length > 2))
          throw new ArgError(`${arg} needs a value`);
      }
      setValue(o, arg, value);
      // `--images a.png b.png c.png` (what a shell glob expands to): every following word that is
      // not an option (does not start with '-') belongs to it.
      if (arg === '--images' && eq <= 0) {
        while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) o.images.push(argv[++i]!);
      }
    }
    if (o.help) return { ok: true, options: o };
    checkCombination(o);
    return { ok: true, options: o };
  } catch (error) {
    if (error instanceof ArgError) return { ok: false, error: error.message };
    throw error;
  }
}
