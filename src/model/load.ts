// Loads a Keras-format LayersModel (model.json + weight shards) and validates it.
import * as tfl from '@tensorflow/tfjs-layers';
import { validateModel, type ModelDescription } from './validate';
import type { BaseModelSummary } from './summary-types';

export type LayersModelLoader = (
  url: string,
  onProgress: (fraction: number) => void,
) => Promise<tfl.LayersModel>;

export const httpModelLoader: LayersModelLoader = (url, onProgress) =>
  tfl.loadLayersModel(url, { onProgress });

function outputActivation(model: tfl.LayersModel): string {
  const last = model.layers[model.layers.length - 1];
  const activation = last?.getConfig()['activation'];
  return typeof activation === 'string' ? activation : 'linear';
}

export function describeModel(model: tfl.LayersModel, url: string): ModelDescription {
  return {
    url,
    name: model.name,
    className: model.getClassName(),
    inputShapes: model.inputs.map((t) => [...t.shape]),
    outputShapes: model.outputs.map((t) => [...t.shape]),
    layers: model.layers.map((layer) => {
      const shape = layer.outputShape;
      // Single-output layers report one shape; drop the batch axis.
      const flat = Array.isArray(shape[0]) ? [] : (shape as Array<number | null>).slice(1);
      return {
        name: layer.name,
        className: layer.getClassName(),
        outputShape: flat.map((d) => d ?? 0),
        parameterCount: layer.countParams(),
      };
    }),
    outputActivation: outputActivation(model),
  };
}

export interface LoadedModel {
  model: tfl.LayersModel;
  summary: BaseModelSummary;
}

/** Loads and validates; disposes the model again when it is unusable. */
export async function loadModel(
  url: string,
  loader: LayersModelLoader,
  onProgress: (fraction: number) => void,
): Promise<LoadedModel> {
  let model: tfl.LayersModel;
  try {
    model = await loader(url, onProgress);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load the model from ${url}: ${reason}`, { cause: error });
  }
  try {
    return { model, summary: validateModel(describeModel(model, url)) };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
