// Computes the default example the app paints first (public/precomputed/<model>-default.json) with
// the same engine, model and sample the app uses: the model's default gallery sample, the default
// pixel chosen from the image alone (src/lib/default-pixel.ts), the predicted class.
import { defaultPixel } from '../../src/lib/default-pixel';
import { encodePrecomputed, type PrecomputedFile } from '../../src/lib/precomputed';
import { formatRegion } from '../../src/lib/selection';
import { modelEntry, type ModelId } from '../../src/model/registry';
import {
  buildNetwork,
  computeGates,
  disposeNetwork,
  imageForward,
  queryPixels,
} from '../../src/pathways/index';
import { loadShippedModel, readSampleSet, sampleInput } from './shipped';

/** The models with a shipped first-paint example (src/app/session/precomputed.ts reads them). */
export const PRECOMPUTED_MODELS = ['mnist', 'vgg-mnist'] as const satisfies readonly ModelId[];
export type PrecomputedModel = (typeof PRECOMPUTED_MODELS)[number];

export function precomputedFileName(id: PrecomputedModel): string {
  return `${id}-default.json`;
}

export async function computeDefaultExample(id: PrecomputedModel): Promise<PrecomputedFile> {
  const model = await loadShippedModel(id);
  const net = buildNetwork(model);
  try {
    const { height: H, width: W } = net.input;
    const set = readSampleSet(modelEntry(id).dataset);
    const sample = modelEntry(id).defaultSample;
    const image = sampleInput(set, sample);
    const pixel = defaultPixel(image, W, H);
    if (pixel === null) throw new Error(`Sample ${sample} is blank.`);
    const row = Math.floor(pixel / W);
    const col = pixel % W;
    const gates = await computeGates(net, image);
    // The app asks exactly this when no class is chosen (QueryOptions defaults).
    const result = await queryPixels(net, gates, [pixel]);
    const forward = await imageForward(net, gates);
    const note =
      `Written by \`npm run precompute\` (scripts/precompute-default.ts): sample ${sample} of ` +
      `public/samples/${modelEntry(id).dataset}, model ${id}, pixel row ${row}, col ${col}, class ${result.classIndex} ` +
      '(the prediction). A unit test checks it against a fresh computation.';
    return encodePrecomputed(
      {
        model: id,
        sample,
        px: formatRegion({ row0: row, col0: col, row1: row, col1: col }),
        note,
      },
      result,
      forward,
    );
  } finally {
    disposeNetwork(net);
    model.dispose();
  }
}
