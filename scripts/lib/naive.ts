// Straightforward baselines for the benchmark (scripts/bench.ts): the definitions computed
// literally, one full-size tfjs op per term, without the engine's batching and windowing.
// They return the same numbers as the engine (the benchmark checks that), only slower.
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../../src/pathways/network';
import type { Gates, Measure } from '../../src/pathways/types';

interface Dev {
  mask: Array<tf.Tensor | null>;
  switches: Array<tf.Tensor1D | null>;
  dispose(): void;
}

function upload(net: Network, gates: Gates): Dev {
  const made: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T) => (made.push(t), t);
  return {
    mask: net.layers.map((l, i) => {
      const m = gates.masks[i];
      if (!m) return null;
      const { height: H, width: W, channels: C } = l.info;
      return keep(
        l.kind === 'conv' || l.kind === 'pool'
          ? tf.tensor4d(m, [1, H, W, C])
          : tf.tensor2d(m, [1, C]),
      );
    }),
    switches: gates.switches.map((s) => (s ? keep(tf.tensor1d(s, 'int32')) : null)),
    dispose: () => made.forEach((t) => t.dispose()),
  };
}

/** One full-size gated, bias-free forward of a [1,H,W,C] start; every layer's D (batch 1). */
function forward(net: Network, dev: Dev, x: tf.Tensor4D): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  let d: tf.Tensor = x;
  net.layers.forEach((layer, l) => {
    if (layer.kind === 'conv')
      d = tf.conv2d(
        d as tf.Tensor4D,
        net.tensors[l]!.weights as tf.Tensor4D,
        layer.strides,
        layer.padding,
      );
    else if (layer.kind === 'pool') {
      const { height: H, width: W, channels: C } = layer.info;
      d = tf.reshape(tf.gather(tf.reshape(d, [1, -1]), dev.switches[l]!, 1), [1, H, W, C]);
    } else d = tf.matMul(tf.reshape(d, [1, -1]), net.tensors[l]!.weights as tf.Tensor2D);
    const m = dev.mask[l];
    if (m) d = tf.mul(d, m);
    out.push(d);
  });
  return out;
}

/**
 * Baseline for whole-image statistics: a loop of one full-size forward diffusion per pixel,
 * with the three size measures of every map. Results are read back once at the end.
 */
export async function sizesByPixelLoop(
  net: Network,
  gates: Gates,
  pixels: Int32Array,
): Promise<Array<Record<Measure, Float32Array>>> {
  const dev = upload(net, gates);
  const { height: H, width: W, channels: C } = net.input;
  const perPixel: tf.Tensor[] = [];
  for (const p of pixels) {
    perPixel.push(
      tf.tidy(() => {
        const x = new Float32Array(H * W * C);
        for (let c = 0; c < C; c++) x[p * C + c] = gates.image[p * C + c]!;
        const ds = forward(net, dev, tf.tensor4d(x, [1, H, W, C]));
        return tf.concat(
          ds.flatMap((d) => {
            const t = tf.reshape(d, [-1, d.shape[d.rank - 1]!]);
            return [tf.sum(t, 0), tf.sum(tf.relu(t), 0), tf.sum(tf.abs(t), 0)];
          }),
        );
      }),
    );
  }
  const data = await Promise.all(perPixel.map((t) => t.data() as Promise<Float32Array>));
  perPixel.forEach((t) => t.dispose());
  dev.dispose();
  const sizes = net.layers.map((l) => {
    const n = pixels.length * l.info.channels;
    return { signed: new Float32Array(n), positive: new Float32Array(n), l1: new Float32Array(n) };
  });
  data.forEach((row, i) => {
    let at = 0;
    net.layers.forEach((l, li) => {
      const C2 = l.info.channels;
      for (const m of ['signed', 'positive', 'l1'] as const) {
        sizes[li]![m].set(row.subarray(at, at + C2), i * C2);
        at += C2;
      }
    });
  });
  return sizes;
}

/**
 * The straightforward one-pixel query: the same forward and backward passes, but every edge flow
 * E_l[j,k] by its own single-channel full-size conv (dense: one matMul per source map) and every
 * chain candidate by its own conv. Returns node flows, edge flows and the top chains' flows.
 */
export async function naiveQuery(
  net: Network,
  gates: Gates,
  pixel: number,
  classIndex: number,
  beamWidth: number,
  topChains: number,
): Promise<{
  nodeFlow: Float32Array[];
  edgeFlow: Float32Array[];
  chains: Array<{ maps: number[]; flow: number }>;
}> {
  const dev = upload(net, gates);
  const { height: H, width: W, channels: C } = net.input;
  const L = net.layers.length;
  const kept: tf.Tensor[] = [];
  try {
    const { ds, gs, x } = tf.tidy(() => {
      const sel = new Float32Array(H * W * C);
      for (let c = 0; c < C; c++) sel[pixel * C + c] = gates.image[pixel * C + c]!;
      const x = tf.tensor4d(sel, [1, H, W, C]);
      const ds = forward(net, dev, x);
      // Backward with the stock transposed ops (conv2dTranspose, scatter by one-hot matMul).
      const gs: tf.Tensor[] = new Array<tf.Tensor>(L);
      let g: tf.Tensor = tf.cast(
        tf.oneHot(tf.tensor1d([classIndex], 'int32'), net.classCount),
        'float32',
      );
      for (let l = L - 1; l >= 0; l--) {
        gs[l] = g;
        const layer = net.layers[l]!;
        const m = dev.mask[l];
        const gm = m ? tf.mul(g, m) : g;
        const [Hi, Wi, Ci] = layer.inShape;
        if (layer.kind === 'conv')
          g = tf.conv2dTranspose(
            gm as tf.Tensor4D,
            net.tensors[l]!.weights as tf.Tensor4D,
            [1, Hi, Wi, Ci],
            layer.strides,
            layer.padding,
          );
        else if (layer.kind === 'pool') {
          const route = tf.oneHot(dev.switches[l]!, Hi * Wi * Ci); // [N_out, N_in]
          g = tf.reshape(tf.matMul(tf.reshape(gm, [1, -1]), tf.cast(route, 'float32')), [
            1,
            Hi,
            Wi,
            Ci,
          ]);
        } else {
          g = tf.matMul(gm as tf.Tensor2D, net.tensors[l]!.weights as tf.Tensor2D, false, true);
          if (l > 0 && net.layers[l - 1]!.kind !== 'dense') g = tf.reshape(g, [1, Hi, Wi, Ci]);
        }
      }
      return { ds, gs, x };
    });
    kept.push(...ds, ...gs, x);
    const pending: tf.Tensor[] = [];
    // Node flows.
    ds.forEach((d, l) =>
      pending.push(
        tf.tidy(() => tf.sum(tf.reshape(tf.mul(d, gs[l]!), [-1, net.layers[l]!.info.channels]), 0)),
      ),
    );
    // Edge flows, one op per (j, k) pair for convs.
    net.layers.forEach((layer, l) => {
      const prev = l === 0 ? x : ds[l - 1]!;
      const [Hi, Wi, Ci] = layer.inShape;
      const Co = layer.info.channels;
      pending.push(
        tf.tidy(() => {
          const m = dev.mask[l];
          const gm = m ? tf.mul(gs[l]!, m) : gs[l]!;
          const values: tf.Tensor[] = [];
          for (let j = 0; j < Ci; j++) {
            if (layer.kind === 'conv') {
              const dj = tf.slice(prev as tf.Tensor4D, [0, 0, 0, j], [1, Hi, Wi, 1]);
              for (let k = 0; k < Co; k++) {
                const kjk = tf.slice(
                  net.tensors[l]!.weights as tf.Tensor4D,
                  [0, 0, j, k],
                  [-1, -1, 1, 1],
                );
                const part = tf.conv2d(dj, kjk as tf.Tensor4D, layer.strides, layer.padding);
                values.push(
                  tf.sum(tf.mul(part, tf.slice(gm as tf.Tensor4D, [0, 0, 0, k], [1, -1, -1, 1]))),
                );
              }
            } else if (layer.kind === 'pool') {
              for (let k = 0; k < Co; k++)
                values.push(
                  j === k
                    ? tf.sum(
                        tf.slice(tf.reshape(tf.mul(ds[l]!, gs[l]!), [-1, Co]), [0, k], [-1, 1]),
                      )
                    : tf.scalar(0),
                );
            } else {
              // rows of source map j in the flattened input: index (r*W+c)*C + j
              const rows = tf.tensor1d(
                Int32Array.from({ length: Hi * Wi }, (_, i) => i * Ci + j),
                'int32',
              );
              const w = tf.gather(net.tensors[l]!.weights!, rows); // [HW, Co]
              const dj = tf.gather(tf.reshape(prev, [-1]), rows); // [HW]
              values.push(tf.mul(tf.matMul(tf.reshape(dj, [1, -1]), w as tf.Tensor2D), gm));
            }
          }
          return tf.reshape(tf.concat(values.map((v) => tf.reshape(v, [-1]))), [-1]);
        }),
      );
    });
    // Chains: beam search, one conv / matMul per candidate.
    let beam: Array<{ maps: number[]; d: tf.Tensor; flow: number }> = [];
    {
      const flows = await pending[0]!.data();
      const order = Array.from(flows.keys())
        .sort((a, b) => Math.abs(flows[b]!) - Math.abs(flows[a]!))
        .slice(0, beamWidth);
      beam = order.map((k) => ({
        maps: [k],
        d: tf.tidy(() => tf.slice(ds[0]!, [0, 0, 0, k], [1, -1, -1, 1])),
        flow: flows[k]!,
      }));
    }
    for (let l = 1; l < L; l++) {
      const layer = net.layers[l]!;
      const Co = layer.info.channels;
      const cands: Array<{ maps: number[]; d: tf.Tensor; score: tf.Tensor }> = [];
      for (const b of beam) {
        const j = b.maps[b.maps.length - 1]!;
        const ks =
          layer.kind === 'pool'
            ? [j]
            : layer.kind === 'logits'
              ? [classIndex]
              : Array.from({ length: Co }, (_, k) => k);
        for (const k of ks) {
          const r = tf.tidy(() => {
            let d: tf.Tensor;
            const [Hi, Wi, Ci] = layer.inShape;
            if (layer.kind === 'conv') {
              const kjk = tf.slice(
                net.tensors[l]!.weights as tf.Tensor4D,
                [0, 0, j, k],
                [-1, -1, 1, 1],
              );
              d = tf.conv2d(b.d as tf.Tensor4D, kjk as tf.Tensor4D, layer.strides, layer.padding);
            } else if (layer.kind === 'pool') {
              const onehot = tf.cast(tf.oneHot(tf.tensor1d([j], 'int32'), Ci), 'float32');
              const full = tf.mul(onehot, tf.reshape(b.d, [-1, 1])); // map j placed on channel j
              d = tf.reshape(tf.gather(tf.reshape(full, [1, -1]), dev.switches[l]!, 1), [
                1,
                layer.info.height,
                layer.info.width,
                Ci,
              ]);
              d = tf.slice(d as tf.Tensor4D, [0, 0, 0, j], [1, -1, -1, 1]);
            } else {
              const rows = tf.tensor1d(
                Int32Array.from({ length: Hi * Wi }, (_, i) => i * Ci + j),
                'int32',
              );
              const w = tf.slice(tf.gather(net.tensors[l]!.weights!, rows), [0, k], [-1, 1]);
              d = tf.matMul(tf.reshape(b.d, [1, -1]), w as tf.Tensor2D);
            }
            const m = dev.mask[l];
            if (m) {
              const mk =
                layer.kind === 'conv' || layer.kind === 'pool'
                  ? tf.slice(m as tf.Tensor4D, [0, 0, 0, k], [1, -1, -1, 1])
                  : tf.slice(m, [0, k], [1, 1]);
              d = tf.mul(d, mk);
            }
            const gk =
              layer.kind === 'conv' || layer.kind === 'pool'
                ? tf.slice(gs[l] as tf.Tensor4D, [0, 0, 0, k], [1, -1, -1, 1])
                : tf.slice(gs[l]!, [0, k], [1, 1]);
            return { d, score: tf.sum(tf.mul(d, gk)) };
          });
          cands.push({ maps: [...b.maps, k], ...r });
        }
      }
      const scores = await Promise.all(cands.map((c) => c.score.data()));
      const order = cands
        .map((_, i) => i)
        .sort((a, b) => Math.abs(scores[b]![0]!) - Math.abs(scores[a]![0]!));
      const keep = new Set(order.slice(0, beamWidth));
      beam.forEach((b) => b.d.dispose());
      beam = [];
      cands.forEach((c, i) => {
        c.score.dispose();
        if (keep.has(i)) beam.push({ maps: c.maps, d: c.d, flow: scores[i]![0]! });
        else c.d.dispose();
      });
      beam.sort((a, b) => Math.abs(b.flow) - Math.abs(a.flow));
    }
    const chains = beam.slice(0, topChains).map((b) => ({ maps: b.maps, flow: b.flow }));
    beam.forEach((b) => b.d.dispose());
    const data = await Promise.all(pending.map((t) => t.data() as Promise<Float32Array>));
    pending.forEach((t) => t.dispose());
    return { nodeFlow: data.slice(0, L), edgeFlow: data.slice(L), chains };
  } finally {
    kept.forEach((t) => t.dispose());
    dev.dispose();
  }
}
