// `npm run bench:gpu`: the pathway engine on a real GPU (tfjs WebGPU) beside WASM, in one run:
// the one-pixel query and the whole-image statistics, for the small MNIST model and the VGG-16
// models (public/models/vgg-mnist, vgg-fashion; 28×28 input), with the read-backs per query.
//
// Where the GPU comes from, in this order:
//   1. Node, through the optional `webgpu` npm package (Dawn's `navigator.gpu`; it ships its own
//      binary, nothing is downloaded, but it needs a real Vulkan/Metal/D3D12 driver). It is not a
//      dependency (130 MB for every platform): `npm install --no-save webgpu@0.6.2`, or point
//      --webgpu-module at an install elsewhere.
//   2. Headless Chromium (--enable-unsafe-webgpu): only probed, to say whether the browser sees a
//      hardware adapter; the browser-side figures (click → Sankey on WebGPU) come from
//      `npm run bench:ui -- --webgpu`.
// A software adapter (SwiftShader, llvmpipe, lavapipe, or one flagged isFallbackAdapter) is not a
// GPU: it is named and nothing is measured. Without any adapter it says "no GPU adapter" and exits
// 0 without numbers. It never writes docs/benchmarks.md: the figures go there by hand, with the
// GPU's name (docs/benchmarks.md, "WebGPU on a real GPU").
// Options: --runs-scale X, --webgpu-module PATH, --no-chromium, --check-wasm (also times the WASM
// rows alone: a self-check of this script on a machine without a GPU).
import * as tf from '@tensorflow/tfjs-core';
import { chromium } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  buildNetwork,
  computeGates,
  disposeNetwork,
  imageStatistics,
  nonZeroPixels,
  queryPixels,
} from '../src/pathways/index';
import {
  hasShippedModel,
  loadShippedModel,
  readSampleSet,
  sampleInput,
  VGG_MODEL_IDS,
} from './lib/shipped';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUN_SCALE = Number(option('--runs-scale') ?? '1');
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i;
const TARGET_QUERY_MS = 5;

interface AdapterFacts {
  description: string;
  isFallback: boolean;
}

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
  isFallbackAdapter?: boolean;
  requestDevice(descriptor?: unknown): Promise<unknown>;
  limits?: Record<string, number>;
  features?: Iterable<string>;
}

function describe(adapter: GpuAdapterLike): AdapterFacts {
  const info = adapter.info ?? {};
  const description = [info.vendor, info.architecture, info.device, info.description]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .join(' ');
  const flagged = Boolean(
    (info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? adapter.isFallbackAdapter,
  );
  return { description, isFallback: flagged || SOFTWARE.test(description) };
}

/** Node's WebGPU through the optional `webgpu` package, or why there is none. */
async function nodeAdapter(): Promise<{ adapter: GpuAdapterLike | null; note: string }> {
  const where = option('--webgpu-module');
  const specifier = where ? pathToFileURL(where).href : 'webgpu';
  let mod: { create(flags: string[]): unknown; globals: object };
  try {
    mod = (await import(specifier)) as typeof mod;
  } catch {
    return {
      adapter: null,
      note: 'Node: the optional `webgpu` package is not installed (`npm install --no-save webgpu@0.6.2`)',
    };
  }
  Object.assign(globalThis, mod.globals);
  const gpu = mod.create([]) as { requestAdapter(o?: unknown): Promise<GpuAdapterLike | null> };
  const adapter =
    (await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null)) ??
    (await gpu.requestAdapter().catch(() => null));
  if (!adapter) return { adapter: null, note: 'Node (Dawn): no GPU adapter' };
  const facts = describe(adapter);
  if (facts.isFallback) {
    return {
      adapter: null,
      note: `Node (Dawn): only a software adapter (${facts.description || 'unnamed'}); not a GPU`,
    };
  }
  (globalThis as { navigator?: unknown }).navigator ??= { gpu };
  (globalThis as { navigator: { gpu?: unknown } }).navigator.gpu ??= gpu;
  return { adapter, note: `Node (Dawn): ${facts.description || 'unnamed adapter'}` };
}

/** What headless Chromium's WebGPU sees on this machine (it is not used for the figures). */
async function chromiumAdapter(): Promise<string> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-features=Vulkan'],
  });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    const found = await page.evaluate(async () => {
      const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      if (!gpu) return null;
      const a = (await gpu.requestAdapter()) as {
        info?: Record<string, unknown>;
        isFallbackAdapter?: boolean;
      } | null;
      if (!a) return null;
      const info = a.info ?? {};
      return {
        text: ['vendor', 'architecture', 'device', 'description']
          .map((k) => info[k])
          .filter((v) => typeof v === 'string' && v.length > 0)
          .join(' '),
        fallback: Boolean(info.isFallbackAdapter ?? a.isFallbackAdapter),
      };
    });
    if (!found) return 'Chromium: no GPU adapter';
    const software = found.fallback || SOFTWARE.test(found.text);
    return software
      ? `Chromium: only a software adapter (${found.text || 'unnamed'}); not a GPU`
      : `Chromium: ${found.text || 'unnamed adapter'} (measure the app on it with \`npm run bench:ui -- --webgpu\`)`;
  } finally {
    await browser.close();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Counts device → host reads while `fn` runs (tfjs's backend read/readSync). */
async function countReads<T>(fn: () => Promise<T>): Promise<{ value: T; reads: number }> {
  const backend = tf.backend() as unknown as {
    read: (id: object) => Promise<unknown>;
    readSync: (id: object) => unknown;
  };
  const read = backend.read.bind(backend);
  const readSync = backend.readSync.bind(backend);
  let reads = 0;
  backend.read = (id) => {
    reads += 1;
    return read(id);
  };
  backend.readSync = (id) => {
    reads += 1;
    return readSync(id);
  };
  try {
    return { value: await fn(), reads };
  } finally {
    backend.read = read;
    backend.readSync = readSync;
  }
}

async function timeIt(fn: () => Promise<unknown>, runs: number): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < Math.max(3, Math.round(runs * RUN_SCALE)); i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

interface Row {
  model: string;
  backend: string;
  query: number;
  queryReads: number;
  stats: number;
}

async function measure(id: 'mnist' | (typeof VGG_MODEL_IDS)[number], backend: string) {
  const model = await loadShippedModel(id);
  await tf.setBackend(backend);
  await tf.ready();
  const set = readSampleSet(id === 'mnist' ? 'mnist' : id === 'vgg-mnist' ? 'mnist' : 'fashion');
  const image = sampleInput(set, 3);
  const net = buildNetwork(model);
  try {
    const gates = await computeGates(net, image);
    const pixels = nonZeroPixels(gates);
    const pixel = pixels[Math.floor(pixels.length / 2)] as number;
    const { reads } = await countReads(() => queryPixels(net, gates, [pixel]));
    const query = await timeIt(() => queryPixels(net, gates, [pixel]), 40);
    const stats = await timeIt(() => imageStatistics(net, gates), id === 'mnist' ? 10 : 3);
    return { model: id, backend, query, queryReads: reads, stats };
  } finally {
    disposeNetwork(net);
    model.dispose();
  }
}

async function main(): Promise<void> {
  const notes: string[] = [];
  const node = await nodeAdapter();
  notes.push(node.note);
  if (!args.includes('--no-chromium')) {
    notes.push(await chromiumAdapter().catch((e: Error) => `Chromium: not probed (${e.message})`));
  }
  for (const n of notes) console.log(n);
  if (args.includes('--check-wasm')) {
    // A self-check of the measuring code on this machine's WASM (no GPU figures).
    for (const id of ['mnist', ...VGG_MODEL_IDS.filter((v) => hasShippedModel(v))] as const) {
      const r = await measure(id, 'wasm');
      console.log(
        `check ${r.model} wasm: query ${r.query.toFixed(2)} ms (${r.queryReads} read-backs), whole image ${r.stats.toFixed(1)} ms`,
      );
    }
  }
  if (!node.adapter) {
    console.log('\nNo GPU adapter that is a real GPU: nothing measured.');
    return;
  }
  // A real GPU in Node: register tfjs's WebGPU backend on it (its own check wants a window).
  const webgpu = await import('@tensorflow/tfjs-backend-webgpu');
  const adapter = node.adapter;
  tf.registerBackend('webgpu', async () => {
    const device = await adapter.requestDevice();
    return new webgpu.WebGPUBackend(
      device as ConstructorParameters<typeof webgpu.WebGPUBackend>[0],
    ) as unknown as tf.KernelBackend;
  });
  const loadBefore = loadavg()[0] ?? 0;
  const rows: Row[] = [];
  const ids = ['mnist', ...VGG_MODEL_IDS.filter((id) => hasShippedModel(id))] as const;
  for (const id of ids) {
    for (const backend of ['webgpu', 'wasm']) {
      const row = await measure(id, backend);
      rows.push(row);
      console.log(
        `${row.model} ${row.backend}: query ${row.query.toFixed(2)} ms (${row.queryReads} read-backs), whole image ${row.stats.toFixed(1)} ms`,
      );
    }
  }
  const loadAfter = loadavg()[0] ?? 0;
  console.log(
    `\n${new Date().toISOString().slice(0, 16)} UTC, ${node.note}, CPU ${cpus()[0]?.model ?? '?'} (${cpus().length} cores), Node ${process.version}, tfjs ${tf.version_core}; load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
  );
  console.log(
    '| model | backend | one-pixel query ms (median) | read-backs per query | whole image ms |',
  );
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.model} | ${r.backend} | ${r.query.toFixed(2)} | ${r.queryReads} | ${r.stats.toFixed(1)} |`,
    );
  }
  for (const r of rows.filter((x) => x.backend === 'webgpu')) {
    const wasm = rows.find((x) => x.model === r.model && x.backend === 'wasm');
    const ratio = wasm ? ` (${(wasm.query / r.query).toFixed(2)}× WASM's speed)` : '';
    console.log(
      `- ${r.model}: one-pixel query ${r.query.toFixed(2)} ms on WebGPU${ratio}, target ≤ ${TARGET_QUERY_MS} ms: ${r.query <= TARGET_QUERY_MS ? 'met' : 'NOT met'}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
