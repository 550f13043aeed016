/**
 * `npm run samples`: writes public/samples/<id>.bin and <id>.json for mnist and fashion
 * (the first 50 test images of each class; format in training/lib/samples.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_IDS, loadDataset } from './data/index';
import { SAMPLES_DIR } from './lib/paths';
import { buildSampleSet } from './lib/samples';

mkdirSync(SAMPLES_DIR, { recursive: true });
for (const id of DATASET_IDS) {
  const { pixels, meta } = buildSampleSet(id, loadDataset(id, 'test'));
  writeFileSync(join(SAMPLES_DIR, `${id}.bin`), pixels);
  writeFileSync(join(SAMPLES_DIR, `${id}.json`), `${JSON.stringify(meta)}\n`);
  console.log(
    `Wrote public/samples/${id}.bin (${pixels.length} bytes) and ${id}.json (${meta.count} samples).`,
  );
}
