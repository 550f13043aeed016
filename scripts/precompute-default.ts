// `npm run precompute`: writes public/precomputed/mnist-default.json, the default example the app
// shows before the model has loaded (see src/lib/precomputed.ts). Rerun after retraining the
// model or changing the default sample; scripts/precompute-default.test.ts fails until then.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeDefaultExample, PRECOMPUTED_MODEL } from './lib/precompute';
import { REPO_ROOT } from './lib/shipped';

const file = await computeDefaultExample();
const dir = join(REPO_ROOT, 'public', 'precomputed');
mkdirSync(dir, { recursive: true });
const path = join(dir, `${PRECOMPUTED_MODEL}-default.json`);
// One line: it is data for the app, not for reading (the note says where it comes from).
const text = `${JSON.stringify(file)}\n`;
writeFileSync(path, text);
console.log(
  `Wrote ${path} (${(text.length / 1024).toFixed(1)} KiB): sample ${file.sample}, px ${file.px}, ` +
    `class ${file.result.classIndex}, relevance ${file.result.relevance}.`,
);
