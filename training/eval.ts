/**
 * `npm run eval [-- --backend wasm|cpu]`: accuracy of every shipped model (public/models/<id>:
 * mnist, fashion, vgg-mnist, vgg-fashion) on its full test set, with the time taken, checked
 * against the hard bars. Exits 1 when a model is missing its bar or the size limit.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset } from './data/index';
import { ACCURACY_BARS, MODEL_SIZE_LIMITS } from './lib/accuracy-bars';
import { evaluateAccuracy } from './lib/evaluate';
import { initNodeBackend, loadModelFromDir, readModelCard } from './lib/node-model';
import { datasetOf, MODEL_IDS } from './lib/model-ids';
import { modelDir } from './lib/paths';
import { modelSizeBytes } from './lib/save-model';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { backend: { type: 'string', default: 'wasm' } } });
  const requested = values.backend === 'cpu' ? 'cpu' : 'wasm';
  const backend = await initNodeBackend(requested);
  console.log(`Backend: ${backend}`);
  let failures = 0;
  for (const id of MODEL_IDS) {
    const dir = modelDir(id);
    if (!existsSync(join(dir, 'model.json'))) {
      const command = `npm run train -- --dataset ${datasetOf(id)}${id.startsWith('vgg-') ? ' --arch vgg16' : ''}`;
      console.log(`${id}: no model at ${dir} (run ${command})`);
      failures++;
      continue;
    }
    const started = performance.now();
    const model = await loadModelFromDir(dir);
    const card = readModelCard(dir);
    const test = loadDataset(datasetOf(id), 'test');
    const loaded = performance.now();
    const result = evaluateAccuracy(model, test);
    const done = performance.now();
    const size = modelSizeBytes(dir);
    const pass = result.accuracy >= ACCURACY_BARS[id] && size <= MODEL_SIZE_LIMITS[id];
    if (!pass) failures++;
    console.log(
      `${id}: test accuracy ${(100 * result.accuracy).toFixed(2)} % (${result.correct}/${result.total}),` +
        ` bar ${(100 * ACCURACY_BARS[id]).toFixed(1)} %, card says ${(100 * card.testAccuracy).toFixed(2)} %;` +
        ` size ${(size / 1024).toFixed(1)} KiB (limit ${(MODEL_SIZE_LIMITS[id] / 1024 / 1024).toFixed(0)} MB); load ${((loaded - started) / 1000).toFixed(1)} s,` +
        ` eval ${((done - loaded) / 1000).toFixed(1)} s -> ${pass ? 'PASS' : 'FAIL'}`,
    );
    model.dispose();
  }
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
