// Whether a model's layers form one chain, each fed by the layer before it: the only topology the
// pathway engine traces (src/pathways/network.ts reads model.layers in order). A Sequential model
// always is one; a functional model is one unless it branches (residual connections, Inception
// blocks, several inputs merged).
import type * as tfl from '@tensorflow/tfjs-layers';

export interface ChainBreak {
  layer: { name: string; className: string };
  reason: string;
}

const BRANCHES =
  'a functional model with branches (residual connections): the pathway engine traces a single chain of layers';

/** The first layer where the chain splits or merges, or null when the layers form one chain. */
export function chainBreak(model: tfl.LayersModel): ChainBreak | null {
  if (model.getClassName() === 'Sequential') return null;
  const layers = model.layers;
  for (let i = 1; i < layers.length; i++) {
    const layer = layers[i]!;
    const inbound = layer.inboundNodes.flatMap((node) => node.inboundLayers);
    const previous = layers[i - 1]!;
    if (inbound.length !== 1 || inbound[0] !== previous) {
      const from = inbound.map((l) => `'${l.name}'`).join(' and ') || 'no layer';
      return {
        layer: { name: layer.name, className: layer.getClassName() },
        reason: `${BRANCHES} (layer '${layer.name}' (${layer.getClassName()}) takes its input from ${from}, not from the layer before it, '${previous.name}').`,
      };
    }
  }
  return null;
}
