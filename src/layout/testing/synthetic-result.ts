// A realistic, seeded PixelQueryResult built from a synthetic conserved flow, for layout tests and
// the dev harness (scripts/sankey-fixture.ts). Flows are generated in float64 so that they balance
// exactly, then stored as float32 like the engine's, which leaves the same ~1e-7 relative rounding.
import type {
  Measure,
  PathwayChain,
  PathwayLayerInfo,
  PathwayLayerKind,
  PixelQueryResult,
} from '../../pathways/types';

export interface SyntheticLayer {
  name: string;
  kind: PathwayLayerKind;
  channels: number;
  size: number;
}

export interface SyntheticSpec {
  seed: number;
  layers: SyntheticLayer[];
  inputSize: number;
  inputChannels: number;
  pixels: number[];
  classIndex: number;
  /** R_c(p): the total flow, the same through every column. */
  relevance: number;
  /** Share of maps gated off (silent) in conv/dense layers. */
  silentShare: number;
  /** Spread of signed noise per edge relative to an even split; larger → more negative links. */
  noise: number;
}

/** The project's MNIST VGG-style layout: conv1_1, conv1_2, pool1, conv2_1, conv2_2, pool2, dense1, logits. */
export const MNIST_LIKE_LAYERS: SyntheticLayer[] = [
  { name: 'conv1_1', kind: 'conv', channels: 8, size: 28 },
  { name: 'conv1_2', kind: 'conv', channels: 8, size: 28 },
  { name: 'pool1', kind: 'pool', channels: 8, size: 14 },
  { name: 'conv2_1', kind: 'conv', channels: 16, size: 14 },
  { name: 'conv2_2', kind: 'conv', channels: 16, size: 14 },
  { name: 'pool2', kind: 'pool', channels: 16, size: 7 },
  { name: 'dense1', kind: 'dense', channels: 64, size: 1 },
  { name: 'logits', kind: 'logits', channels: 10, size: 1 },
];

export const DEFAULT_SPEC: SyntheticSpec = {
  seed: 7,
  layers: MNIST_LIKE_LAYERS,
  inputSize: 28,
  inputChannels: 1,
  pixels: [14 * 28 + 9],
  classIndex: 3,
  relevance: 0.84,
  silentShare: 0.2,
  noise: 0.6,
};

/** mulberry32: tiny, seeded, good enough for fixtures. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(1e-12, rand());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Splits each source's flow over the live targets: heavy-tailed shares plus zero-mean noise. */
function splitLayer(prev: Float64Array, channels: number, spec: SyntheticSpec, rand: () => number) {
  const live: number[] = [];
  for (let k = 0; k < channels; k++) if (rand() >= spec.silentShare) live.push(k);
  if (live.length === 0) live.push(0);
  const weight = live.map(() => Math.exp(1.3 * gaussian(rand)));
  const wSum = weight.reduce((s, w) => s + w, 0);
  const edges = new Float64Array(prev.length * channels);
  for (let j = 0; j < prev.length; j++) {
    const f = prev[j] ?? 0;
    if (f === 0) continue;
    const noise = live.map(() => gaussian(rand) * spec.noise * (Math.abs(f) / live.length) * 2);
    const mean = noise.reduce((s, n) => s + n, 0) / live.length;
    live.forEach((k, i) => {
      edges[j * channels + k] = (f * (weight[i] ?? 0)) / wSum + (noise[i] ?? 0) - mean;
    });
  }
  return edges;
}

export function syntheticPixelQuery(overrides: Partial<SyntheticSpec> = {}): PixelQueryResult {
  const spec: SyntheticSpec = { ...DEFAULT_SPEC, ...overrides };
  const rand = seededRandom(spec.seed);
  const layers: PathwayLayerInfo[] = spec.layers.map((l, index) => ({
    index,
    name: l.name,
    kind: l.kind,
    height: l.size,
    width: l.size,
    channels: l.channels,
  }));
  // Input channels share the relevance unevenly (colour images) or carry all of it (grey).
  let prev = new Float64Array(spec.inputChannels);
  for (let j = 0; j < spec.inputChannels; j++) prev[j] = spec.relevance / spec.inputChannels;
  const inputFlow = Float32Array.from(prev);
  const edgeFlow: Float32Array[] = [];
  const nodeFlow: Float32Array[] = [];
  for (const layer of layers) {
    const C = layer.channels;
    let edges: Float64Array;
    if (layer.kind === 'pool') {
      edges = new Float64Array(prev.length * C);
      for (let j = 0; j < C; j++) edges[j * C + j] = prev[j] ?? 0;
    } else if (layer.kind === 'logits') {
      edges = new Float64Array(prev.length * C);
      for (let j = 0; j < prev.length; j++) edges[j * C + spec.classIndex] = prev[j] ?? 0;
    } else {
      edges = splitLayer(prev, C, spec, rand);
    }
    const flow = new Float64Array(C);
    for (let j = 0; j < prev.length; j++) {
      for (let k = 0; k < C; k++) flow[k]! += edges[j * C + k] ?? 0;
    }
    edgeFlow.push(Float32Array.from(edges));
    nodeFlow.push(Float32Array.from(flow));
    prev = flow;
  }
  const sizes = layers.map((_, l) => {
    const f = nodeFlow[l]!;
    const record: Record<Measure, Float32Array> = {
      signed: f.map((v) => v * 2.5),
      positive: f.map((v) => Math.max(0, v) * 2.5 + Math.abs(v) * 0.5),
      l1: f.map((v) => Math.abs(v) * 3.5),
    };
    return record;
  });
  return {
    pixels: [...spec.pixels],
    classIndex: spec.classIndex,
    input: { height: spec.inputSize, width: spec.inputSize, channels: spec.inputChannels },
    layers,
    sizes,
    nodeFlow,
    edgeFlow,
    inputFlow,
    relevance: spec.relevance,
    diffusion: layers.map((l) => new Float32Array(l.height * l.width * l.channels)),
    chains: greedyChains(nodeFlow),
    beamWidth: 4,
    maxConservationError: 0,
  };
}

/** A stand-in for the engine's beam search: the top map per layer, then a few variations. */
function greedyChains(nodeFlow: Float32Array[]): PathwayChain[] {
  const top = nodeFlow.map((f) => {
    let best = 0;
    for (let k = 1; k < f.length; k++) if (Math.abs(f[k]!) > Math.abs(f[best]!)) best = k;
    return best;
  });
  return [{ maps: top, flow: Math.min(...nodeFlow.map((f, l) => Math.abs(f[top[l]!]!))) }];
}

/** A zero-valued pixel: every flow is exactly zero (MNIST background). */
export function zeroPixelQuery(overrides: Partial<SyntheticSpec> = {}): PixelQueryResult {
  return syntheticPixelQuery({ ...overrides, relevance: 0 });
}

export interface EdgeSpec {
  layers: SyntheticLayer[];
  /** Per layer, the flow matrix from the previous layer's channels (row) to this layer's (column). */
  edges: number[][];
  inputChannels?: number;
  classIndex: number;
  pixels?: number[];
  inputSize?: number;
}

/**
 * A PixelQueryResult with exactly the given edge flows: node flows are their column sums, the
 * input's flow its row sums, and R_c(p) the chosen class's flow. For hand-written cases (e.g.
 * large negative flows) whose expected numbers a test can state exactly.
 */
export function pixelQueryFromEdges(spec: EdgeSpec): PixelQueryResult {
  const inputChannels = spec.inputChannels ?? 1;
  const inputSize = spec.inputSize ?? 28;
  const layers: PathwayLayerInfo[] = spec.layers.map((l, index) => ({
    index,
    name: l.name,
    kind: l.kind,
    height: l.size,
    width: l.size,
    channels: l.channels,
  }));
  let sources = inputChannels;
  const inputFlow = new Float32Array(inputChannels);
  const nodeFlow: Float32Array[] = [];
  const edgeFlow = layers.map((layer, l) => {
    const e = spec.edges[l] ?? [];
    const C = layer.channels;
    if (e.length !== sources * C) {
      throw new Error(`edges[${l}] has ${e.length} entries, expected ${sources}×${C}`);
    }
    const flow = new Float64Array(C);
    for (let j = 0; j < sources; j++) {
      for (let k = 0; k < C; k++) {
        const v = e[j * C + k] ?? 0;
        flow[k]! += v;
        if (l === 0) inputFlow[j]! += v;
      }
    }
    nodeFlow.push(Float32Array.from(flow));
    sources = C;
    return Float32Array.from(e);
  });
  const sizes = nodeFlow.map((f) => ({
    signed: f.map((v) => v),
    positive: f.map((v) => Math.max(0, v)),
    l1: f.map((v) => Math.abs(v)),
  }));
  return {
    pixels: spec.pixels ?? [14 * inputSize + 9],
    classIndex: spec.classIndex,
    input: { height: inputSize, width: inputSize, channels: inputChannels },
    layers,
    sizes,
    nodeFlow,
    edgeFlow,
    inputFlow,
    relevance: nodeFlow[nodeFlow.length - 1]?.[spec.classIndex] ?? 0,
    diffusion: layers.map((l) => new Float32Array(l.height * l.width * l.channels)),
    chains: [],
    beamWidth: 4,
    maxConservationError: 0,
  };
}

/**
 * Large negative flows, for ranking tests: one pixel → five conv maps with flows
 * +1, −5, +0.5, −0.25, +0.75 → five dense units with flows −4, +0.5, +1.25, −0.25, −0.5 → class 1,
 * so R_c(p) = −3. By |flow| the −5 map and the −4 unit rank first; by signed flow they would rank
 * last (descending) and the +1 map second to last (ascending). Every value is a small dyadic
 * fraction, exact in float32, so "other" sums are exact too.
 */
export function negativeFlowQuery(): PixelQueryResult {
  // Row j: conv map j's flow split over the dense units (rows sum to the map's flow).
  // prettier-ignore
  const convToDense = [
  //  u0     u1    u2     u3     u4
      0,     0,    1,     0,     0,     // map 0: +1
      -4.5,  0.5,  0,     -0.5,  -0.5,  // map 1: −5
      0,     0,    0.25,  0.25,  0,     // map 2: +0.5
      0,     0,    0,     0,     -0.25, // map 3: −0.25
      0.5,   0,    0,     0,     0.25,  // map 4: +0.75
  ];
  const dense = [-4, 0.5, 1.25, -0.25, -0.5];
  return pixelQueryFromEdges({
    layers: [
      { name: 'conv1', kind: 'conv', channels: 5, size: 28 },
      { name: 'dense1', kind: 'dense', channels: 5, size: 1 },
      { name: 'logits', kind: 'logits', channels: 2, size: 1 },
    ],
    edges: [[1, -5, 0.5, -0.25, 0.75], convToDense, dense.flatMap((f) => [0, f])],
    classIndex: 1,
  });
}
