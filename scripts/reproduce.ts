// `npm run reproduce -- --model ID|PATH [--data mnist|fashion|DIR] [--n 1000] [--seed 1]
// [--out DIR | --update-shipped]`: runs every analysis of src/analysis on a model and writes the
// reproduction report (reproduction-<name>.md), its SVG figures (figures/<name>-*.svg) and, for
// the shipped models, the small-vs-VGG table. Where it writes: scripts/lib/reproduce-outputs.ts
// (never the committed docs/ reports or public/models/ without --update-shipped; without --out a
// fresh temp folder). Progress goes to stderr, the report's path to stdout. Node-only file IO
// lives here and in scripts/lib; the analyses themselves are the browser-safe src/analysis.
import { rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultConfig, type ReproductionConfig } from '../src/analysis/report/config';
import { reportFigures } from '../src/analysis/report/figures';
import { reportMarkdown } from '../src/analysis/report/markdown';
import { runReproduction } from '../src/analysis/report/pipeline';
import { initNodeBackend, readModelCard } from '../training/lib/node-model';
import { disposeCliModel, loadCliModel, type CliModel } from './lib/node-model-loader';
import { HELP, parseArgs, type ReproduceArgs } from './lib/reproduce-args';
import { reproductionData } from './lib/reproduce-data';
import {
  COMPARISON_FILE,
  isShippedFile,
  planOutputs,
  writeOutput,
  type OutputPlan,
} from './lib/reproduce-outputs';
import { comparisonMarkdown } from './lib/reproduction-comparison';
import { REPO_ROOT } from './lib/shipped';

export { COMPARISON_FILE, HELP, parseArgs, type ReproduceArgs };

export interface ReproduceResult {
  plan: OutputPlan;
  markdownPath: string;
  figurePaths: string[];
  /** Every file written, in order. */
  written: string[];
}

function commandLine(args: ReproduceArgs): string {
  const parts = [`npm run reproduce -- --model ${args.model}`];
  if (args.data !== null) parts.push(`--data ${args.data}`);
  parts.push(`--n ${args.n} --seed ${args.seed}`);
  for (const k of ['train', 'adv', 'occ', 'move'] as const)
    if (args[k] !== undefined) parts.push(`--${k} ${args[k]}`);
  if (args.fit !== 'auto') parts.push(`--fit ${args.fit}`);
  if (args.invert !== 'auto') parts.push(`--invert ${args.invert}`);
  // The committed reports say "rerun it": the command must then rewrite them, not a temp copy.
  if (args.updateShipped) parts.push('--update-shipped');
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

/** The report's title and accuracy: the model card's for a shipped model, the shape for others. */
function describe(
  m: CliModel,
  plan: OutputPlan,
): { title: string; accuracy?: number; dataset?: string } {
  if (m.shipped) {
    const card = readModelCard(dirname(m.file));
    return { title: card.title, accuracy: card.testAccuracy, dataset: card.dataset };
  }
  const { height, width, channels } = m.input;
  return {
    title: `${plan.name} (${m.id}: ${height}×${width}×${channels} input, ${m.classCount} classes)`,
  };
}

export async function reproduce(
  args: ReproduceArgs,
  repoRoot: string = REPO_ROOT,
): Promise<ReproduceResult> {
  // Decided first: a run that would overwrite a committed file stops before any work.
  const plan = planOutputs(args, repoRoot);
  try {
    return await runAndWrite(args, plan, repoRoot);
  } catch (error) {
    // A temp folder made for a run that failed would only be litter.
    if (plan.fresh) rmSync(plan.dir, { recursive: true, force: true });
    throw error;
  }
}

async function runAndWrite(
  args: ReproduceArgs,
  plan: OutputPlan,
  repoRoot: string,
): Promise<ReproduceResult> {
  const t0 = performance.now();
  const log = stderrProgress(args.quiet);
  const backend = await initNodeBackend(args.backend);
  const m = await loadCliModel(args.model);
  try {
    const about = describe(m, plan);
    const n = args.n;
    const base = defaultConfig(m.shipped ?? plan.name, '', m.classNames, n, args.seed);
    const nTrain = args.train ?? base.nTrain;
    const data = args.data ?? about.dataset!;
    log.stage(`loading ${data} data`);
    const sets = reproductionData(
      {
        input: m.input,
        classCount: m.classCount,
        classNames: m.classNames,
        shipped: m.shipped !== null,
      },
      { data, n, nTrain, seed: args.seed, fit: args.fit, invert: args.invert },
      (line) => process.stderr.write(`${line}\n`),
    );
    const config: ReproductionConfig = {
      ...base,
      dataset: sets.label,
      nTrain,
      nAdv: args.adv ?? base.nAdv,
      nOcc: args.occ ?? base.nOcc,
      nMove: args.move ?? base.nMove,
      nImportance: sets.importance.count,
    };
    const result = await runReproduction(m.net, sets, config, {
      onStage: log.stage,
      onProgress: log.progress,
      backend,
    });
    const written: string[] = [];
    const write = (path: string, content: string) => {
      writeOutput(path, content, args.updateShipped, repoRoot);
      written.push(path);
    };
    const figurePaths = Object.entries(reportFigures(result)).map(([key, svg]) => {
      const path = resolve(plan.figuresDir, `${plan.name}-${key}.svg`);
      write(path, svg);
      return path;
    });
    const markdown = reportMarkdown(result, {
      command: commandLine(args),
      modelTitle: about.title,
      shipped: m.shipped !== null,
      dataSource: sets.source,
      ...(about.accuracy !== undefined ? { modelAccuracy: about.accuracy } : {}),
      figurePath: (key) => `figures/${plan.name}-${key}.svg`,
      generatedAt: new Date().toISOString().slice(0, 10),
      totalSeconds: (performance.now() - t0) / 1000,
    });
    write(plan.report, markdown);
    // The small-vs-VGG table follows the reports in the same folder (a missing one: "not run").
    if (plan.comparison) write(plan.comparison, `${comparisonMarkdown(plan.dir)}\n`);
    if (plan.importance) {
      // Six significant digits are plenty for a ranking cache and keep the shipped file small.
      const round = (_key: string, value: unknown) =>
        typeof value === 'number' && !Number.isInteger(value)
          ? Number(value.toPrecision(6))
          : value;
      write(plan.importance, JSON.stringify(result.importance, round) + '\n');
    }
    return { plan, markdownPath: plan.report, figurePaths, written };
  } finally {
    disposeCliModel(m);
  }
}

/**
 * --compare-only: the small-vs-VGG table from the reports in docs/ (printed: `path` null), in
 * --out DIR (written there), or rewritten in docs/ with --update-shipped.
 */
export function compareOnly(
  args: ReproduceArgs,
  repoRoot: string = REPO_ROOT,
): { path: string | null; markdown: string } {
  const docs = resolve(repoRoot, 'docs');
  const dir = args.updateShipped ? docs : args.out !== null ? resolve(args.out) : null;
  const markdown = `${comparisonMarkdown(dir ?? docs)}\n`;
  if (dir === null) return { path: null, markdown };
  const path = resolve(dir, COMPARISON_FILE);
  if (!args.updateShipped && isShippedFile(path, repoRoot)) {
    throw new Error(
      `--compare-only --out ${args.out} would overwrite the committed ${relative(repoRoot, path)}: add --update-shipped instead of --out.`,
    );
  }
  writeOutput(path, markdown, args.updateShipped, repoRoot);
  return { path, markdown };
}

async function main(argv: string[]): Promise<number> {
  let args: ReproduceArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.compareOnly) {
    const { path, markdown } = compareOnly(args);
    if (path === null) process.stdout.write(markdown);
    else process.stderr.write(`wrote ${path}\n`);
    return 0;
  }
  const { plan, written } = await reproduce(args);
  if (!args.quiet) {
    process.stderr.write(
      `wrote ${written.length} files to ${plan.dir}` +
        (plan.fresh ? ' (a new temp folder: pass --out DIR to choose where)' : '') +
        (plan.importance ? ` and ${plan.importance}` : '') +
        '\n',
    );
  }
  process.stdout.write(`${plan.report}\n`);
  return 0;
}

const invoked = process.argv[1] ? pathToFileURL(resolve(process.argv[1])).href : '';
if (import.meta.url === invoked) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
