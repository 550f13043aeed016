// `npm run bench:ui`: how long a click on a pixel takes to become a new Sankey in the real app.
// Builds (or with --reuse, reuses) dist/, serves it with vite preview on a free port, opens
// headless Chromium (Debian's /usr/bin/chromium or $CHROMIUM_PATH) and clicks --clicks (default
// 60) different non-zero pixels of the default sample. Each latency runs from the pointerup event
// (its timeStamp; the selection is committed on pointerup) to the app's performance mark set when
// the Sankey for that pixel has been committed (src/lib/perf-marks.ts); the mark set when the
// worker's answer arrives splits it into worker round trip and rendering. The automatic backend
// (WASM here) is compared in the same run with ?backend=cpu and ?backend=webgl (SwiftShader's
// software GL here), the same app on slower engines. Rewrites the "UI: click to Sankey" section
// of docs/benchmarks.md between its markers (other sections are left alone); --no-write skips it.
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
const WRITE = !args.includes('--no-write');
const CONFIGS: Array<{ label: string; query: string }> = [
  { label: 'automatic (WASM worker)', query: '' },
  { label: 'baseline: ?backend=cpu', query: 'backend=cpu' },
  { label: 'baseline: ?backend=webgl (software GL)', query: 'backend=webgl' },
].filter((c) => !args.includes('--only-auto') || c.query === '');
const TARGET_P95_MS = 150;
const SAMPLE = modelEntry('mnist').defaultSample;
const WARMUP = 3;

interface Click {
  total: number;
  query: number;
  render: number;
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

async function clickAndMeasure(page: Page, pixel: number): Promise<Click> {
  const box = await page.getByRole('application', { name: /^Input image/ }).boundingBox();
  if (!box) throw new Error('no input canvas');
  const x = box.x + ((pixel % 28) + 0.5) * (box.width / 28);
  const y = box.y + (Math.floor(pixel / 28) + 0.5) * (box.height / 28);
  await page.mouse.move(x, y);
  await page.mouse.down();
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
  // No helper functions inside page.evaluate: tsx would wrap them in a __name() the page lacks.
  return page.evaluate((marks) => {
    const up = (window as { __benchPointerUp?: number }).__benchPointerUp ?? NaN;
    const answered = performance.getEntriesByName(marks.queryAnswered)[0]?.startTime ?? NaN;
    const rendered = performance.getEntriesByName(marks.sankeyRendered)[0]?.startTime ?? NaN;
    return { total: rendered - up, query: answered - up, render: rendered - answered };
  }, PERF_MARKS);
}

async function runConfig(browser: Browser, base: string, query: string, pixels: number[]) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // The selection is committed on pointerup: remember when the last one happened.
  await page.addInitScript(() => {
    window.addEventListener(
      'pointerup',
      (e) => ((window as { __benchPointerUp?: number }).__benchPointerUp = e.timeStamp),
      true,
    );
  });
  // Start on a background pixel, so that no pixel to click is already selected.
  const q = [`sample=${SAMPLE}`, 'px=0,0', query].filter(Boolean).join('&');
  await page.goto(`${base}?${q}`);
  await page.waitForSelector('[data-testid=pathway-panel][data-origin=live]', { timeout: 120_000 });
  const backend = (await page.getByTestId('backend').getAttribute('data-backend')) ?? '?';
  const clicks: Click[] = [];
  for (const [i, pixel] of pixels.entries()) {
    const c = await clickAndMeasure(page, pixel);
    if (i >= WARMUP) clicks.push(c);
  }
  await context.close();
  return { backend, clicks };
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

async function main(): Promise<void> {
  buildOrReuse(args.includes('--reuse'));
  const pixels = pixelsToClick();
  const preview = await startPreview(await freePort());
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
  const rows: string[][] = [];
  const lines: string[] = [];
  try {
    for (const config of CONFIGS) {
      console.log(`${config.label}: ${CLICKS} clicks…`);
      const { backend, clicks } = await runConfig(browser, preview.url, config.query, pixels);
      const total = clicks.map((c) => c.total);
      const row = [
        config.label,
        backend,
        String(clicks.length),
        ms(quantile(total, 0.5)),
        ms(quantile(total, 0.95)),
        ms(Math.min(...total)),
        ms(Math.max(...total)),
        ms(
          quantile(
            clicks.map((c) => c.query),
            0.5,
          ),
        ),
        ms(
          quantile(
            clicks.map((c) => c.render),
            0.5,
          ),
        ),
      ];
      rows.push(row);
      console.log(`  median ${row[3]} ms, p95 ${row[4]} ms (${backend})`);
      if (config.query === '') {
        const p95 = quantile(total, 0.95);
        lines.push(
          `p95 click → Sankey on the automatic backend (${backend}): ${ms(p95)} ms (target ≤ ${TARGET_P95_MS} ms): ${p95 <= TARGET_P95_MS ? 'met' : 'NOT met'}`,
        );
      }
    }
    const version = browser.version();
    const loadAfter = loadavg()[0] ?? 0;
    const env = `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, shared), headless Chromium ${version}, viewport 1400×900; 1-minute load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`;
    const section = renderSection(env, rows, lines);
    console.log(`\n${section}`);
    if (WRITE) await writeSection(section);
  } finally {
    await browser.close();
    preview.stop();
  }
}

function renderSection(env: string, rows: string[][], lines: string[]): string {
  const head = ['configuration', 'backend', 'clicks', 'median ms', 'p95 ms', 'min ms', 'max ms'];
  const header = [...head, 'worker round trip (median)', 'render (median)'];
  return [
    '<!-- ui-bench:begin (written by `npm run bench:ui`; edit scripts/bench-ui.ts, not this block) -->',
    '## UI: click to Sankey',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${env}.`,
    `Production build served by vite preview; ${CLICKS} clicks on different non-zero pixels of MNIST sample ${SAMPLE} (after ${WARMUP} warm-up clicks), class = the prediction.`,
    'Latency = from the pointerup event (the selection is committed on pointerup) to the performance mark the app sets once the Sankey for that pixel is committed to the page (`pathway-lens:sankey-rendered`);',
    'worker round trip = pointerup → the answer reaching the main thread (`pathway-lens:query-answered`), render = the rest (graph, d3-sankey layout, SVG).',
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...lines.map((l) => `- ${l}`),
    '- The baselines are the same app with a slower TensorFlow.js backend in the worker (plain-JS CPU kernels; WebGL on SwiftShader, as this machine has no GPU).',
    '- The machine is shared with other jobs: numbers vary between runs; compare rows of the same run.',
    '<!-- ui-bench:end -->',
  ].join('\n');
}

async function writeSection(section: string): Promise<void> {
  const file = await writeBenchmarkSection('ui-bench', section);
  console.log(`Wrote the "UI: click to Sankey" section of ${file}.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
