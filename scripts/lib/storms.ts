// Storms for the storm test (e2e/storms.spec.ts) and the soak (scripts/soak.ts): rapid pixel
// clicks and arrow-key moves, model switches, analysis start/cancel cycles and ε changes, each
// sent without waiting for the answers; then checks that the final view answers the LAST input
// and measures what the page left behind: each worker's tensors (the `memory` operation), the
// page's and the workers' JS heaps after a forced GC (Chrome DevTools Protocol), the requests
// pending in the worker clients, the page's live timers and any running analysis. The page must be
// opened with `?diagnostics=1` (src/app/session/diagnostics.ts; docs/reliability.md).
//
// No helper functions inside page.evaluate / waitForFunction callbacks: tsx (the soak) would
// wrap them in a __name() the page lacks.
import type { Browser, CDPSession, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunFacts, ViewFacts } from '../../src/app/session/diagnostics';
import { parseSampleSet } from '../../src/model/samples';
import { MODEL_CACHE_SIZE } from '../../src/worker/model-cache-size';

export interface StormPlan {
  /** Pixel clicks on the input image. */
  clicks: number;
  /** Arrow-key moves of the keyboard cursor, each committed with Enter. */
  keys: number;
  /** Model switches MNIST ↔ Fashion-MNIST in the header's picker (even: it ends on MNIST). */
  switches: number;
  /** Run → Cancel cycles of the Consistency view (a population run on gallery samples). */
  cycles: number;
  /** ε changes of the Adversarial view (a per-image view that reruns by itself). */
  epsilons: number;
}

export const CI_PLAN: StormPlan = {
  clicks: 200,
  keys: 100,
  switches: 20,
  cycles: 10,
  epsilons: 10,
};
export const SOAK_PLAN: StormPlan = {
  clicks: 1000,
  keys: 1000,
  switches: 200,
  cycles: 100,
  epsilons: 100,
};
export const QUICK_PLAN: StormPlan = {
  clicks: 100,
  keys: 50,
  switches: 10,
  cycles: 5,
  epsilons: 5,
};
/** The warm-up before the baseline (see StormSession.warmUp): the CI test's and --quick's. */
export const WARM_UP_PLAN: StormPlan = {
  clicks: 100,
  keys: 50,
  switches: 10,
  cycles: 3,
  epsilons: 3,
};
/** The full soak's: a fifth of its counts or more, so that the JIT has mostly settled. */
export const SOAK_WARM_UP_PLAN: StormPlan = {
  clicks: 300,
  keys: 300,
  switches: 40,
  cycles: 20,
  epsilons: 20,
};

/** The link the storms open: the hook on, the quick FGSM attack (the targeted one takes seconds). */
export const STORM_QUERY = 'diagnostics=1&atk=fgsm';
const SAMPLE = 350; // the MNIST default sample (src/model/registry.ts)
/** Where every pixel storm ends: the default pixel (15, 17), on the 7's stroke. */
const FINAL_PIXEL = 15 * 28 + 17;
const GRID = 28;
export const HEAP_TOLERANCE = 0.1;

interface WorkerMemory {
  numTensors: number;
  numBytes: number;
  numDataBuffers: number;
  /** The kept models' weights (src/worker/model-cache.ts), left out of the comparison. */
  models: { kept: number; tensors: number; bytes: number };
  backend: string | null;
}

export interface Snapshot {
  /** Page JS heap after GC (Runtime.getHeapUsage: bytes used). */
  pageHeap: number;
  /** Each worker's JS heap after GC, by role. */
  workerHeaps: Record<string, number>;
  /** Where each heap's bytes are (page, session, analyses), from a heap snapshot after GC. */
  heaps: Record<string, HeapBreakdown>;
  tensors: { session: WorkerMemory; analyses: WorkerMemory | null };
  pending: { session: number; analyses: number | null };
  timers: { timeouts: number; intervals: number };
  running: string[];
}

/** Non-zero pixels of the MNIST default sample, in a fixed scattered order. */
export function inkPixels(root: string): number[] {
  const dir = join(root, 'public', 'samples');
  const meta: unknown = JSON.parse(readFileSync(join(dir, 'mnist.json'), 'utf8'));
  const bytes = readFileSync(join(dir, 'mnist.bin'));
  const set = parseSampleSet(
    meta,
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const size = set.width * set.height;
  const inked: number[] = [];
  for (let p = 0; p < size; p++) if ((set.pixels[SAMPLE * size + p] ?? 0) > 0) inked.push(p);
  let step = Math.max(1, Math.round(inked.length * 0.382));
  while (gcd(step, inked.length) !== 1) step += 1;
  return inked.map((_, i) => inked[(i * step) % inked.length] as number);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A small deterministic generator (the storms are the same on every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ARROWS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] as const;
const STEP: Record<(typeof ARROWS)[number], [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export interface Expected {
  pixels: number[];
  /** The Sankey's class: the chosen target class, or null for the prediction. */
  targetClass: number | null;
  modelId: 'mnist' | 'fashion';
}

export class StormSession {
  private pageCdp: CDPSession | null = null;
  private browserCdp: CDPSession | null = null;
  private sessionWorker: string | null = null;
  private messageId = 1;
  /** A worker's heap snapshot as it streams in (snapshot). */
  private chunks: string[] = [];
  private readonly waiting = new Map<number, (message: { result?: unknown }) => void>();
  readonly expected: Expected = { pixels: [], targetClass: null, modelId: 'mnist' };

  constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly ink: number[],
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Opens the app with the hook and waits for the live default view. */
  async open(base: string): Promise<void> {
    await this.page.goto(`${base}?${STORM_QUERY}`);
    await this.waitForLive();
    this.expected.pixels = (await this.view()).selection;
    this.pageCdp = await this.page.context().newCDPSession(this.page);
    this.browserCdp = await this.browser.newBrowserCDPSession();
    this.browserCdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        method?: string;
        params?: { chunk?: string };
      };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk') {
        this.chunks.push(message.params?.chunk ?? '');
        return;
      }
      const resolve = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!resolve || message.id === undefined) return;
      this.waiting.delete(message.id);
      resolve(message);
    });
    // Only the session's worker exists until the Analyses area's first run.
    const workers = await this.workerTargets();
    this.sessionWorker = workers[0] ?? null;
  }

  async view(): Promise<ViewFacts> {
    return this.page.evaluate(() =>
      (
        window as unknown as { __pathwayLensDiagnostics: { view(): never } }
      ).__pathwayLensDiagnostics.view(),
    );
  }

  async runs(): Promise<Record<string, RunFacts>> {
    return this.page.evaluate(() =>
      (
        window as unknown as { __pathwayLensDiagnostics: { runs(): never } }
      ).__pathwayLensDiagnostics.runs(),
    );
  }

  /** The Sankey shows a live, finished answer (for the model's current state). */
  async waitForLive(timeout = 90_000): Promise<void> {
    await this.page
      .locator('[data-testid=pathway-panel][data-origin=live][data-query-status=ready]')
      .waitFor({ timeout, state: 'attached' });
  }

  /** Waits until no request is pending, no analysis runs and nothing loads. */
  async settle(timeout = 120_000): Promise<void> {
    // (A locator or a disposed handle: a kept handle would keep its element and, once that is
    // removed, its whole detached subtree alive, and the page heap would grow with the test.)
    const done = await this.page.waitForFunction(
      () => {
        const d = (
          window as unknown as {
            __pathwayLensDiagnostics?: {
              pending(): { session: number; analyses: number | null };
              runs(): Record<string, { status: string }>;
              view(): { modelStatus: string; pathwaysStatus: string };
            };
          }
        ).__pathwayLensDiagnostics;
        if (!d) return false;
        const pending = d.pending();
        if (pending.session > 0 || (pending.analyses ?? 0) > 0) return false;
        const runs = d.runs();
        for (const id of Object.keys(runs)) if (runs[id]?.status === 'running') return false;
        const view = d.view();
        return view.modelStatus !== 'loading' && view.pathwaysStatus !== 'loading';
      },
      undefined,
      { timeout, polling: 100 },
    );
    await done.dispose();
    // Debounced work (the URL writer, a view's rerun pause) runs out within this.
    await this.page.waitForTimeout(600);
  }

  private async workerTargets(): Promise<string[]> {
    const { targetInfos } = (await this.browserCdp!.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    return targetInfos
      .filter((t) => t.type === 'worker' && t.url.includes('/assets/worker'))
      .map((t) => t.targetId);
  }

  /** Runs one DevTools command in a worker (a non-flattened session of the browser's). */
  private async inWorker(targetId: string, methods: string[]): Promise<unknown[]> {
    const cdp = this.browserCdp!;
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId,
      flatten: false,
    })) as { sessionId: string };
    const out: unknown[] = [];
    try {
      for (const method of methods) {
        const id = this.messageId++;
        const answer = new Promise<{ result?: unknown }>((resolve) =>
          this.waiting.set(id, resolve),
        );
        await cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params: {} }),
        });
        out.push((await answer).result);
      }
    } finally {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
    return out;
  }

  /** A heap snapshot of the page, summed by kind (breakdown). */
  private async pageBreakdown(): Promise<HeapBreakdown> {
    const cdp = this.pageCdp!;
    const chunks: string[] = [];
    const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    try {
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    } finally {
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    }
    return breakdown(chunks.join(''));
  }

  /** Settles, forces GC everywhere and reads every figure. */
  async snapshot(): Promise<Snapshot> {
    await this.settle();
    const cdp = this.pageCdp!;
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const pageHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const heaps: Record<string, HeapBreakdown> = { page: await this.pageBreakdown() };
    const workerHeaps: Record<string, number> = {};
    for (const id of await this.workerTargets()) {
      const role = id === this.sessionWorker ? 'session' : 'analyses';
      this.chunks = [];
      const [, , usage] = await this.inWorker(id, [
        'HeapProfiler.collectGarbage',
        'HeapProfiler.collectGarbage',
        'Runtime.getHeapUsage',
        'HeapProfiler.takeHeapSnapshot',
      ]);
      workerHeaps[role] = (usage as { usedSize: number }).usedSize;
      heaps[role] = breakdown(this.chunks.join(''));
      this.chunks = [];
    }
    const figures = await this.page.evaluate(async () => {
      const d = (
        window as unknown as {
          __pathwayLensDiagnostics: {
            memory(): Promise<unknown>;
            pending(): unknown;
            timers(): unknown;
            runs(): Record<string, { status: string }>;
          };
        }
      ).__pathwayLensDiagnostics;
      const tensors = await d.memory();
      const runs = d.runs();
      const running: string[] = [];
      for (const id of Object.keys(runs)) if (runs[id]?.status === 'running') running.push(id);
      return { tensors, pending: d.pending(), timers: d.timers(), running };
    });
    type Figures = Omit<Snapshot, 'pageHeap' | 'workerHeaps' | 'heaps'>;
    return { pageHeap, workerHeaps, heaps, ...(figures as Figures) };
  }

  // --- drivers -------------------------------------------------------------------------------

  private async cellPoint(row: number, col: number): Promise<{ x: number; y: number }> {
    const canvas = this.page.getByRole('application', { name: /^Input image/ });
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the input canvas is not visible');
    return {
      x: box.x + ((col + 0.5) * box.width) / GRID,
      y: box.y + ((row + 0.5) * box.height) / GRID,
    };
  }

  private async chooseClass(value: number | null): Promise<void> {
    await this.page
      .getByTestId('sankey-class')
      .selectOption(value === null ? 'auto' : String(value));
    this.expected.targetClass = value;
  }

  /**
   * `clicks` clicks on ink pixels and `keys` arrow moves (each committed with Enter), without
   * waiting for answers; the Sankey's class changes every 40 inputs and once more at the end.
   * Returns what the view got wrong about that last input (newest wins). Then, waiting for each
   * answer, the same closing inputs every time (class 3, another pixel, FINAL_PIXEL), so that
   * every storm leaves the same view behind and the heap figures compare like with like (React
   * keeps the previous render, too).
   */
  async pixelStorm(clicks: number, keys: number): Promise<string[]> {
    const page = this.page;
    const canvas = page.getByRole('application', { name: /^Input image/ });
    // The Analyses area may have scrolled the page: bring the image back into view first. The
    // canvas does not move while the Sankey changes; it is measured again after a class change.
    await canvas.scrollIntoViewIfNeeded();
    let grid = await this.gridOnScreen();
    const click = (pixel: number) =>
      page.mouse.click(
        grid.x + (pixel % GRID) * grid.w,
        grid.y + Math.floor(pixel / GRID) * grid.h,
      );
    const classes = [null, 3, 8, null, 5, 3] as const;
    let classTurn = 0;
    /** Every 40th input picks a class (not near the end); true when it did. */
    const maybeClass = async (i: number, total: number) => {
      if (i % 40 !== 39 || i + 40 > total) return false;
      await this.chooseClass(classes[classTurn++ % classes.length] ?? null);
      grid = await this.gridOnScreen();
      return true;
    };
    let pixel = this.expected.pixels[0] ?? 0;
    for (let i = 0; i < clicks; i++) {
      pixel = this.ink[i % this.ink.length] as number;
      await click(pixel);
      await maybeClass(i, clicks + keys);
    }
    if (keys > 0) {
      await canvas.focus();
      const random = lcg(7);
      let row = Math.floor(pixel / GRID);
      let col = pixel % GRID;
      for (let i = 0; i < keys; i++) {
        const key = ARROWS[Math.floor(random() * 4)] ?? 'ArrowUp';
        const [dr, dc] = STEP[key];
        row = Math.min(GRID - 1, Math.max(0, row + dr));
        col = Math.min(GRID - 1, Math.max(0, col + dc));
        await page.keyboard.press(key);
        await page.keyboard.press('Enter');
        // The class picker took the focus: back to the image (its cursor: the selection).
        if (await maybeClass(clicks + i, clicks + keys)) await canvas.focus();
      }
      pixel = row * GRID + col;
    }
    this.expected.pixels = [pixel];
    // The last input: a class other than the one shown.
    await this.chooseClass(this.expected.targetClass === 3 ? 8 : 3);
    const problems = await this.checkPathways();
    // The closing inputs, one answer at a time.
    await this.chooseClass(3);
    await this.waitForView(pixel, 3);
    const other = this.ink[0] === FINAL_PIXEL ? (this.ink[1] as number) : (this.ink[0] as number);
    for (const p of [other, FINAL_PIXEL]) {
      await click(p);
      this.expected.pixels = [p];
      await this.waitForView(p, 3);
    }
    return problems;
  }

  /** Waits for the live, finished Sankey of `pixel` to class `classIndex`. */
  private async waitForView(pixel: number, classIndex: number): Promise<void> {
    const panel = `[data-testid=pathway-panel][data-origin=live][data-query-status=ready][data-pixels="${pixel}"]`;
    await this.page
      .locator(`${panel} [data-testid=sankey][data-class="${classIndex}"]`)
      .waitFor({ state: 'attached', timeout: 90_000 });
  }

  /** The input canvas's cell (0, 0) top-left corner and cell size, in page coordinates. */
  private async gridOnScreen(): Promise<{ x: number; y: number; w: number; h: number }> {
    const origin = await this.cellPoint(0, 0);
    const next = await this.cellPoint(1, 1);
    const w = next.x - origin.x;
    const h = next.y - origin.y;
    return { x: origin.x, y: origin.y, w, h };
  }

  /**
   * `switches` rapid model switches, not waiting for any load; `checkpoint` runs after all but
   * the last one (the view then must show where that one landed).
   */
  async modelStorm(switches: number, checkpoint?: (after: number) => Promise<void>) {
    const radio = (id: 'mnist' | 'fashion') =>
      this.page.getByRole('radio', {
        name: id === 'mnist' ? 'MNIST' : 'Fashion-MNIST',
        exact: true,
      });
    for (let i = 0; i < switches; i++) {
      const to = this.expected.modelId === 'mnist' ? 'fashion' : 'mnist';
      await radio(to).check();
      this.expected.modelId = to;
      // The second-to-last switch is checked where it lands (Fashion-MNIST), then the last one.
      if (i === switches - 2 && checkpoint) await checkpoint(i + 1);
    }
  }

  async openAnalysis(tab: 'consistency' | 'attack', perClass = '5'): Promise<void> {
    const area = this.page.getByTestId('analyses');
    if ((await area.getByRole('tablist').count()) === 0) {
      await this.page.getByTestId('analyses-toggle').click();
    }
    await area.locator(`[data-analysis="${tab}"]`).click();
    if (tab === 'consistency') await this.page.getByTestId('per-class').selectOption(perClass);
  }

  /**
   * Run → Cancel on the Consistency view, `cycles` times, without waiting for the worker; on 50
   * samples per class (500 images, seconds of work), so that every Cancel meets a running run.
   */
  async cancelStorm(cycles: number): Promise<void> {
    await this.openAnalysis('consistency', '50');
    const status = this.page.getByTestId('run-sampleSet');
    for (let i = 0; i < cycles; i++) {
      await this.page.getByTestId('sample-set-run').click();
      await status.getByRole('button', { name: 'Cancel' }).click();
    }
  }

  /** `count` ε changes on the Adversarial view; returns the last ε. */
  async epsilonStorm(count: number): Promise<number> {
    await this.openAnalysis('attack');
    const slider = this.page.getByTestId('epsilon');
    let epsilon = 0;
    for (let i = 0; i < count; i++) {
      // 0.01 … 0.30, never the same twice in a row; the last one is 0.17.
      epsilon = i === count - 1 ? 0.17 : (((i * 7) % 29) + 1) / 100;
      await slider.fill(String(epsilon));
    }
    return epsilon;
  }

  // --- checks -------------------------------------------------------------------------------

  /** What differs between the view on screen and the last input (empty: all is as asked). */
  async checkPathways(): Promise<string[]> {
    await this.waitForLive();
    const problems: string[] = [];
    const panel = this.page.getByTestId('pathway-panel');
    const shown = (await panel.getAttribute('data-pixels')) ?? '';
    if (shown !== this.expected.pixels.join(','))
      problems.push(`Sankey pixels ${shown}, last input ${this.expected.pixels.join(',')}`);
    const drawnClass = await this.page.getByTestId('sankey').getAttribute('data-class');
    let wanted = this.expected.targetClass;
    if (wanted === null) {
      const prediction = this.page.locator('[data-testid=prediction][data-stale=false]');
      await prediction.waitFor({ timeout: 60_000 });
      wanted = Number(await prediction.getAttribute('data-class-index'));
    }
    if (drawnClass !== String(wanted))
      problems.push(`Sankey class ${drawnClass}, last input ${wanted}`);
    const view = await this.view();
    if (view.selection.join(',') !== this.expected.pixels.join(','))
      problems.push(`selection ${view.selection.join(',')}`);
    if (view.pathwaysPixels.join(',') !== this.expected.pixels.join(','))
      problems.push(`pathways answer ${view.pathwaysPixels.join(',')}`);
    return problems;
  }

  async checkModel(): Promise<string[]> {
    const want = this.expected.modelId;
    const page = this.page;
    await page
      .locator('[data-testid=model-status][data-status=ready]')
      .waitFor({ timeout: 90_000, state: 'attached' });
    await this.waitForLive();
    const problems: string[] = [];
    const view = await this.view();
    if (view.modelId !== want) problems.push(`model ${view.modelId}, last input ${want}`);
    if (!view.modelUrl?.includes(`/models/${want}/`))
      problems.push(`loaded model ${view.modelUrl}, last input ${want}`);
    const label = want === 'mnist' ? 'MNIST' : 'Fashion-MNIST';
    if (!(await page.getByRole('radio', { name: label, exact: true }).isChecked()))
      problems.push(`the picker does not show ${label}`);
    if (new URL(page.url()).searchParams.get('model') !== want)
      problems.push(`the link says model=${new URL(page.url()).searchParams.get('model')}`);
    // The Sankey answers this model's image and the view's selection.
    this.expected.pixels = view.selection;
    this.expected.targetClass = view.targetClass;
    problems.push(...(await this.checkPathways()));
    return problems;
  }

  async checkCancelled(): Promise<string[]> {
    await this.settle();
    const runs = await this.runs();
    const status = await this.page.getByTestId('run-sampleSet').getAttribute('data-status');
    const problems: string[] = [];
    if (runs['sampleSet']?.status !== 'cancelled')
      problems.push(`Consistency run ${runs['sampleSet']?.status}, last input Cancel`);
    if (status !== 'cancelled') problems.push(`Consistency view shows ${status}`);
    return problems;
  }

  async checkEpsilon(epsilon: number): Promise<string[]> {
    const page = this.page;
    await page
      .locator('[data-testid=run-attack][data-status=done]')
      .waitFor({ timeout: 90_000, state: 'attached' });
    await this.settle();
    const problems: string[] = [];
    const attack = (await this.runs())['attack'];
    if (attack?.status !== 'done') problems.push(`attack run ${attack?.status}`);
    if (!attack?.key?.includes(`|${epsilon}|`))
      problems.push(`attack asked for ${attack?.key}, last ε ${epsilon}`);
    if (attack?.resultKey !== attack?.key) problems.push('the attack result is stale');
    if ((await page.locator('[data-testid=analysis-attack] [data-stale=true]').count()) > 0)
      problems.push('the attack view shows a stale result');
    if (new URL(page.url()).searchParams.get('eps') !== String(epsilon))
      problems.push(`the link says eps=${new URL(page.url()).searchParams.get('eps')}`);
    return problems;
  }

  /**
   * The same storms once with smaller counts, in the same views as the real ones (the
   * Adversarial view open from the start; at the end MNIST, class 3, ε 0.17): every code path
   * has run in both workers, JIT code and the browser's bounded buffers have grown, caches are
   * filled. Returns what did not end on the last input.
   */
  async warmUp(plan: StormPlan): Promise<string[]> {
    const t0 = Date.now();
    const mark = (what: string) => this.log(`warm-up: ${what} (${Date.now() - t0} ms)`);
    const problems: string[] = [];
    // The storms run with the Adversarial view open (it reruns on every model change).
    await this.openAnalysis('attack');
    await this.page
      .locator('[data-testid=run-attack][data-status=done]')
      .waitFor({ timeout: 90_000, state: 'attached' });
    problems.push(...(await this.pixelStorm(plan.clicks, plan.keys)));
    problems.push(...(await this.checkPathways()));
    mark('pixels');
    await this.modelStorm(plan.switches + (plan.switches % 2));
    problems.push(...(await this.checkModel()));
    mark('models');
    // One population run to the end, then the start/cancel cycles and the ε changes.
    await this.openAnalysis('consistency');
    await this.page.getByTestId('sample-set-run').click();
    await this.page
      .locator('[data-testid=run-sampleSet][data-status=done]')
      .waitFor({ timeout: 120_000, state: 'attached' });
    await this.cancelStorm(plan.cycles);
    problems.push(...(await this.checkCancelled()));
    const epsilon = await this.epsilonStorm(plan.epsilons);
    problems.push(...(await this.checkEpsilon(epsilon)));
    mark('analyses');
    return problems.map((p) => `warm-up: ${p}`);
  }
}

/** A heap's bytes (self sizes in a heap snapshot) by kind. */
export interface HeapBreakdown {
  /** JS objects, arrays, closures, contexts, numbers: the app's (and its libraries') data. */
  objects: number;
  strings: number;
  /** Hidden classes and other V8 bookkeeping of the data. */
  shapes: number;
  /**
   * Compiled code and what only the compiler keeps: bytecode, JIT code, deoptimisation data,
   * code-dependency lists. It grows as functions tier up and is no part of the app's data.
   */
  code: number;
  /**
   * What the snapshot lists as native: the browser's objects (DOM, performance entries) and
   * array-buffer contents (a worker's WASM memory), outside the JS heap's used size.
   */
  native: number;
}

/** A heap's data after GC: objects, strings and their hidden classes; no code, no browser objects. */
export const dataBytes = (h: HeapBreakdown): number => h.objects + h.strings + h.shapes;

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);
/** V8 nodes that belong to the compiler although the snapshot lists them as native. */
const COMPILER_NATIVES = new Set([
  'system / WeakArrayList',
  'system / ProtectedFixedArray',
  'system / CppGCManaged (WasmNativeModule)',
]);

/** Sums a V8 heap snapshot (JSON) by kind of node. */
export function breakdown(json: string): HeapBreakdown {
  const snap = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out: HeapBreakdown = { objects: 0, strings: 0, shapes: 0, code: 0, native: 0 };
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt!]!] ?? '';
    const size = snap.nodes[i + sizeAt!]!;
    const name = snap.strings[snap.nodes[i + nameAt!]!] ?? '';
    if (STRING_TYPES.has(type)) out.strings += size;
    else if (type === 'code' || COMPILER_NATIVES.has(name)) out.code += size;
    else if (type === 'native') out.native += size;
    else if (type === 'object shape' || type === 'hidden') out.shapes += size;
    else if (type !== 'synthetic') out.objects += size;
  }
  return out;
}

export interface Comparison {
  /** ok: null for a figure that is shown, not checked. */
  rows: Array<{ figure: string; baseline: string; after: string; ok: boolean | null }>;
  problems: string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;

/** The figures side by side, with what breaks the rules. */
export function compare(baseline: Snapshot, after: Snapshot): Comparison {
  const rows: Comparison['rows'] = [];
  for (const role of ['session', 'analyses'] as const) {
    const a = baseline.tensors[role];
    const b = after.tensors[role];
    // The worker keeps every model it loaded (up to its cache's size), so a model first loaded
    // during the storms adds its weights without leaking: compare the tensors that are not kept
    // model weights (the engine's network, gates, anything left behind), and show the models.
    const rest = (m: WorkerMemory) =>
      `${m.numTensors - m.models.tensors} (${kb(m.numBytes - m.models.bytes)}) + ${m.models.kept} model(s): ${m.models.tensors}`;
    rows.push({
      figure: `tensors, ${role} worker (not model weights + kept models)`,
      baseline: a ? rest(a) : '–',
      after: b ? rest(b) : '–',
      ok:
        !!a &&
        !!b &&
        a.numTensors - a.models.tensors === b.numTensors - b.models.tensors &&
        a.numBytes - a.models.bytes === b.numBytes - b.models.bytes &&
        b.models.kept <= MODEL_CACHE_SIZE,
    });
  }
  // The heap as Runtime.getHeapUsage gives it (after GC), and the part that is data: V8's
  // compiled code keeps growing for minutes as functions tier up (several hundred KiB, which is
  // 10 % of a worker's heap), so only the data is held to the 10 % rule.
  const roles = ['page', 'session', 'analyses'] as const;
  const used = (s: Snapshot, role: string) => (role === 'page' ? s.pageHeap : s.workerHeaps[role]);
  for (const role of roles) {
    const a = used(baseline, role);
    const b = used(after, role);
    rows.push({
      figure: `JS heap after GC, ${role === 'page' ? 'page' : `${role} worker`}`,
      baseline: a === undefined ? '–' : kb(a),
      after: b === undefined ? '–' : `${kb(b)} (${a === undefined ? '?' : pct(a, b)})`,
      ok: null,
    });
  }
  for (const role of roles) {
    const ha = baseline.heaps[role];
    const hb = after.heaps[role];
    const a = ha && dataBytes(ha);
    const b = hb && dataBytes(hb);
    rows.push({
      figure: `JS data after GC (no code), ${role === 'page' ? 'page' : `${role} worker`}`,
      baseline: a === undefined ? '–' : kb(a),
      after: b === undefined ? '–' : `${kb(b)} (${a === undefined ? '?' : pct(a, b)})`,
      ok: a !== undefined && b !== undefined && b <= a * (1 + HEAP_TOLERANCE),
    });
  }
  rows.push({
    figure: 'pending requests (session / analyses)',
    baseline: `${baseline.pending.session} / ${baseline.pending.analyses ?? '–'}`,
    after: `${after.pending.session} / ${after.pending.analyses ?? '–'}`,
    ok: after.pending.session === 0 && (after.pending.analyses ?? 0) === 0,
  });
  rows.push({
    figure: 'live timers on the page (timeouts / intervals)',
    baseline: `${baseline.timers.timeouts} / ${baseline.timers.intervals}`,
    after: `${after.timers.timeouts} / ${after.timers.intervals}`,
    ok:
      after.timers.timeouts <= baseline.timers.timeouts &&
      after.timers.intervals <= baseline.timers.intervals,
  });
  rows.push({
    figure: 'running analyses',
    baseline: baseline.running.join(', ') || 'none',
    after: after.running.join(', ') || 'none',
    ok: after.running.length === 0,
  });
  const problems = rows
    .filter((r) => r.ok === false)
    .map((r) => `${r.figure}: ${r.baseline} → ${r.after}`);
  return { rows, problems };
}
