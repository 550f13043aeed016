// Computes the default example the app paints first (public/precomputed/mnist-default.json) with
// the same engine, model and sample the app uses: the model's default gallery sample, the default
// pixel chosen from the image alone (src/lib/default-pixel.ts), the predicted class.
import { defaultPixel } from '../../src/lib/default-pixel';
import { encodePrecomputed, type PrecomputedFile } from '../../src/lib/precomputed';
import { formatRegion } from '../../src/lib/selection';
import { modelEntry } from '../../src/model/registry';
import {
  buildNetwork,
  computeGates,
  disposeNetwork,
  imageForward,
  queryPixels,
} from '../../src/pathways/index';
import { loadShippedModel, readSampleSet, sampleInput } from './shipped';

export const PRECOMPUTED_MODEL = 'mnist';

export async function computeDefaultExample(): Promise<PrecomputedFile> {
  const model = await loadShippedModel(PRECOMPUTED_MODEL);
  const net = buildNetwork(model);
  try {
    const { height: H, width: W } = net.input;
    const set = readSampleSet(PRECOMPUTED_MODEL);
    const sample = modelEntry(PRECOMPUTED_MODEL).defaultSample;
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
      `public/samples/${PRECOMPUTED_MODEL}, pixel row ${row}, col ${col}, class ${result.classIndex} ` +
      '(the prediction). A unit test checks it against a fresh computation.';
    return encodePrecomputed(
      {
        model: PRECOMPUTED_MODEL,
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
