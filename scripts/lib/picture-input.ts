// One picture file as a model's input, the way `--fit` and `--invert` ask (image-fit.ts), with
// the warnings a user should see. Shared by the single-picture and the batch paths of the CLI.
import { analyzeImage } from '../../src/lib/image-convert';
import type { InputInfo } from '../../src/pathways/types';
import { ImageFileError, readImageFile, type DecodedImage } from './image-file';
import { MAX_INK_PIXELS, pictureToInput, type FitMode } from './image-fit';
import type { CliOptions } from './pathways-args';

export type FitOptions = Pick<CliOptions, 'fit' | 'invert'>;

export interface PictureInput {
  image: Float32Array;
  fit: FitMode;
  inverted: boolean;
  warnings: string[];
}

/**
 * The shipped models read bright ink on black; a dark-on-light picture used as it is (fit none,
 * contain or stretch never invert by themselves) would show them a blank page with a dark frame.
 */
function polarityWarning(img: DecodedImage, fit: FitMode, options: FitOptions): string | null {
  if (options.invert !== 'auto' || fit === 'mnist' || fit === 'ink') return null;
  if (img.width * img.height > MAX_INK_PIXELS || !analyzeImage(img).suggestInvert) return null;
  return (
    'the picture looks like dark ink on light paper, but the shipped models read bright ink on ' +
    'black: add --invert yes (or --fit mnist)'
  );
}

/**
 * Reads `path` and converts it for a model with input `input`. `shipped`: the model is one of
 * the shipped MNIST-style models (then `auto` fits a digit, and dark ink is warned about).
 * Throws ImageFileError, naming the file, when the picture cannot be read or converted.
 */
export function pictureInput(
  path: string,
  input: InputInfo,
  shipped: boolean,
  options: FitOptions,
): PictureInput {
  const img = readImageFile(path);
  let outcome;
  try {
    outcome = pictureToInput(img, input, {
      fit: options.fit,
      invert: options.invert,
      autoFit: shipped ? 'mnist' : 'contain',
    });
  } catch (error) {
    // analyzeImage refuses pictures beyond its size limit with a RangeError.
    throw new ImageFileError(
      `'${path}': ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!outcome.ok) throw new ImageFileError(`'${path}': ${outcome.error}`);
  const warning =
    shipped && input.channels === 1 ? polarityWarning(img, outcome.fit, options) : null;
  return {
    image: outcome.image,
    fit: outcome.fit,
    inverted: outcome.inverted,
    warnings: warning ? [warning] : [],
  };
}
