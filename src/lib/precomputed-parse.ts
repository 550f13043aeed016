/**
 * Strict reading of a precomputed example file (see precomputed.ts). The file comes from our own
 * site, but a stale or damaged file must never draw a wrong figure: every array is checked against
 * the layer shapes, and anything off throws, so the app simply waits for the live model.
 */
import type { ImageForward, PathwayLayerInfo, PixelQueryResult } from '../pathways/types';
import { PRECOMPUTED_FORMAT, type PrecomputedView } from './precomputed';
import { parseRegion, regionPixels } from './selection';

export class PrecomputedError extends Error {
  override name = 'PrecomputedError';
}

type Obj = Record<string, unknown>;

function fail(what: string): never {
  throw new PrecomputedError(`The precomputed example is unusable: ${what}.`);
}

function obj(v: unknown, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${what} is not an object`);
  return v as Obj;
}

function int(v: unknown, what: string, min = 0, max = 1e6): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(`bad ${what}`);
  return v;
}

/** A number that stays finite in float32 (1e300 is finite in JSON but Infinity in a Float32Array,
 * and would draw NaN bands). */
function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(Math.fround(v))) fail(`bad ${what}`);
  return v;
}

function floats(v: unknown, length: number, what: string): Float32Array {
  if (!Array.isArray(v) || v.length !== length) fail(`${what} should have ${length} numbers`);
  return Float32Array.from(v, (x: unknown) => num(x, what));
}

function ints(v: unknown, what: string, max: number): number[] {
  if (!Array.isArray(v)) fail(`${what} is not a list`);
  return v.map((x: unknown) => int(x, what, 0, max));
}

const KINDS = new Set(['conv', 'pool', 'dense', 'logits']);

function layerInfo(v: unknown, index: number): PathwayLayerInfo {
  const o = obj(v, `layer ${index}`);
  const kind = o['kind'];
  const name = o['name'];
  if (typeof kind !== 'string' || !KINDS.has(kind)) fail(`layer ${index} has no kind`);
  if (typeof name !== 'string' || !/^[\w.]{1,64}$/.test(name)) fail(`layer ${index} has no name`);
  return {
    index: int(o['index'], 'layer index', index, index),
    name,
    kind: kind as PathwayLayerInfo['kind'],
    height: int(o['height'], 'layer height', 1, 4096),
    width: int(o['width'], 'layer width', 1, 4096),
    channels: int(o['channels'], 'layer channels', 1, 4096),
  };
}

function parseResult(v: unknown): PixelQueryResult {
  const r = obj(v, 'result');
  const inp = obj(r['input'], 'input');
  const input = {
    height: int(inp['height'], 'input height', 1, 255),
    width: int(inp['width'], 'input width', 1, 255),
    channels: int(inp['channels'], 'input channels', 1, 4),
  };
  if (!Array.isArray(r['layers']) || r['layers'].length === 0) fail('no layers');
  const layers = (r['layers'] as unknown[]).map(layerInfo);
  const last = layers[layers.length - 1] as PathwayLayerInfo;
  const channelsBefore = (l: number) =>
    l === 0 ? input.channels : (layers[l - 1] as PathwayLayerInfo).channels;
  const list = (key: string) => {
    const a = r[key];
    if (!Array.isArray(a) || a.length !== layers.length) fail(`${key} needs one entry per layer`);
    return a as unknown[];
  };
  const sizes = list('sizes').map((s, l) => {
    const o = obj(s, 'sizes');
    const C = (layers[l] as PathwayLayerInfo).channels;
    return {
      signed: floats(o['signed'], C, 'sizes'),
      positive: floats(o['positive'], C, 'sizes'),
      l1: floats(o['l1'], C, 'sizes'),
    };
  });
  const nodeFlow = list('nodeFlow').map((f, l) =>
    floats(f, (layers[l] as PathwayLayerInfo).channels, 'nodeFlow'),
  );
  const edgeFlow = list('edgeFlow').map((f, l) =>
    floats(f, channelsBefore(l) * (layers[l] as PathwayLayerInfo).channels, 'edgeFlow'),
  );
  if (!Array.isArray(r['chains'])) fail('chains is not a list');
  const chains = (r['chains'] as unknown[]).map((c) => {
    const o = obj(c, 'chain');
    const maps = ints(o['maps'], 'chain', 4096);
    if (maps.length !== layers.length) fail('a chain does not cross every layer');
    return { maps, flow: num(o['flow'], 'chain flow') };
  });
  const pixels = ints(r['pixels'], 'pixels', input.height * input.width - 1);
  if (pixels.length === 0) fail('no pixels');
  return {
    pixels,
    classIndex: int(r['classIndex'], 'class', 0, last.channels - 1),
    input,
    layers,
    sizes,
    nodeFlow,
    edgeFlow,
    inputFlow: floats(r['inputFlow'], input.channels, 'inputFlow'),
    relevance: num(r['relevance'], 'relevance'),
    // Not shipped: the feature-map panel waits for the live model.
    diffusion: [],
    chains,
    beamWidth: int(r['beamWidth'], 'beam width', 1, 4096),
    maxConservationError: num(r['maxConservationError'], 'conservation error'),
  };
}

/** The method's conservation (docs/method.md, definition 5): each layer's map flows add up to the
 * selection's total, and each map's incoming edge flows add up to its flow. A file edited by hand
 * or damaged in transit fails here instead of drawing bands that do not balance. */
function checkBalance(r: PixelQueryResult): void {
  const tolerance = 1e-3 * Math.max(1, Math.abs(r.relevance));
  const sum = (a: Float32Array) => a.reduce((t, x) => t + x, 0);
  r.nodeFlow.forEach((flows, l) => {
    if (Math.abs(sum(flows) - r.relevance) > tolerance) fail(`layer ${l}'s flows do not add up`);
    const J = l === 0 ? r.input.channels : (r.layers[l - 1] as PathwayLayerInfo).channels;
    flows.forEach((flow, k) => {
      let incoming = 0;
      for (let j = 0; j < J; j++) incoming += r.edgeFlow[l]?.[j * flows.length + k] ?? 0;
      if (Math.abs(incoming - flow) > tolerance) fail(`map ${k} of layer ${l} does not balance`);
    });
  });
}

export function parsePrecomputed(json: unknown): PrecomputedView {
  const f = obj(json, 'the file');
  if (f['format'] !== PRECOMPUTED_FORMAT) fail(`the format is not ${PRECOMPUTED_FORMAT}`);
  const result = parseResult(f['result']);
  checkBalance(result);
  const { height: H, width: W } = result.input;
  const px = f['px'];
  const region = typeof px === 'string' ? parseRegion(px, W, H) : null;
  if (!region) fail('bad px');
  const pixels = regionPixels(region, W);
  if (pixels.join() !== result.pixels.join()) fail('px does not match the result');
  const K = (result.layers[result.layers.length - 1] as PathwayLayerInfo).channels;
  const probabilities = floats(f['probabilities'], K, 'probabilities');
  const rel = obj(f['classRelevance'], 'classRelevance');
  const relPixels = ints(rel['pixels'], 'relevance pixels', H * W - 1);
  const values = rel['values'];
  if (!Array.isArray(values) || values.length !== K) fail('relevance needs one row per class');
  const relevance = new Float32Array(K * H * W);
  values.forEach((row: unknown, c) => {
    const v = floats(row, relPixels.length, 'relevance');
    relPixels.forEach((p, i) => (relevance[c * H * W + p] = v[i] as number));
  });
  const forward: ImageForward = {
    input: { ...result.input },
    layers: result.layers,
    activations: [],
    relevance,
    classCount: K,
    probabilities,
    prediction: int(f['prediction'], 'prediction', 0, K - 1),
  };
  const model = f['model'];
  if (typeof model !== 'string' || !/^[a-z][a-z-]{0,19}$/.test(model)) fail('bad model id');
  return { modelId: model, sample: int(f['sample'], 'sample'), region, pixels, result, forward };
}
