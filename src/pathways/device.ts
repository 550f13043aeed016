// Gates uploaded to the device for one engine call. Gates themselves stay plain data (no leaks,
// transferable); this per-call upload is ~20k floats for the shipped models.
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from './network';
import type { Gates } from './types';

export interface GateTensors {
  /** [1,H,W,C] (spatial) or [1,N] (dense) 0/1 masks; null where the layer has no ReLU. */
  mask: Array<tf.Tensor | null>;
  /** The same masks as [H*W, C] rows for per-pixel window gathers (spatial layers only). */
  maskRows: Array<tf.Tensor2D | null>;
  /** Pool switches as int32 [N_out] (flat input indices), for whole-map routing. */
  switches: Array<tf.Tensor1D | null>;
  /** Pool layers: [1, H_in, W_in, C] with 1 at every window's switch (the argmax), else 0. */
  switchMask: Array<tf.Tensor4D | null>;
  dispose(): void;
}

function checkGates(net: Network, gates: Gates): void {
  const { height, width, channels } = net.input;
  const ok =
    gates.input.height === height &&
    gates.input.width === width &&
    gates.input.channels === channels &&
    gates.activation.length === net.layers.length &&
    net.layers.every(
      (l, i) => gates.activation[i]!.length === l.info.height * l.info.width * l.info.channels,
    );
  if (!ok) throw new Error('These gates were computed for a different network.');
}

export function uploadGates(net: Network, gates: Gates): GateTensors {
  checkGates(net, gates);
  const created: tf.Tensor[] = [];
  const track = <T extends tf.Tensor>(t: T): T => {
    created.push(t);
    return t;
  };
  const mask: Array<tf.Tensor | null> = [];
  const maskRows: Array<tf.Tensor2D | null> = [];
  const switches: Array<tf.Tensor1D | null> = [];
  const switchMask: Array<tf.Tensor4D | null> = [];
  net.layers.forEach((layer, l) => {
    const m = gates.masks[l];
    const { height, width, channels } = layer.info;
    if (m) {
      const spatial = layer.kind === 'conv' || layer.kind === 'pool';
      const t = track(
        spatial ? tf.tensor4d(m, [1, height, width, channels]) : tf.tensor2d(m, [1, channels]),
      );
      mask.push(t);
      maskRows.push(
        spatial ? track(tf.reshape(t, [height * width, channels]) as tf.Tensor2D) : null,
      );
    } else {
      mask.push(null);
      maskRows.push(null);
    }
    const s = gates.switches[l];
    switches.push(s ? track(tf.tensor1d(s, 'int32')) : null);
    if (s && layer.kind === 'pool') {
      const [Hi, Wi, Ci] = layer.inShape;
      const hot = new Float32Array(Hi * Wi * Ci);
      for (const i of s) hot[i] = 1;
      switchMask.push(track(tf.tensor4d(hot, [1, Hi, Wi, Ci])));
    } else {
      switchMask.push(null);
    }
  });
  return {
    mask,
    maskRows,
    switches,
    switchMask,
    dispose: () => {
      for (const t of created) t.dispose();
    },
  };
}

/**
 * Several results to read back together. On GPU backends they are flattened and concatenated
 * into ONE tensor, so that they come back in one device → host read (each read-back is a round
 * trip and a staging buffer); on host backends (wasm, cpu), whose tensors already live in host
 * memory, they stay separate (the concat would only cost time). `sizes` are the element counts of
 * the parts, in order. Build it inside the caller's tidy; read it with readPacked.
 */
// A type alias, not an interface, so that tf.tidy can return it (a TensorContainer).
export type Packed = {
  tensors: tf.Tensor[];
  sizes: number[];
};

const HOST_BACKENDS = new Set(['cpu', 'wasm', 'tensorflow']);

/** Packs `parts` (float32) for one read-back; call inside a tidy. */
export function pack(parts: tf.Tensor[]): Packed {
  const sizes = parts.map((t) => t.size);
  if (HOST_BACKENDS.has(tf.getBackend()) || parts.length <= 1) return { tensors: parts, sizes };
  const flat = parts.map((t) => tf.reshape(t, [-1]) as tf.Tensor1D);
  return { tensors: [tf.concat1d(flat)], sizes };
}

/**
 * Reads a Packed and splits it on the host (each part is its own copy, so the parts can be
 * transferred independently). Disposes the tensors only after every read has settled: a tensor
 * must never be released while its read-back is still pending.
 */
export async function readPacked({ tensors, sizes }: Packed): Promise<Float32Array[]> {
  let values: Float32Array[];
  try {
    // Zero-sized tensors are not read: no round trip (and no zero-sized staging buffer).
    values = await Promise.all(
      tensors.map((t) =>
        t.size === 0 ? new Float32Array(0) : (t.data() as Promise<Float32Array>),
      ),
    );
  } finally {
    for (const t of tensors) t.dispose();
  }
  if (values.length === sizes.length) return values.map((v) => Float32Array.from(v));
  const all = values[0]!;
  const out: Float32Array[] = [];
  let offset = 0;
  for (const n of sizes) {
    out.push(all.slice(offset, offset + n));
    offset += n;
  }
  return out;
}
