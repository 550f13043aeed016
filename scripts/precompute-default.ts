// `npm run precompute`: writes public/precomputed/<model>-default.json (mnist, vgg-mnist), the
// default example the app
// shows before the model has loaded (see src/lib/precomputed.ts). Rerun after retraining the
// model or changing the default sample; scripts/precompute-default.test.ts fails until then.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeDefaultExample, precomputedFileName, PRECOMPUTED_MODELS } from './lib/precompute';
import { REPO_ROOT } from './lib/shipped';

const dir = join(REPO_ROOT, 'public', 'precomputed');
mkdirSync(dir, { recursive: true });
for (const id of PRECOMPUTED_MODELS) {
  const file = await computeDefaultExample(id);
  const path = join(dir, precomputedFileName(id));
  // One line: it is data for the app, not for reading (the note says where it comes from).
  const text = `${JSON.stringify(file)}\n`;
  writeFileSync(path, text);
  console.log(
    `Wrote ${path} (${(text.length / 1024).toFixed(1)} KiB): sample ${file.sample}, px ${file.px}, ` +
      `class ${file.result.classIndex}, relevance ${file.result.relevance}.`,
  );
}
