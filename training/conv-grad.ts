/**
 * A faster Conv2D gradient for training in Node.
 *
 * Why: tfjs-backend-wasm has no Conv2DBackpropFilter kernel (training a conv net on wasm fails),
 * and on the cpu backend that kernel takes over 90 % of a training step. The filter gradient is
 * itself a correlation, so it can be computed by the fast FORWARD conv2d kernel over transposed
 * tensors, with the batch playing the role of the input channels:
 *
 *   dW[i,j,c,o] = Σ_{n,y,x} xPad[n, y·s + i, x·s + j, c] · dy[n, y, x, o]
 *               = conv2d(input  = xPad transposed to [c, H, W, n],
 *                        filter = dy   transposed to [y, x, n, o],
 *                        stride 1, dilation s, 'valid')[c, i, j, o]
 *
 * The input gradient of a stride-1 conv is also a forward conv (a "full" correlation of dy with
 * the kernel rotated by 180° and its channel axes swapped). Measured on wasm, the stock
 * Conv2DBackpropInput kernel took over half of a training step; the forward conv is much faster.
 * Strided input gradients keep the stock conv2dTranspose. Cases this rewrite does not cover
 * (NCHW, dilated convolutions) are delegated to the stock gradient.
 * Note: tfjs-layers only routes through this gradient when the conv has a non-linear fused
 * activation (all convs in this project use 'relu'); a linear Conv2D layer with bias uses the
 * fused op's own gradient, which calls conv2DBackpropFilter directly.
 */
import * as tf from '@tensorflow/tfjs';

type Conv2DPad = tf.Conv2DAttrs['pad'];
type FilterShape = [number, number, number, number];

/** Filter gradient of an NHWC conv2d with dilation 1, via one forward conv2d. */
export function conv2dFilterGradViaForwardConv(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: FilterShape,
  strides: [number, number] | number,
  pad: Conv2DPad,
  dimRoundingMode?: 'floor' | 'round' | 'ceil',
): tf.Tensor4D {
  return tf.tidy(() => {
    const info = tf.backend_util.computeConv2DInfo(
      x.shape,
      filterShape,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const { strideHeight, strideWidth, filterHeight, filterWidth, outHeight, outWidth } = info;
    const { top, left } = info.padInfo;
    // The padded extent the forward conv actually reads; rows/cols past it (possible with
    // 'valid' and stride > 1) never contribute and are cropped, missing ones are zero-padded.
    const usedHeight = (outHeight - 1) * strideHeight + filterHeight;
    const usedWidth = (outWidth - 1) * strideWidth + filterWidth;
    const bottom = usedHeight - top - info.inHeight;
    const right = usedWidth - left - info.inWidth;
    let xUsed: tf.Tensor4D = x;
    if (bottom < 0 || right < 0) {
      xUsed = tf.slice(
        x,
        [0, 0, 0, 0],
        [-1, info.inHeight + Math.min(bottom, 0), info.inWidth + Math.min(right, 0), -1],
      );
    }
    const xPadded = tf.pad(xUsed, [
      [0, 0],
      [top, Math.max(bottom, 0)],
      [left, Math.max(right, 0)],
      [0, 0],
    ]);
    const xBatchAsChannels = tf.transpose(xPadded, [3, 1, 2, 0]); // [c, H, W, n]
    const dyAsFilter = tf.transpose(dy, [1, 2, 0, 3]); // [y, x, n, o]
    const grad = tf.conv2d(xBatchAsChannels, dyAsFilter, 1, 'valid', 'NHWC', [
      strideHeight,
      strideWidth,
    ]); // [c, i, j, o]
    return tf.transpose(grad, [1, 2, 0, 3]); // [i, j, c, o]
  });
}

/** Input gradient of an NHWC conv2d with dilation 1, via a forward conv2d when the stride is 1. */
export function conv2dInputGradViaForwardConv(
  xShape: [number, number, number, number],
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  strides: [number, number] | number,
  pad: Conv2DPad,
  dimRoundingMode?: 'floor' | 'round' | 'ceil',
): tf.Tensor4D {
  const info = tf.backend_util.computeConv2DInfo(
    xShape,
    filter.shape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { filterHeight, filterWidth, outHeight, outWidth, inHeight, inWidth } = info;
  // dx[h] = Σ_i dy[h + top - i] · W[i]: a correlation of dy, padded by (k - 1 - top) before and
  // enough after to give inHeight rows, with the kernel flipped.
  const top = filterHeight - 1 - info.padInfo.top;
  const left = filterWidth - 1 - info.padInfo.left;
  const bottom = inHeight + filterHeight - 1 - outHeight - top;
  const right = inWidth + filterWidth - 1 - outWidth - left;
  const unitStride = info.strideHeight === 1 && info.strideWidth === 1;
  if (!unitStride || Math.min(top, left, bottom, right) < 0) {
    return tf.conv2dTranspose(dy, filter, xShape, strides, pad, dimRoundingMode);
  }
  return tf.tidy(() => {
    const flipped = tf.reverse(filter, [0, 1]); // rotate 180° in space
    const swapped = tf.transpose(flipped, [0, 1, 3, 2]); // [kh, kw, out, in]
    return tf.conv2d(dy, swapped, 1, [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ]);
  });
}

function isUnitDilation(dilations: [number, number] | number): boolean {
  return typeof dilations === 'number' ? dilations === 1 : dilations.every((d) => d === 1);
}

/**
 * Replaces the registered Conv2D gradient (process-wide, all backends). Returns a function that
 * restores the previous one, for tests that need to compare against the stock gradient.
 */
export function registerFastConv2dGradient(): () => void {
  const stock = tf.getGradient(tf.Conv2D);
  if (!stock) throw new Error('No stock Conv2D gradient registered; import tfjs-core first.');
  const fast: tf.GradConfig = {
    kernelName: tf.Conv2D,
    inputsToSave: ['x', 'filter'],
    gradFunc: (dy, saved, attrs) => {
      const { strides, pad, dataFormat, dilations, dimRoundingMode } =
        attrs as unknown as tf.Conv2DAttrs;
      if (dataFormat !== 'NHWC' || !isUnitDilation(dilations)) {
        return stock.gradFunc(dy, saved, attrs);
      }
      const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
      const dy4 = dy as tf.Tensor4D;
      return {
        x: () => conv2dInputGradViaForwardConv(x.shape, dy4, filter, strides, pad, dimRoundingMode),
        filter: () =>
          conv2dFilterGradViaForwardConv(x, dy4, filter.shape, strides, pad, dimRoundingMode),
      };
    },
  };
  // registerGradient replaces an existing entry (it only warns in DEBUG mode).
  tf.registerGradient(fast);
  return () => tf.registerGradient(stock);
}
