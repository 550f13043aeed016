/** Regenerates docs/models.md from every shipped model card (Node only). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as prettier from 'prettier';
import { MODEL_CARD_FILE } from './model-card';
import { MODEL_IDS } from './model-ids';
import { renderModelsDoc } from './models-doc';
import { readModelCard } from './node-model';
import { MODELS_DOC_PATH, modelDir } from './paths';

/** Writes the doc and returns its path. */
export async function writeModelsDoc(): Promise<string> {
  const cards = MODEL_IDS.map(modelDir)
    .filter((dir) => existsSync(join(dir, MODEL_CARD_FILE)))
    .map(readModelCard);
  // docs/ is format-checked by Prettier, which aligns tables: write it already formatted.
  const options = (await prettier.resolveConfig(MODELS_DOC_PATH)) ?? {};
  const markdown = await prettier.format(renderModelsDoc(cards), {
    ...options,
    parser: 'markdown',
  });
  mkdirSync(dirname(MODELS_DOC_PATH), { recursive: true });
  writeFileSync(MODELS_DOC_PATH, markdown);
  return MODELS_DOC_PATH;
}
