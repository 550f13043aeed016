// A model's own gallery on disk: samples.json + samples.bin beside model.json, in the format of
// the built-in sets (public/samples; docs/own-model.md, "A sample set"), for `--sample N`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSampleSet, SampleSetError, type SampleSet } from '../../src/model/samples';
import type { InputInfo } from '../../src/pathways/types';

export const GALLERY_FILES = { meta: 'samples.json', bin: 'samples.bin' } as const;

/**
 * The gallery beside `modelFile`, checked against the model's input; null when there is none.
 * A gallery that is broken or of another shape throws, naming the file.
 */
export function readGallery(modelFile: string, input: InputInfo): SampleSet | null {
  const meta = join(dirname(modelFile), GALLERY_FILES.meta);
  const bin = join(dirname(modelFile), GALLERY_FILES.bin);
  if (!existsSync(meta) || !existsSync(bin)) return null;
  let set: SampleSet;
  try {
    const bytes = readFileSync(bin);
    set = parseSampleSet(JSON.parse(readFileSync(meta, 'utf8')), Uint8Array.from(bytes).buffer);
  } catch (error) {
    const reason =
      error instanceof SampleSetError
        ? error.message
        : `samples.json is not valid JSON (${(error as Error).message})`;
    throw new SampleSetError(`${meta}: ${reason}`);
  }
  const { height, width, channels } = input;
  if (set.height !== height || set.width !== width || set.channels !== channels) {
    throw new SampleSetError(
      `${meta} holds ${set.height}×${set.width}×${set.channels} images, but the model takes ${height}×${width}×${channels}`,
    );
  }
  return set;
}
