// `npm run bench:ui`: how long a click on a pixel takes to become a new Sankey in the real app, and
// how long the page takes to show its first Sankey and its live model.
// Builds (or with --reuse, reuses) a build folder (--dist, default dist/), serves it with vite preview
// (cross-origin isolated: vite.config.ts) on a free port (or --port), opens headless Chromium
// (Debian's /usr/bin/chromium or $CHROMIUM_PATH) and clicks --clicks (at least 60) different
// non-zero pixels of the default sample, pausing --gap ms (default 300, a reader's glance) after
// each Sankey. Each latency runs from the pointerup event (its timeStamp; the selection is
// committed on pointerup) to the app's performance mark set when the Sankey for that pixel has
// been committed (src/lib/perf-marks.ts); the query-answered mark and the worker's own timings
// (src/worker/protocol.ts, WorkerTiming) split it into its parts. In ONE run it compares the path
// before this work (?perf=baseline&threads=1; what it restores: src/lib/perf-baseline.ts),
// today's automatic path (threaded WASM where the page is isolated), the same pressed as a person
// presses (the button held 80 ms), today's path on one WASM thread (?threads=1), and (unless
// --quick) the same app on the slower ?backend=cpu and ?backend=webgl. Startup: --loads (default
// 5) fresh page loads of the default link per path (cold HTTP cache, no service worker): first
// contentful paint, first Sankey on the page (precomputed or live) and the live one. Rewrites the
// "UI: click to Sankey" section of docs/benchmarks.md between its markers (other sections are left
// alone); --no-write skips it, and --only runs some of the rows (see ONLY). Benchmarks are not
// tests: nothing here fails on a missed target, it says so.
import { chromium, type Browser, type Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { PERF_MARKS } from '../src/lib/perf-marks';
import { modelEntry } from '../src/model/registry';
import { writeBenchmarkSection } from './lib/benchmarks-doc';
import { buildOrReuse, freePort, startPreview } from './lib/ui-bench-server';
import { readSampleSet } from './lib/shipped';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const CLICKS = Math.max(60, Number(option('--clicks', '60')));
/**
 * `--only auto,compare`: run only these rows (path ids below, `compare`, and `startup`, which
 * loads the before and auto paths among them), e.g. to compare two builds in consecutive runs in a
 * quiet moment. A partial run leaves
 * docs/benchmarks.md alone: its section is the whole table.
 */
const ONLY = option('--only', '')
  .split(',')
  .map((id) => id.trim())
  .filter(Boolean);
const runs = (id: string) => ONLY.length === 0 || ONLY.includes(id);
const WRITE = !args.includes('--no-write') && ONLY.length === 0 && !args.includes('--press');
// A private build folder and a fixed port (shared machines); default dist/ and a free port.
const DIST = option('--dist', 'dist');
const PORT = Number(option('--port', '0'));
/** Pause after each Sankey before the next click (a reader's glance; 0 = back to back). */
const GAP_MS = Number(option('--gap', '300'));
/**
 * How long the button is held in each single-view click (ms; default 0, down and up back to
 * back, as in the recorded runs). A person holds it for tens of ms, and the app asks for the
 * pressed pixel already (src/app/session/press-ahead.ts); latencies still run from the pointerup.
 * A partial run only (it leaves docs/benchmarks.md alone, like --only).
 */
const PRESS_MS = Math.max(0, Number(option('--press', '0')));
interface Config {
  id: 'before' | 'auto' | 'held' | 'single' | 'threads' | 'vgg' | 'cpu' | 'webgl';
  label: string;
  query: string;
  /** This row's hold (ms), instead of --press. */
  pressMs?: number;
}
/** A person's click: the button is held for tens of milliseconds, not back to back. */
const HELD_PRESS_MS = 80;
const CONFIGS: Config[] = [
  {
    id: 'before',
    label: 'before (?perf=baseline&threads=1: the earlier click path, 1 WASM thread)',
    query: 'perf=baseline&threads=1',
  },
  { id: 'auto', label: 'today: automatic (WASM worker; threads: cores ÷ 2)', query: '' },
  // The same path, pressed as a person presses: the answer and its layout come during the press.
  {
    id: 'held',
    label: `today, the button held ${HELD_PRESS_MS} ms (as a person's click)`,
    query: '',
    pressMs: HELD_PRESS_MS,
  },
  { id: 'single', label: 'today, 1 WASM thread (?threads=1)', query: 'threads=1' },
  { id: 'threads', label: 'today, 2 WASM threads (?threads=2)', query: 'threads=2' },
  // The paper's network on the same sample and pixels (its default sample is the same 7).
  { id: 'vgg', label: 'today, VGG-16 (?model=vgg-mnist)', query: 'model=vgg-mnist' },
  { id: 'cpu', label: 'baseline: ?backend=cpu', query: 'backend=cpu' },
  { id: 'webgl', label: 'baseline: ?backend=webgl (software GL)', query: 'backend=webgl' },
];
const QUICK = args.includes('--quick');
const ROW_IDS = [...CONFIGS.map((c) => c.id as string), 'compare', 'startup'];
const unknownRows = ONLY.filter((id) => !ROW_IDS.includes(id));
if (unknownRows.length > 0)
  throw new Error(`--only: unknown row ${unknownRows.join(', ')} (rows: ${ROW_IDS.join(', ')})`);
const LOADS = Math.max(1, Number(option('--loads', '5')));
const TARGET = { p95: 40, overhead: 3, render: 10, firstPaint: 1000, live: 2000, vggP95: 150 };
const SAMPLE = modelEntry('mnist').defaultSample;
const WARMUP = 3;

interface Click {
  total: number;
  /** pointerup → the answer applied on the main thread (the worker round trip). */
  query: number;
  render: number;
  /** The round trip's parts (ms): pointerup → posted, → received by the worker, waiting in its
   * queue, the engine (handler), → back on the main thread, → applied (promise, store). */
  toPost: number;
  /** pointerup → the first task after its own (its handlers and React's synchronous render). */
  upTask: number;
  toWorker: number;
  queued: number;
  engine: number;
  back: number;
  apply: number;
  /** The Sankey's commit → the end of the frame after it (style, layout and paint of it). */
  paint: number;
  /** pointerup → the end of that frame: when the Sankey has been painted. */
  toPaint: number;
}

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] ?? NaN) + ((s[hi] ?? NaN) - (s[lo] ?? NaN)) * (pos - lo);
}

/** Non-zero pixels of the sample, in a fixed scattered order (consecutive clicks differ). */
function pixelsToClick(): number[] {
  const set = readSampleSet('mnist');
  const size = set.width * set.height;
  const inked: number[] = [];
  for (let p = 0; p < size; p++) if ((set.pixels[SAMPLE * size + p] ?? 0) > 0) inked.push(p);
  const order: number[] = [];
  // Stride through the list with a step coprime to its length: every pixel once, well mixed.
  let step = Math.max(1, Math.round(inked.length * 0.382));
  while (gcd(step, inked.length) !== 1) step += 1;
  for (let i = 0; i < inked.length; i++) order.push(inked[(i * step) % inked.length] as number);
  if (order.length < CLICKS + WARMUP) throw new Error(`sample ${SAMPLE} has too few ink pixels`);
  return order.slice(0, CLICKS + WARMUP);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

async function clickAndMeasure(page: Page, pixel: number, pressMs: number): Promise<Click> {
  const box = await page.getByRole('application', { name: /^Input image/ }).boundingBox();
  if (!box) throw new Error('no input canvas');
  const x = box.x + ((pixel % 28) + 0.5) * (box.width / 28);
  const y = box.y + (Math.floor(pixel / 28) + 0.5) * (box.height / 28);
  await page.mouse.move(x, y);
  await page.mouse.down();
  if (pressMs > 0) await page.waitForTimeout(pressMs);
  await page.mouse.up();
  const handle = await page.waitForFunction(
    ({ mark, pixels }) => {
      const entry = performance.getEntriesByName(mark)[0] as PerformanceMark | undefined;
      return (entry?.detail as { pixels?: string } | undefined)?.pixels === pixels;
    },
    { mark: PERF_MARKS.sankeyRendered, pixels: String(pixel) },
    { timeout: 30_000, polling: 'raf' },
  );
  await handle.dispose();
  const painted = await page.waitForFunction(
    (pixels) =>
      (window as { __benchPainted?: { pixels: string } }).__benchPainted?.pixels === pixels,
    String(pixel),
    { timeout: 30_000, polling: 'raf' },
  );
  await painted.dispose();
  // No helper functions inside page.evaluate: tsx would wrap them in a __name() the page lacks.
  return page.evaluate((marks) => {
    const w = window as {
      __benchPointerUp?: number;
      __benchUpDone?: number;
      __benchPainted?: { at: number };
    };
    const up = w.__benchPointerUp ?? NaN;
    const paintedAt = w.__benchPainted?.at ?? NaN;
    const upDone = w.__benchUpDone ?? NaN;
    const answeredMark = performance.getEntriesByName(marks.queryAnswered)[0] as
      PerformanceMark | undefined;
    const answered = answeredMark?.startTime ?? NaN;
    const rendered = performance.getEntriesByName(marks.sankeyRendered)[0]?.startTime ?? NaN;
    // Worker timings are epoch ms (src/worker/clock.ts): convert to this page's timeline.
    const t = ((answeredMark?.detail as { timing?: Record<string, number> } | undefined)?.timing ??
      {}) as Record<string, number | undefined>;
    const o = performance.timeOrigin;
    const sent = (t.sent ?? NaN) - o;
    const received = (t.received ?? NaN) - o;
    const started = (t.started ?? NaN) - o;
    const finished = (t.finished ?? NaN) - o;
    const back = (t.answered ?? NaN) - o;
    return {
      total: rendered - up,
      query: answered - up,
      render: rendered - answered,
      upTask: upDone - up,
      toPost: sent - up,
      toWorker: received - sent,
      queued: started - received,
      engine: finished - started,
      back: back - finished,
      apply: answered - back,
      paint: paintedAt - rendered,
      toPaint: paintedAt - up,
    };
  }, PERF_MARKS);
}

async function runConfig(
  browser: Browser,
  base: string,
  query: string,
  pixels: number[],
  pressMs: number,
) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // The selection is committed on pointerup: remember when the last one happened.
  await page.addInitScript((sankeyMark) => {
    const w = window as {
      __benchPointerUp?: number;
      __benchUpDone?: number;
      __benchPainted?: { pixels: string; at: number };
    };
    // When the frame that shows a committed Sankey has been produced: a frame callback requested
    // in the commit (the app's mark is set there, synchronously) runs at that frame's start, and
    // a task posted from it runs after its style, layout and paint.
    const mark = performance.mark.bind(performance);
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      const entry = mark(name, options);
      if (name === sankeyMark) {
        const pixels = String((options?.detail as { pixels?: string } | undefined)?.pixels);
        requestAnimationFrame(() => {
          const after = new MessageChannel();
          after.port1.onmessage = () => (w.__benchPainted = { pixels, at: performance.now() });
          after.port2.postMessage(0);
        });
      }
      return entry;
    };
    window.addEventListener(
      'pointerup',
      (e) => {
        w.__benchPointerUp = e.timeStamp;
        // The first task after pointerup's own (its handlers and React's synchronous render).
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__benchUpDone = performance.now());
        channel.port2.postMessage(0);
      },
      true,
    );
  }, PERF_MARKS.sankeyRendered);
  // Start on a background pixel, so that no pixel to click is already selected.
  const q = [`sample=${SAMPLE}`, 'px=0,0', query].filter(Boolean).join('&');
  await page.goto(`${base}?${q}`);
  await page.waitForSelector('[data-testid=pathway-panel][data-origin=live]', { timeout: 120_000 });
  // The badge's words, e.g. "WASM · 2 threads".
  await page.waitForSelector('[data-testid=backend][data-state=ready]');
  const badge = (await page.getByTestId('backend').textContent()) ?? '?';
  const backend = badge.replace(/^Backend:\s*/, '').trim();
  const clicks: Click[] = [];
  for (const [i, pixel] of pixels.entries()) {
    const c = await clickAndMeasure(page, pixel, pressMs);
    if (i >= WARMUP) clicks.push(c);
    if (GAP_MS > 0) await page.waitForTimeout(GAP_MS);
  }
  await context.close();
  return { backend, clicks };
}

/**
 * Compare mode (docs/compare.md): clicks on B's pixel picker, each timed from its pointerup to the
 * mark set when B's answer and the B − A view are committed (src/app/views/CompareView.tsx). Only
 * B is queried; A's answer is reused. Same pixels, gap, warm-up and press as the single view.
 */
async function runCompare(browser: Browser, base: string, pixels: number[]) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.addEventListener(
      'pointerup',
      (e) => ((window as { __benchPointerUp?: number }).__benchPointerUp = e.timeStamp),
      true,
    );
  });
  await page.goto(`${base}?sample=${SAMPLE}&px=15,17&compare=pixels&bpx=0,0`);
  await page.waitForSelector('[data-testid=compare-a] [data-testid=sankey][data-empty=false]', {
    timeout: 120_000,
  });
  const picker = page.getByRole('application', { name: /^Pick B's pixel/ });
  const totals: number[] = [];
  for (const [i, pixel] of pixels.entries()) {
    const box = await picker.boundingBox();
    if (!box) throw new Error('no B pixel picker');
    // Pressed as the single view's clicks are (move, down, the same hold, up), so that the two
    // rows have the same input and B's press asks ahead as A's does.
    await page.mouse.move(
      box.x + ((pixel % 28) + 0.5) * (box.width / 28),
      box.y + (Math.floor(pixel / 28) + 0.5) * (box.height / 28),
    );
    await page.mouse.down();
    if (PRESS_MS > 0) await page.waitForTimeout(PRESS_MS);
    await page.mouse.up();
    const handle = await page.waitForFunction(
      ({ mark, pixels }) => {
        const entry = performance.getEntriesByName(mark)[0] as PerformanceMark | undefined;
        return (entry?.detail as { pixels?: string } | undefined)?.pixels === pixels;
      },
      { mark: PERF_MARKS.compareRendered, pixels: String(pixel) },
      { timeout: 30_000, polling: 'raf' },
    );
    await handle.dispose();
    const total = await page.evaluate(
      (mark) =>
        (performance.getEntriesByName(mark)[0]?.startTime ?? NaN) -
        ((window as { __benchPointerUp?: number }).__benchPointerUp ?? NaN),
      PERF_MARKS.compareRendered,
    );
    if (i >= WARMUP) totals.push(total);
    if (GAP_MS > 0) await page.waitForTimeout(GAP_MS);
  }
  await context.close();
  return totals;
}

const ms = (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const med = (values: number[]) => quantile(values, 0.5);

interface Startup {
  fcp: number;
  firstSankey: number;
  live: number;
  backend: number;
}

/** What a cold load waits for, by the selector that says it is on the page. */
const STARTUP_SELECTORS = {
  firstSankey: '[data-testid=pathway-panel]:is([data-origin=precomputed], [data-origin=live])',
  backend: '[data-testid=backend][data-state=ready]',
  live: '[data-testid=pathway-panel][data-origin=live]',
} as const;

/**
 * Runs in the page before its own scripts (an init script runs in each new document): once per
 * animation frame it notes the time each selector first matches, i.e. the frame that shows it.
 * Nothing else of the harness runs in the page meanwhile: polling it with waitForFunction loaded
 * Playwright's injected script (about 40–60 ms on this machine) into the page's main thread during
 * the load it measured (docs/benchmarks.md, "Speed, seventh pass").
 */
const STARTUP_PROBE = `(() => {
  const selectors = ${JSON.stringify(STARTUP_SELECTORS)};
  const seen = (window.__benchStartup = {});
  const frame = () => {
    let pending = 0;
    for (const [name, selector] of Object.entries(selectors)) {
      if (name in seen) continue;
      if (document.querySelector(selector)) seen[name] = performance.now();
      else pending++;
    }
    if (pending > 0) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/** One fresh page load of the default link: when the first and the live Sankey appeared. */
async function measureStartup(browser: Browser, base: string, query: string): Promise<Startup> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(STARTUP_PROBE);
  await page.goto(`${base}${query ? `?${query}` : ''}`, { waitUntil: 'commit' });
  const done = `Object.keys(${JSON.stringify(STARTUP_SELECTORS)}).every((k) => k in (window.__benchStartup ?? {}))`;
  const deadline = Date.now() + 120_000;
  // Asked from here every 100 ms (a plain evaluation, no polling code in the page).
  while (!(await page.evaluate(done).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`startup of ${base}?${query}: not done in 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const result = await page.evaluate(() => {
    const seen = (window as { __benchStartup?: Record<string, number> }).__benchStartup ?? {};
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return {
      fcp,
      firstSankey: seen.firstSankey ?? NaN,
      live: seen.live ?? NaN,
      backend: seen.backend ?? NaN,
    };
  });
  await context.close();
  return result;
}

async function main(): Promise<void> {
  buildOrReuse(args.includes('--reuse'), DIST);
  const pixels = pixelsToClick();
  const preview = await startPreview(PORT > 0 ? PORT : await freePort(), DIST);
  const loadBefore = loadavg()[0] ?? 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const results = new Map<Config['id'], { backend: string; clicks: Click[] }>();
  const startups = new Map<Config['id'], Startup[]>();
  try {
    const configs = CONFIGS.filter(
      (c) => (!QUICK || !['cpu', 'webgl'].includes(c.id)) && runs(c.id),
    );
    for (const config of configs) {
      console.log(`${config.label}: ${CLICKS} clicks…`);
      const press = config.pressMs ?? PRESS_MS;
      const run = await runConfig(browser, preview.url, config.query, pixels, press);
      results.set(config.id, run);
      const total = run.clicks.map((c) => c.total);
      console.log(
        `  median ${ms(med(total))} ms, p95 ${ms(quantile(total, 0.95))} ms (${run.backend})`,
      );
      const parts = [
        'upTask',
        'toPost',
        'toWorker',
        'queued',
        'engine',
        'back',
        'apply',
        'render',
      ] as const;
      console.log(
        `  medians: ${parts.map((k) => `${k} ${ms(med(run.clicks.map((c) => c[k])))}`).join(', ')}`,
      );
    }
    let compare: number[] = [];
    if (runs('compare')) {
      console.log(`compare mode, B's pixel: ${CLICKS} clicks…`);
      compare = await runCompare(browser, preview.url, pixels);
      console.log(`  median ${ms(med(compare))} ms, p95 ${ms(quantile(compare, 0.95))} ms`);
    }
    // Startup, alternating the two paths load by load so that both see the same machine.
    // (Its two paths load here whether or not their click rows ran: `--only startup`.)
    const startupConfigs = CONFIGS.filter((c) => c.id === 'before' || c.id === 'auto');
    for (let i = 0; i < (runs('startup') ? LOADS : 0); i++) {
      for (const config of startupConfigs) {
        const s = await measureStartup(browser, preview.url, config.query);
        startups.set(config.id, [...(startups.get(config.id) ?? []), s]);
        console.log(
          `startup ${config.id} #${i + 1}: first paint ${ms(s.fcp)}, first Sankey ${ms(s.firstSankey)}, backend ${ms(s.backend)}, live ${ms(s.live)} ms`,
        );
      }
    }
    const version = browser.version();
    const loadAfter = loadavg()[0] ?? 0;
    const env = `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, shared), headless Chromium ${version}, viewport 1400×900; 1-minute load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`;
    const section = renderSection(env, configs, results, startups, compare);
    console.log(`\n${section}`);
    if (WRITE) await writeSection(section);
  } finally {
    await browser.close();
    preview.stop();
  }
}

function verdict(value: number, target: number): string {
  if (Number.isNaN(value)) return 'not measured';
  return value <= target ? 'met' : `NOT met (by ${ms(value - target)} ms)`;
}

function renderSection(
  env: string,
  configs: Config[],
  results: Map<Config['id'], { backend: string; clicks: Click[] }>,
  startups: Map<Config['id'], Startup[]>,
  compare: number[],
): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = (n: number) => `|${Array.from({ length: n }, () => '---').join('|')}|`;
  const clickHead = [
    'path',
    'backend',
    'clicks',
    'median ms',
    'p95 ms',
    'min ms',
    'max ms',
    'round trip (median)',
    'engine (median)',
    'round trip − engine (median)',
    'render (median)',
  ];
  const clickRows = configs.flatMap((c) => {
    const r = results.get(c.id);
    if (!r) return [];
    const t = r.clicks.map((k) => k.total);
    const over = r.clicks.map((k) => k.query - k.engine);
    return [
      row([
        c.label,
        r.backend,
        String(r.clicks.length),
        ms(med(t)),
        ms(quantile(t, 0.95)),
        ms(Math.min(...t)),
        ms(Math.max(...t)),
        ms(med(r.clicks.map((k) => k.query))),
        ms(med(r.clicks.map((k) => k.engine))),
        ms(med(over)),
        ms(med(r.clicks.map((k) => k.render))),
      ]),
    ];
  });
  const partHead = [
    'path',
    'pointerup task',
    '→ posted',
    '→ in worker',
    'queued',
    'engine',
    '→ main thread',
    'render',
    'then painted',
    'click → painted (median / p95)',
  ];
  const partRows = configs.flatMap((c) => {
    const r = results.get(c.id);
    if (!r) return [];
    const m = (k: keyof Click) => ms(med(r.clicks.map((x) => x[k])));
    return [
      row([
        c.label,
        m('upTask'),
        m('toPost'),
        m('toWorker'),
        m('queued'),
        m('engine'),
        m('back'),
        m('render'),
        m('paint'),
        `${m('toPaint')} / ${ms(
          quantile(
            r.clicks.map((x) => x.toPaint),
            0.95,
          ),
        )}`,
      ]),
    ];
  });
  const startHead = [
    'path',
    'loads',
    'first paint (median / max)',
    'first Sankey (median / max)',
    'backend ready (median)',
    'live Sankey (median / max)',
  ];
  const startRows = CONFIGS.flatMap((c) => {
    const s = startups.get(c.id);
    if (!s) return [];
    const mm = (k: keyof Startup) =>
      `${ms(med(s.map((x) => x[k])))} / ${ms(Math.max(...s.map((x) => x[k])))}`;
    return [
      row([
        c.label,
        String(s.length),
        mm('fcp'),
        mm('firstSankey'),
        ms(med(s.map((x) => x.backend))),
        mm('live'),
      ]),
    ];
  });
  const auto = results.get('auto');
  const single = results.get('single');
  const threaded = results.get('threads');
  const before = results.get('before');
  const lines: string[] = [];
  const autoRun = results.get('auto');
  if (compare.length > 0 && autoRun) {
    const one = autoRun.clicks.map((k) => k.total);
    const [cm, cp, sm, sp] = [med(compare), quantile(compare, 0.95), med(one), quantile(one, 0.95)];
    // Issue #15: "in the same time budget as a single click", i.e. the click's target; and, as
    // this row always said, beside the single click measured in this run (within 1.25× or not).
    lines.push(
      `compare mode, B's pixel → B and B − A drawn: median ${ms(cm)} ms, p95 ${ms(cp)} ms: ${verdict(cp, TARGET.p95)} against a click's budget (p95 ≤ ${TARGET.p95} ms); against a single-view click in the same run (median ${ms(sm)}, p95 ${ms(sp)} ms), p95 ${(cp / sp).toFixed(2)}× the single click's (${cp <= sp * 1.25 ? 'within' : 'NOT within'} 1.25×)`,
    );
  }
  const vgg = results.get('vgg');
  if (vgg) {
    const t = vgg.clicks.map((k) => k.total);
    lines.push(
      `p95 click → Sankey on VGG-16 (${vgg.backend}): ${ms(quantile(t, 0.95))} ms (target ≤ ${TARGET.vggP95} ms): ${verdict(quantile(t, 0.95), TARGET.vggP95)}; engine median ${ms(med(vgg.clicks.map((k) => k.engine)))} ms`,
    );
  }
  if (auto) {
    const t = auto.clicks.map((k) => k.total);
    lines.push(
      `p95 click → Sankey, today's automatic path (${auto.backend}): ${ms(quantile(t, 0.95))} ms (target ≤ ${TARGET.p95} ms): ${verdict(quantile(t, 0.95), TARGET.p95)}`,
    );
    const over = med(auto.clicks.map((k) => k.query - k.engine));
    lines.push(
      `worker round trip − engine time (median): ${ms(over)} ms (target ≤ ${TARGET.overhead} ms): ${verdict(over, TARGET.overhead)}`,
    );
    // The same wait split in two: the channel itself, and the answer waiting for a busy page.
    const channel = med(auto.clicks.map((k) => k.toPost + k.toWorker + k.queued));
    const waiting = med(auto.clicks.map((k) => k.back + k.apply));
    // From the post, wherever the query left (at the press, ahead of the pointerup): the channel.
    const fromPost = med(auto.clicks.map((k) => k.toWorker + k.queued + k.back + k.apply));
    lines.push(
      `the same, counted from the query's post instead of the pointerup (delivery, the worker's queue, the way back and the wait for the main thread; median): ${ms(fromPost)} ms`,
    );
    lines.push(
      `of that (medians): pointerup → posted, delivered and through the worker's queue ${ms(channel)} ms; the answer waiting for the main thread ${ms(waiting)} ms (busy with the pointerup task and the frame after it, ${ms(med(auto.clicks.map((k) => k.upTask)))} ms from pointerup)`,
    );
    const render = med(auto.clicks.map((k) => k.render));
    lines.push(
      `graph + layout + drawing (median): ${ms(render)} ms (target ≤ ${TARGET.render} ms): ${verdict(render, TARGET.render)}`,
    );
  }
  const held = results.get('held');
  if (held) {
    const t = held.clicks.map((k) => k.total);
    lines.push(
      `a person's click (button held ${HELD_PRESS_MS} ms; the targets are judged on the back-to-back row above): median ${ms(med(t))}, p95 ${ms(quantile(t, 0.95))} ms; render ${ms(med(held.clicks.map((k) => k.render)))} ms`,
    );
  }
  if (auto && before) {
    const ratio = (a: Click[], b: Click[], k: keyof Click) =>
      (med(a.map((x) => x[k])) / med(b.map((x) => x[k]))).toFixed(2);
    lines.push(
      `today ÷ before, same run: median click ${ratio(auto.clicks, before.clicks, 'total')}×, p95 ${(
        quantile(
          auto.clicks.map((x) => x.total),
          0.95,
        ) /
        quantile(
          before.clicks.map((x) => x.total),
          0.95,
        )
      ).toFixed(2)}×`,
    );
  }
  if (threaded && single) {
    const e = med(threaded.clicks.map((x) => x.engine)) / med(single.clicks.map((x) => x.engine));
    const t = med(threaded.clicks.map((x) => x.total)) / med(single.clicks.map((x) => x.total));
    lines.push(
      `2 WASM threads ÷ 1 thread, same run: engine ${e.toFixed(2)}×, click ${t.toFixed(2)}× (medians; ${cpus().length} cores)`,
    );
  }
  const autoStart = startups.get('auto');
  if (autoStart) {
    const fp = med(autoStart.map((x) => x.firstSankey));
    const live = med(autoStart.map((x) => x.live));
    lines.push(
      `first Sankey on the page (median of ${autoStart.length} cold loads): ${ms(fp)} ms (target ≤ ${TARGET.firstPaint} ms): ${verdict(fp, TARGET.firstPaint)}; slowest load ${ms(Math.max(...autoStart.map((x) => x.firstSankey)))} ms`,
    );
    lines.push(
      `live model's Sankey (median): ${ms(live)} ms (target ≤ ${TARGET.live} ms): ${verdict(live, TARGET.live)}; slowest load ${ms(Math.max(...autoStart.map((x) => x.live)))} ms`,
    );
  }
  return [
    '<!-- ui-bench:begin (written by `npm run bench:ui`; edit scripts/bench-ui.ts, not this block) -->',
    '## UI: click to Sankey, and startup',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${env}.`,
    `Production build served by vite preview (cross-origin isolated); ${CLICKS} clicks on different non-zero pixels of MNIST sample ${SAMPLE} (after ${WARMUP} warm-up clicks), ${GAP_MS} ms pause after each Sankey, class = the prediction.`,
    'Latency = from the pointerup event (the selection is made on pointerup and drawn together with its answer) to the performance mark the app sets once the Sankey for that pixel is committed to the page (`pathway-lens:sankey-rendered`);',
    'round trip = pointerup → the answer applied on the main thread (`pathway-lens:query-answered`); engine = the worker handler (`WorkerTiming`); render = the rest (graph, d3-sankey layout, React commit of the SVG).',
    '',
    row(clickHead),
    rule(clickHead.length),
    ...clickRows,
    '',
    'Where the round trip goes (medians, ms): the pointerup task (its handlers and React’s synchronous render), posting, delivery to the worker, waiting in its queue, the engine, and back until the main thread is free to take the answer. Then painted: from the commit to the end of the frame after it (the browser’s style, layout and paint of the new Sankey), and the whole click to that point; the targets above are for the commit.',
    '',
    row(partHead),
    rule(partHead.length),
    ...partRows,
    '',
    `Startup: ${LOADS} cold loads of the default link per path (new browser context: empty HTTP cache, no service worker), ms from navigation start; first Sankey = the precomputed example (or the live one, whichever is first).`,
    '',
    row(startHead),
    rule(startHead.length),
    ...startRows,
    '',
    ...lines.map((l) => `- ${l}`),
    ...(results.has('cpu') || results.has('webgl')
      ? [
          '- The baselines are the same app with a slower TensorFlow.js backend in the worker (plain-JS CPU kernels; WebGL on SwiftShader, as this machine has no GPU).',
        ]
      : ['- Run with --quick: the ?backend=cpu and ?backend=webgl baselines were left out.']),
    '- The machine is shared with other jobs: numbers vary between runs; compare rows of the same run.',
    '<!-- ui-bench:end -->',
  ].join('\n');
}

async function writeSection(section: string): Promise<void> {
  const file = await writeBenchmarkSection('ui-bench', section);
  console.log(`Wrote the "UI: click to Sankey, and startup" section of ${file}.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
