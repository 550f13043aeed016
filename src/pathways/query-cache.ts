// What a pixel query needs that depends on the image and the class but not on the pixels: the
// gates' device tensors and the class gradients G_l^c (docs/method.md, definition 5). Clicking
// pixel after pixel of one image used to upload the gates and run the backward pass on every
// query (1.2 of the 5.1 ms of a one-pixel query on the small model in `npm run bench`'s Node
// setup; docs/benchmarks.md). Kept here for the last gates object and ONE class, so that the
// number of tensors held stays fixed (scripts/lib/storms.ts compares it between snapshots). The
// worker runs one request at a time (src/worker/dispatcher.ts): nothing still reads the tensors
// when a new image or class replaces them.
import * as tf from '@tensorflow/tfjs-core';
import { uploadGates, type GateTensors } from './device';
import { classGradients } from './gradient';
import type { Network } from './network';
import type { Gates } from './types';

export interface ClassGradients {
  /** G_l^c for every layer l (the output of layer l), batch 1. */
  layers: tf.Tensor[];
  /** ∂z_c/∂x, [1,H,W,C]. */
  input: tf.Tensor4D;
}

export class QueryCache {
  private owner: { net: Network; gates: Gates } | null = null;
  private gt: GateTensors | null = null;
  private grads: { classIndex: number; value: ClassGradients } | null = null;

  /** The device tensors for (net, gates, class), computed at most once while they stay the same. */
  acquire(
    net: Network,
    gates: Gates,
    classIndex: number,
  ): { gt: GateTensors; grads: ClassGradients } {
    if (!this.gt || this.owner?.net !== net || this.owner.gates !== gates) {
      this.clear();
      this.gt = uploadGates(net, gates);
      this.owner = { net, gates };
    }
    const gt = this.gt;
    if (this.grads?.classIndex !== classIndex) {
      this.disposeGradients();
      const value = tf.tidy(() => {
        const g = classGradients(net, gates, gt, [classIndex]);
        return { layers: g.layers, input: g.input };
      });
      this.grads = { classIndex, value };
    }
    return { gt, grads: this.grads.value };
  }

  /** Frees everything held (a new image, another model). */
  clear(): void {
    this.disposeGradients();
    this.gt?.dispose();
    this.gt = null;
    this.owner = null;
  }

  private disposeGradients(): void {
    if (!this.grads) return;
    for (const t of this.grads.value.layers) t.dispose();
    this.grads.value.input.dispose();
    this.grads = null;
  }
}
