// An independent, deliberately naive reference of definitions 1–3 for tests: plain float64 loops
// over the plain NetworkSpec, no tfjs. Slow; use on small nets or a handful of pixels.
import type { LayerSpec, NetworkSpec } from '../network';

export interface RefGates {
  z: Float64Array[];
  h: Float64Array[];
  masks: Array<Uint8Array | null>;
  switches: Array<Int32Array | null>;
}

function convLayer(
  layer: LayerSpec & { kind: 'conv' },
  x: Float64Array,
  bias: boolean,
): Float64Array {
  const [Hi, Wi, Ci] = layer.inShape;
  const { height: Ho, width: Wo, channels: Co } = layer.info;
  const [kh, kw] = layer.kernelSize;
  const [sh, sw] = layer.strides;
  const out = new Float64Array(Ho * Wo * Co);
  for (let u = 0; u < Ho; u++) {
    for (let v = 0; v < Wo; v++) {
      for (let k = 0; k < Co; k++) {
        let acc = bias ? layer.bias[k]! : 0;
        for (let a = 0; a < kh; a++) {
          const r = u * sh - layer.pads.top + a;
          if (r < 0 || r >= Hi) continue;
          for (let b = 0; b < kw; b++) {
            const c = v * sw - layer.pads.left + b;
            if (c < 0 || c >= Wi) continue;
            for (let j = 0; j < Ci; j++) {
              acc += x[(r * Wi + c) * Ci + j]! * layer.kernel[((a * kw + b) * Ci + j) * Co + k]!;
            }
          }
        }
        out[(u * Wo + v) * Co + k] = acc;
      }
    }
  }
  return out;
}

/** Channel means of an H×W×C map (what a folded GlobalAveragePooling2D hands its Dense). */
function channelMeans(x: Float64Array, [H, W, C]: [number, number, number]): Float64Array {
  const out = new Float64Array(C);
  for (let i = 0; i < H * W; i++) for (let c = 0; c < C; c++) out[c]! += x[i * C + c]!;
  return out.map((v) => v / (H * W));
}

function denseLayer(
  layer: LayerSpec & { kind: 'dense' | 'logits' },
  input: Float64Array,
  bias: boolean,
): Float64Array {
  const x = layer.meanInput ? channelMeans(input, layer.inShape) : input;
  const n = x.length;
  const Co = layer.info.channels;
  const out = new Float64Array(Co);
  for (let k = 0; k < Co; k++) {
    let acc = bias ? layer.bias[k]! : 0;
    for (let i = 0; i < n; i++) acc += x[i]! * layer.weights[i * Co + k]!;
    out[k] = acc;
  }
  return out;
}

function poolSwitchesRef(layer: LayerSpec & { kind: 'pool' }, x: Float64Array): Int32Array {
  const [Hi, Wi, C] = layer.inShape;
  const { height: Ho, width: Wo } = layer.info;
  const out = new Int32Array(Ho * Wo * C);
  for (let u = 0; u < Ho; u++) {
    for (let v = 0; v < Wo; v++) {
      for (let ch = 0; ch < C; ch++) {
        let best = -1;
        for (let a = 0; a < layer.poolSize[0]; a++) {
          for (let b = 0; b < layer.poolSize[1]; b++) {
            const r = u * layer.strides[0] - layer.pads.top + a;
            const c = v * layer.strides[1] - layer.pads.left + b;
            if (r < 0 || r >= Hi || c < 0 || c >= Wi) continue;
            const i = (r * Wi + c) * C + ch;
            if (best < 0 || x[i]! > x[best]!) best = i;
          }
        }
        out[(u * Wo + v) * C + ch] = best;
      }
    }
  }
  return out;
}

export function refForward(spec: NetworkSpec, image: ArrayLike<number>): RefGates {
  const g: RefGates = { z: [], h: [], masks: [], switches: [] };
  let x: Float64Array = Float64Array.from(image);
  for (const layer of spec.layers) {
    let z: Float64Array;
    if (layer.kind === 'conv') z = convLayer(layer, x, true);
    else if (layer.kind === 'pool') {
      const s = poolSwitchesRef(layer, x);
      g.switches.push(s);
      z = Float64Array.from(s, (i) => x[i]!);
    } else z = denseLayer(layer, x, true);
    if (layer.kind !== 'pool') g.switches.push(null);
    const m = layer.relu ? Uint8Array.from(z, (v) => (v > 0 ? 1 : 0)) : null;
    const h = m ? Float64Array.from(z, (v, i) => v * m[i]!) : z;
    g.z.push(z);
    g.h.push(h);
    g.masks.push(m);
    x = h;
  }
  return g;
}

/** Gated recursion from `start` (definition 2; with bias, definition 3). */
export function refDiffuse(
  spec: NetworkSpec,
  gates: RefGates,
  start: ArrayLike<number>,
  bias = false,
): Float64Array[] {
  const out: Float64Array[] = [];
  let x: Float64Array = Float64Array.from(start);
  spec.layers.forEach((layer, l) => {
    let d: Float64Array;
    if (layer.kind === 'conv') d = convLayer(layer, x, bias);
    else if (layer.kind === 'pool') d = Float64Array.from(gates.switches[l]!, (i) => x[i]!);
    else d = denseLayer(layer, x, bias);
    const m = gates.masks[l];
    if (m) for (let i = 0; i < d.length; i++) d[i] = d[i]! * m[i]!;
    out.push(d);
    x = d;
  });
  return out;
}

/** The image restricted to one pixel (all channels). */
export function onePixel(image: ArrayLike<number>, channels: number, p: number): Float64Array {
  const out = new Float64Array(image.length);
  for (let c = 0; c < channels; c++) out[p * channels + c] = image[p * channels + c]!;
  return out;
}
