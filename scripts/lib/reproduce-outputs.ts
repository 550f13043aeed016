// Where `npm run reproduce` writes, and the guard that keeps it off the committed files: the
// shipped models' reports (docs/reproduction-<id>.md, docs/reproduction-small-vs-vgg.md), their
// figures (docs/figures/<id>-*.svg) and everything under public/models/ are written only with
// --update-shipped. Without --out (and without the flag) a run writes to a fresh temp folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { SHIPPED_MODELS, isShippedModel } from './pathways-args';
import type { ReproduceArgs } from './reproduce-args';

/** Written next to the shipped reports (scripts/lib/reproduction-comparison.ts). */
export const COMPARISON_FILE = 'reproduction-small-vs-vgg.md';

export interface OutputPlan {
  /** The report's name in file names: the shipped id, or the model folder's name. */
  name: string;
  dir: string;
  /** The folder was made for this run (no --out, no --update-shipped). */
  fresh: boolean;
  report: string;
  figuresDir: string;
  /** The small-vs-VGG table; null for a model of the user's (it compares the shipped four). */
  comparison: string | null;
  importance: string | null;
}

/** A file name made of the model folder's name: letters, digits, '.', '_' and '-' only. */
export function reportName(model: string): string {
  if (isShippedModel(model)) return model;
  const path = resolve(model);
  const folder = basename(path.endsWith('.json') ? dirname(path) : path);
  const clean = folder.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return clean || 'model';
}

/** Whether writing `path` would change a committed file of the shipped models. */
export function isShippedFile(path: string, repoRoot: string): boolean {
  const rel = relative(repoRoot, resolve(path)).split(sep).join('/');
  if (rel.startsWith('public/models/')) return true;
  const shippedReports = [...SHIPPED_MODELS.map((id) => `reproduction-${id}.md`), COMPARISON_FILE];
  if (shippedReports.some((file) => rel === `docs/${file}`)) return true;
  return SHIPPED_MODELS.some((id) => rel.startsWith(`docs/figures/${id}-`));
}

/**
 * The files a run will write. Throws, before anything is computed, when one of them is a
 * committed file and --update-shipped was not given.
 */
export function planOutputs(args: ReproduceArgs, repoRoot: string): OutputPlan {
  const name = reportName(args.model);
  const shipped = isShippedModel(args.model);
  let dir: string;
  let fresh = false;
  if (args.updateShipped) dir = join(repoRoot, 'docs');
  else if (args.out !== null) dir = resolve(args.out);
  else {
    dir = mkdtempSync(join(tmpdir(), `pathway-lens-reproduction-${name}-`));
    fresh = true;
  }
  const importance =
    args.importance === 'none'
      ? null
      : args.importance === 'default'
        ? args.updateShipped
          ? join(repoRoot, 'public', 'models', args.model, 'importance.json')
          : null
        : resolve(args.importance);
  const plan: OutputPlan = {
    name,
    dir,
    fresh,
    report: join(dir, `reproduction-${name}.md`),
    figuresDir: join(dir, 'figures'),
    comparison: shipped ? join(dir, COMPARISON_FILE) : null,
    importance,
  };
  if (!args.updateShipped) {
    const guarded = [
      plan.report,
      join(plan.figuresDir, `${name}-x.svg`),
      plan.comparison,
      importance,
    ];
    const hit = guarded.find((p): p is string => p !== null && isShippedFile(p, repoRoot));
    if (hit) {
      throw new Error(
        `This run would overwrite ${relative(repoRoot, hit)}, a committed file of the shipped ` +
          'models: add --update-shipped to rewrite them on purpose, or write elsewhere with --out DIR.',
      );
    }
  }
  return plan;
}

/** Writes one output, refusing a committed file again (the plan may be edited by a caller). */
export function writeOutput(
  path: string,
  content: string,
  updateShipped: boolean,
  repoRoot: string,
): void {
  if (!updateShipped && isShippedFile(path, repoRoot)) {
    throw new Error(`Refusing to overwrite ${relative(repoRoot, path)} without --update-shipped.`);
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
