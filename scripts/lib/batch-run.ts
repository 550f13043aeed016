// `--images`: every picture through the engine, one row per picture and pixel set (plus one for
// --all), written as soon as it is made. A picture that cannot be read, converted or analysed
// gets an error row and a line on stderr, and the batch goes on with the next one.
import {
  computeGates,
  imageStatistics,
  queryPixels,
  type PixelQueryResult,
} from '../../src/pathways';
import { errorRow, pixelSetRow, wholeImageRow, type RowContext } from './batch-rows';
import type { RowWriter } from './batch-output';
import { ImageFileError } from './image-file';
import type { CliModel } from './node-model-loader';
import type { CliOptions } from './pathways-args';
import { pictureInput } from './picture-input';
import { nonZeroCount, pixelSetIndices } from './pixel-sets';

/** One line naming the picture (ImageFileError messages name it already). */
function message(file: string, error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  return error instanceof ImageFileError ? text : `'${file}': ${text}`;
}

/** Runs the batch over `files`; returns how many pictures failed. */
export async function runBatch(
  m: CliModel,
  files: readonly string[],
  options: CliOptions,
  writer: RowWriter,
  warn: (line: string) => void,
): Promise<number> {
  const { net, input } = m;
  let failed = 0;
  for (const file of files) {
    const rows = [];
    try {
      const picture = pictureInput(file, input, m.shipped !== null, options);
      const ctx: RowContext = {
        image: file,
        classNames: m.classNames,
        fit: picture.inverted ? `${picture.fit}+inverted` : picture.fit,
        warnings: picture.warnings,
      };
      for (const w of picture.warnings) warn(`warning: '${file}': ${w}`);
      const gates = await computeGates(net, picture.image);
      const classIndex = options.classIndex ?? gates.prediction;
      for (const region of options.pixels) {
        // Chains are not part of a row: skipping the beam search keeps a batch fast.
        const pixels = pixelSetIndices(region, input.width);
        const q: PixelQueryResult = await queryPixels(net, gates, pixels, {
          classIndex,
          chains: false,
        });
        const nonZero = nonZeroCount(picture.image, input.channels, pixels);
        rows.push(pixelSetRow(ctx, region, gates, q, options.measure, options.topM, nonZero));
      }
      if (options.all) {
        const stats = await imageStatistics(net, gates, {
          measure: options.measure,
          threshold: options.threshold,
          ...(options.relative !== null ? { relative: options.relative } : {}),
          topM: options.topM,
          completeness: true,
        });
        rows.push(wholeImageRow(ctx, stats, classIndex));
      }
    } catch (error) {
      failed++;
      warn(message(file, error));
      // Rows of a picture that failed half-way are dropped: its one row says what went wrong.
      rows.length = 0;
      rows.push(errorRow(file, message(file, error)));
    }
    for (const row of rows) writer.write(row);
  }
  return failed;
}
