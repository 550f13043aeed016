/**
 * `npm run eval [-- --backend wasm|cpu]`: accuracy of every shipped model (public/models/<id>)
 * on its full test set, with the time taken, checked against the hard bars. Exits 1 when a
 * model is missing its bar or the size limit.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_IDS, loadDataset } from './data/index';
import { ACCURACY_BARS, MAX_MODEL_BYTES } from './lib/accuracy-bars';
import { evaluateAccuracy } from './lib/evaluate';
import { initNodeBackend, loadModelFromDir, readModelCard } from './lib/node-model';
import { modelDir } from './lib/paths';
import { modelSizeBytes } from './lib/save-model';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { backend: { type: 'string', default: 'wasm' } } });
  const requested = values.backend === 'cpu' ? 'cpu' : 'wasm';
  const backend = await initNodeBackend(requested);
  console.log(`Backend: ${backend}`);
  let failures = 0;
  for (const id of DATASET_IDS) {
    const dir = modelDir(id);
    if (!existsSync(join(dir, 'model.json'))) {
      console.log(`${id}: no model at ${dir} (run npm run train -- --dataset ${id})`);
      failures++;
      continue;
    }
    const started = performance.now();
    const model = await loadModelFromDir(dir);
    const card = readModelCard(dir);
    const test = loadDataset(id, 'test');
    const loaded = performance.now();
    const result = evaluateAccuracy(model, test);
    const done = performance.now();
    const size = modelSizeBytes(dir);
    const pass = result.accuracy >= ACCURACY_BARS[id] && size <= MAX_MODEL_BYTES;
    if (!pass) failures++;
    console.log(
      `${id}: test accuracy ${(100 * result.accuracy).toFixed(2)} % (${result.correct}/${result.total}),` +
        ` bar ${(100 * ACCURACY_BARS[id]).toFixed(1)} %, card says ${(100 * card.testAccuracy).toFixed(2)} %;` +
        ` size ${(size / 1024).toFixed(1)} KiB; load ${((loaded - started) / 1000).toFixed(1)} s,` +
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
