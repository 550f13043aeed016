// `npm run soak`: the storm test (e2e/storms.spec.ts) with the full counts: 1,000 pixel clicks and
// 1,000 arrow-key moves, 200 model switches, 100 analysis start/cancel cycles and 100 ε changes,
// none waiting for an answer. Builds dist/ (or with --reuse, reuses it; --dist DIR serves another
// build), serves it with vite preview on a free port, drives headless Chromium (Debian's
// /usr/bin/chromium or $CHROMIUM_PATH, with playwright.config.ts's flags), and prints a table:
// tensors per worker, JS heaps after GC (page and both workers; in all, and the data without
// compiled code, from heap snapshots) after the warm-up and after each storm, pending requests,
// live timers, running analyses, whether each storm ended on its last input, and the time taken.
// `--quick` runs small counts. Exits 1 when a check fails.
// docs/reliability.md, "Storms and soaks", records a run.
import { chromium } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import config from '../playwright.config';
import { REPO_ROOT } from './lib/shipped';
import {
  compare,
  dataBytes,
  inkPixels,
  QUICK_PLAN,
  SOAK_PLAN,
  SOAK_WARM_UP_PLAN,
  StormSession,
  WARM_UP_PLAN,
  type HeapBreakdown,
  type Snapshot,
} from './lib/storms';
import { buildOrReuse, freePort, startPreview } from './lib/ui-bench-server';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const QUICK = args.includes('--quick');
const PLAN = QUICK ? QUICK_PLAN : SOAK_PLAN;
const WARM_UP = QUICK ? WARM_UP_PLAN : SOAK_WARM_UP_PLAN;
const DIST = option('--dist') ?? 'dist';

const kb = (bytes: number | undefined) =>
  bytes === undefined ? '–' : `${Math.round(bytes / 1024)}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  buildOrReuse(args.includes('--reuse'), DIST);
  const preview = await startPreview(await freePort(), DIST);
  const loadBefore = loadavg()[0] ?? 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: config.use?.launchOptions?.args ?? [],
  });
  const started = Date.now();
  try {
    const context = await browser.newContext({
      viewport: config.use?.viewport ?? { width: 1400, height: 900 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const log = (message: string) => console.log(`  ${message}`);
    const storm = new StormSession(page, browser, inkPixels(REPO_ROOT), log);
    console.log(`Soak${QUICK ? ' (quick)' : ''}: ${JSON.stringify(PLAN)}`);
    await storm.open(preview.url);
    const checks: Array<{ storm: string; problems: string[]; ms: number }> = [];
    let t = Date.now();
    console.log(`warm-up: ${JSON.stringify(WARM_UP)}…`);
    checks.push({ storm: 'warm-up', problems: await storm.warmUp(WARM_UP), ms: 0 });
    checks[0]!.ms = Date.now() - t;
    const snapshots: Array<{ label: string; snap: Snapshot }> = [];
    snapshots.push({ label: 'after warm-up', snap: await storm.snapshot() });

    t = Date.now();
    console.log(`pixel storm: ${PLAN.clicks} clicks, ${PLAN.keys} arrow moves…`);
    const rapid = await storm.pixelStorm(PLAN.clicks, PLAN.keys);
    checks.push({
      storm: `${PLAN.clicks} clicks + ${PLAN.keys} arrow moves (+ class changes)`,
      problems: [...rapid, ...(await storm.checkPathways())],
      ms: Date.now() - t,
    });
    snapshots.push({ label: 'after pixels', snap: await storm.snapshot() });

    t = Date.now();
    console.log(`model storm: ${PLAN.switches} switches…`);
    const landing: string[] = [];
    await storm.modelStorm(PLAN.switches, async () => {
      landing.push(...(await storm.checkModel()).map((p) => `one switch before the end: ${p}`));
    });
    checks.push({
      storm: `${PLAN.switches} model switches`,
      problems: [...landing, ...(await storm.checkModel())],
      ms: Date.now() - t,
    });
    snapshots.push({ label: 'after models', snap: await storm.snapshot() });

    t = Date.now();
    console.log(`analysis storm: ${PLAN.cycles} start/cancel cycles, ${PLAN.epsilons} ε changes…`);
    await storm.cancelStorm(PLAN.cycles);
    const cancelled = await storm.checkCancelled();
    checks.push({
      storm: `${PLAN.cycles} analysis start/cancel cycles`,
      problems: cancelled,
      ms: Date.now() - t,
    });
    t = Date.now();
    const epsilon = await storm.epsilonStorm(PLAN.epsilons);
    checks.push({
      storm: `${PLAN.epsilons} ε changes (per-image rerun)`,
      problems: await storm.checkEpsilon(epsilon),
      ms: Date.now() - t,
    });
    snapshots.push({ label: 'after analyses', snap: await storm.snapshot() });
    const total = Date.now() - started;

    const first = snapshots[0]!.snap;
    const last = snapshots[snapshots.length - 1]!.snap;
    const { rows, problems } = compare(first, last);
    const roles = ['session', 'analyses'] as const;
    const trend = table(
      ['figure (heaps in KiB)', ...snapshots.map((s) => s.label), 'change'],
      [
        ...roles.map((role) => [
          `tensors, ${role} worker`,
          ...snapshots.map((s) => String(s.snap.tensors[role]?.numTensors ?? '–')),
          String((last.tensors[role]?.numTensors ?? 0) - (first.tensors[role]?.numTensors ?? 0)),
        ]),
        [
          'JS heap after GC, page',
          ...snapshots.map((s) => kb(s.snap.pageHeap)),
          pctChange(first.pageHeap, last.pageHeap),
        ],
        ...roles.map((role) => [
          `JS heap after GC, ${role} worker`,
          ...snapshots.map((s) => kb(s.snap.workerHeaps[role])),
          pctChange(first.workerHeaps[role], last.workerHeaps[role]),
        ]),
        ...(['page', ...roles] as const).map((role) => [
          `JS data after GC (no code), ${role === 'page' ? 'page' : `${role} worker`}`,
          ...snapshots.map((s) => kb(data(s.snap, role))),
          pctChange(data(first, role), data(last, role)),
        ]),
      ],
    );
    const verdicts = table(
      ['storm', 'final view = last input', 'time'],
      checks.map((c) => [
        c.storm,
        c.problems.length === 0 ? 'yes' : `NO: ${c.problems.join('; ')}`,
        seconds(c.ms),
      ]),
    );
    const rules = table(
      ['check', 'after warm-up', 'after the soak', 'ok'],
      rows.map((r) => [
        r.figure,
        r.baseline,
        r.after,
        r.ok === null ? '(shown)' : r.ok ? 'yes' : 'NO',
      ]),
    );
    const env = `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, shared), headless Chromium ${browser.version()}, backend ${last.tensors.session.backend ?? '?'}; 1-minute load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after; ${seconds(total)} in all`;
    const parts = [env, verdicts, rules, trend];
    parts.push(breakdownTable(first.heaps, last.heaps));
    console.log(`\n${parts.join('\n\n')}\n`);
    if (errors.length > 0) console.log(`Page errors: ${errors.join(' | ')}`);
    const failed = [...checks.flatMap((c) => c.problems), ...problems, ...errors];
    console.log(failed.length === 0 ? 'All checks passed.' : `${failed.length} check(s) failed.`);
    process.exitCode = failed.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    preview.stop();
  }
}

const KINDS: Array<[keyof HeapBreakdown, string]> = [
  ['objects', 'JS objects, arrays, closures (data)'],
  ['strings', 'strings (data)'],
  ['shapes', 'hidden classes (data)'],
  ['code', 'compiled code, bytecode, JIT lists'],
  ['native', 'native: DOM, buffers, WASM memory'],
];

/** Where each heap's bytes are, after the warm-up and after the soak (heap snapshots). */
function breakdownTable(
  before: Record<string, HeapBreakdown>,
  after: Record<string, HeapBreakdown>,
): string {
  const rows: string[][] = [];
  for (const heap of ['page', 'session', 'analyses']) {
    const a = before[heap];
    const b = after[heap];
    if (!a || !b) continue;
    for (const [kind, label] of KINDS) {
      const delta = (b[kind] - a[kind]) / 1024;
      rows.push([
        heap === 'page' ? 'page' : `${heap} worker`,
        label,
        kb(a[kind]),
        kb(b[kind]),
        `${delta >= 0 ? '+' : ''}${delta.toFixed(0)}`,
      ]);
    }
  }
  return table(
    ['heap snapshot', 'kind', 'after warm-up KiB', 'after the soak KiB', 'change KiB'],
    rows,
  );
}

function data(snap: Snapshot, role: string): number | undefined {
  const heap = snap.heaps[role];
  return heap && dataBytes(heap);
}

function pctChange(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined) return '–';
  return `${(((b - a) / a) * 100).toFixed(1)} %`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
