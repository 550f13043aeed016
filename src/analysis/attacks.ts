// Gradient attacks on the real network (finding 4, adversarial examples): FGSM and a targeted
// iterative FGSM (I-FGSM, the L∞ projected-gradient attack without random start). Gradients come
// from tf.grad through the same batched forward pass the model computes; images stay in [0, 1].
import * as tf from '@tensorflow/tfjs-core';
import { batchTensor, forwardLogits, type Network } from '../pathways';
import { progress, yieldAndCheck, type RunControl } from './control';
import { imageSize, type ImageSet } from './images';

/** Σ_i cross-entropy(logits_i, classes_i) of a batch. */
function crossEntropy(net: Network, x: tf.Tensor4D, classes: tf.Tensor1D): tf.Scalar {
  const logits = forwardLogits(net, x);
  const onehot = tf.oneHot(classes, net.classCount);
  return tf.neg(tf.sum(tf.mul(onehot, tf.logSoftmax(logits)))) as tf.Scalar;
}

function checkEpsilon(epsilon: number): void {
  if (!(epsilon >= 0) || !Number.isFinite(epsilon))
    throw new Error('ε must be a finite number ≥ 0.');
}

export interface FgsmOptions extends RunControl {
  batchSize?: number;
}

/**
 * Fast gradient sign method (untargeted): x' = clip(x + ε·sign(∇_x CE(x, y)), 0, 1), one step,
 * with y the set's labels. ε = 0 returns the images unchanged.
 */
export async function fgsm(
  net: Network,
  set: ImageSet,
  epsilon: number,
  options: FgsmOptions = {},
): Promise<Float32Array> {
  checkEpsilon(epsilon);
  const batchSize = Math.max(1, options.batchSize ?? 128);
  const n = imageSize(set.input);
  const out = new Float32Array(set.count * n);
  const tick = progress(options, Math.ceil(set.count / batchSize));
  for (let start = 0; start < set.count; start += batchSize) {
    await yieldAndCheck(options.signal);
    const b = Math.min(batchSize, set.count - start);
    const adv = tf.tidy(() => {
      const x = batchTensor(net, set.images, start, b);
      const y = tf.tensor1d(set.labels.subarray(start, start + b), 'int32');
      const g = tf.grad((xi: tf.Tensor) => crossEntropy(net, xi as tf.Tensor4D, y))(x);
      return tf.clipByValue(tf.add(x, tf.mul(epsilon, tf.sign(g))), 0, 1);
    });
    out.set(await adv.data(), start * n);
    adv.dispose();
    tick();
  }
  return out;
}

export interface TargetedAttackOptions extends RunControl {
  /** L∞ radius around the original image. */
  epsilon: number;
  /** Step size α of each signed-gradient step. */
  stepSize: number;
  steps: number;
  /** Stop moving an image once it is classified as its target (default true: smaller changes). */
  earlyStop?: boolean;
  batchSize?: number;
}

export interface TargetedAttackResult {
  images: Float32Array;
  /** 1 where the final image is classified as its target. */
  success: Uint8Array;
  /** Steps taken by each image (≤ steps; fewer with early stopping). */
  stepsUsed: Int32Array;
  /** Largest |x' − x| of each image. */
  linf: Float32Array;
}

/**
 * Targeted I-FGSM: x ← clip_[0,1](clip_{x0±ε}(x − α·sign(∇_x CE(x, target)))), `steps` times.
 */
export async function targetedAttack(
  net: Network,
  set: ImageSet,
  targets: ArrayLike<number>,
  options: TargetedAttackOptions,
): Promise<TargetedAttackResult> {
  checkEpsilon(options.epsilon);
  if (targets.length !== set.count) throw new Error('One target class per image is required.');
  const batchSize = Math.max(1, options.batchSize ?? 128);
  const earlyStop = options.earlyStop ?? true;
  const n = imageSize(set.input);
  const N = set.count;
  const images = Float32Array.from(set.images.subarray(0, N * n));
  const success = new Uint8Array(N);
  const stepsUsed = new Int32Array(N);
  const linf = new Float32Array(N);
  const batches = Math.ceil(N / batchSize);
  const tick = progress(options, batches * options.steps);
  const { epsilon, stepSize } = options;
  for (let start = 0; start < N; start += batchSize) {
    const b = Math.min(batchSize, N - start);
    const x0 = batchTensor(net, set.images, start, b);
    const target = tf.tensor1d(
      Int32Array.from({ length: b }, (_, i) => targets[start + i]!),
      'int32',
    );
    let x: tf.Tensor = tf.clone(x0);
    try {
      for (let step = 0; step < options.steps; step++) {
        await yieldAndCheck(options.signal);
        const active = await hitTargets(net, x, target);
        let any = false;
        for (let i = 0; i < b; i++) {
          const moving = !(earlyStop && active[i] === 1);
          if (moving) {
            stepsUsed[start + i] = step + 1;
            any = true;
          }
          active[i] = moving ? 1 : 0;
        }
        if (!any) {
          tick(options.steps - step);
          break;
        }
        const next = tf.tidy(() => {
          const g = tf.grad((xi: tf.Tensor) => crossEntropy(net, xi as tf.Tensor4D, target))(x);
          const move = tf.mul(tf.reshape(tf.tensor1d(active), [b, 1, 1, 1]), tf.sign(g));
          const stepped = tf.sub(x, tf.mul(stepSize, move));
          const projected = tf.minimum(
            tf.maximum(stepped, tf.sub(x0, epsilon)),
            tf.add(x0, epsilon),
          );
          return tf.clipByValue(projected, 0, 1);
        });
        x.dispose();
        x = next;
        tick();
      }
      const hit = await hitTargets(net, x, target);
      const data = await x.data();
      images.set(data, start * n);
      for (let i = 0; i < b; i++) {
        success[start + i] = hit[i]!;
        let m = 0;
        for (let j = 0; j < n; j++) {
          m = Math.max(m, Math.abs(data[i * n + j]! - set.images[(start + i) * n + j]!));
        }
        linf[start + i] = m;
      }
    } finally {
      x.dispose();
      x0.dispose();
      target.dispose();
    }
  }
  return { images, success, stepsUsed, linf };
}

/** 1 where the batch is classified as its target. */
async function hitTargets(net: Network, x: tf.Tensor, target: tf.Tensor1D): Promise<Float32Array> {
  const t = tf.tidy(() =>
    tf.cast(tf.equal(tf.argMax(forwardLogits(net, x as tf.Tensor4D), 1), target), 'float32'),
  );
  const out = Float32Array.from(await t.data());
  t.dispose();
  return out;
}
