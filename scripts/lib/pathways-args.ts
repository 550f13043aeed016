// Argument parsing for `npm run pathways` (scripts/pathways-cli.ts). Pure: no I/O, no tfjs.
import type { Measure } from '../../src/pathways/types';

export const HELP = `Usage: npm run pathways -- [options]

Traces pixel diffusion pathways (docs/method.md) through a shipped model on the wasm backend.

Input (one of):
  --sample N            sample N of public/samples/<model>.bin (default 0)
  --image FILE.png      a PNG, converted to the model's 28×28 grey input (fitted keeping aspect)
    --fit mnist|contain   mnist: ink box into 20×20 and centre of mass (default); contain: whole box
    --invert auto|yes|no  dark ink on light paper must be inverted (default auto)

What (one of):
  --pixel ROW,COL       one pixel, ROW = row from the top, COL = column from the left, 0-based
                        (e.g. --pixel 14,15 is row 14, column 15)
  --all                 whole-image statistics: every non-zero pixel's sizes, N_l[k], N_total,
                        portion-hot codes and the relevance map of every class

Options:
  --model ID             shipped model: mnist (default), fashion, vgg-mnist, vgg-fashion
  --class K              class for flows and chains (default: the prediction)
  --measure signed|positive|l1   size measure shown and counted (default positive)
  --beam W               beam width of the chain search (default 16; chains are approximate)
  --chains N             number of top chains (default 10)
  --threshold T          absolute threshold τ for pathway counts (default 0)
  --relative R           relative threshold: τ_l = R × the layer's largest size (overrides --threshold)
  --top-m M              m of the portion-hot code (default 3)
  --json                 print ONE JSON object (default: a readable summary)
  --help                 this text

Exit status: 0 ok, 1 runtime error, 2 bad arguments (one line on stderr).`;

export interface CliOptions {
  model: 'mnist' | 'fashion' | 'vgg-mnist' | 'vgg-fashion';
  sample: number | null;
  image: string | null;
  fit: 'mnist' | 'contain';
  invert: 'auto' | 'yes' | 'no';
  pixel: { row: number; col: number } | null;
  all: boolean;
  classIndex: number | null;
  measure: Measure;
  beamWidth: number;
  topChains: number;
  threshold: number;
  relative: number | null;
  topM: number;
  json: boolean;
  help: boolean;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: string };

const FLAGS = new Set(['--all', '--json', '--help', '-h']);
const VALUED = new Set([
  '--model',
  '--sample',
  '--image',
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
]);

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

export function parseArgs(argv: readonly string[]): ParseResult {
  const o: CliOptions = {
    model: 'mnist',
    sample: null,
    image: null,
    fit: 'mnist',
    invert: 'auto',
    pixel: null,
    all: false,
    classIndex: null,
    measure: 'positive',
    beamWidth: 16,
    topChains: 10,
    threshold: 0,
    relative: null,
    topM: 3,
    json: false,
    help: false,
  };
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
      if (seen.has(arg)) throw new ArgError(`${arg} given twice`);
      seen.add(arg);
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined) throw new ArgError(`${arg} needs a value`);
      }
      switch (arg) {
        case '--model':
          o.model = oneOf(arg, value, ['mnist', 'fashion', 'vgg-mnist', 'vgg-fashion'] as const);
          break;
        case '--sample':
          o.sample = int(arg, value, 0);
          break;
        case '--image':
          if (!value) throw new ArgError('--image needs a file name');
          o.image = value;
          break;
        case '--fit':
          o.fit = oneOf(arg, value, ['mnist', 'contain'] as const);
          break;
        case '--invert':
          o.invert = oneOf(arg, value, ['auto', 'yes', 'no'] as const);
          break;
        case '--pixel': {
          const m = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(value);
          if (!m)
            throw new ArgError(`--pixel must be ROW,COL (0-based, e.g. 14,15), got '${value}'`);
          o.pixel = { row: Number(m[1]), col: Number(m[2]) };
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
      }
    }
    if (o.help) return { ok: true, options: o };
    if (o.sample !== null && o.image !== null)
      throw new ArgError('give either --sample or --image, not both');
    if (o.image === null && o.sample === null) o.sample = 0;
    if (o.all && o.pixel) throw new ArgError('give either --pixel or --all, not both');
    if (!o.all && !o.pixel)
      throw new ArgError('say what to trace: --pixel ROW,COL or --all (see --help)');
    if (o.topChains > o.beamWidth) o.topChains = o.beamWidth;
    return { ok: true, options: o };
  } catch (error) {
    if (error instanceof ArgError) return { ok: false, error: error.message };
    throw error;
  }
}
