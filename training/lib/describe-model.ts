/** The per-layer summary stored in model cards (and shown by the app). */
import type * as tf from '@tensorflow/tfjs';
import type { ModelCardLayer } from './model-card';

export function describeLayers(model: tf.LayersModel): ModelCardLayer[] {
  return model.layers.map((layer) => {
    // Keras shapes start with a null batch dimension; the card stores per-image shapes.
    const shape = layer.outputShape as (number | null)[];
    return {
      name: layer.name,
      type: layer.getClassName(),
      outputShape: shape.slice(1).map((d) => d ?? -1),
      params: layer.countParams(),
    };
  });
}
