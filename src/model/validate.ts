// Checks that a model fits the app: one image input [?, H, W, C] (H and W from 8 to 256 pixels,
// C = 1 grey or 3 RGB) and one class-score output [?, K] (K from 2 to 1,000). Any Keras topology
// is accepted for prediction; whether the pathway engine can trace it is decided in the worker
// (src/worker/pathway-state.ts). Works on a plain description so that the rules are testable
// without building models.
import type { LayerSummary, ValidatedModel } from './summary-types';

/**
 * The shipped models' input (MNIST and Fashion-MNIST, 28×28 grey). Not a rule any more: a loaded
 * model's own shape is in its summary's inputShape. Kept for the app code that still sizes the
 * built-in datasets' images with it.
 */
export const EXPECTED_INPUT = { height: 28, width: 28, channels: 1 } as const;

/** Image sides the app can show and draw on: big enough for a brush, small enough to analyse. */
export const MIN_IMAGE_SIDE = 8;
export const MAX_IMAGE_SIDE = 256;
/** Grey (1) and RGB (3): what the input panel can draw and the images can be decoded to. */
export const IMAGE_CHANNELS: readonly number[] = [1, 3];
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 1000;

export interface ModelDescription {
  url: string;
  name: string;
  className: string;
  /** Shapes as Keras reports them, batch axis included (null = any). */
  inputShapes: Array<Array<number | null>>;
  outputShapes: Array<Array<number | null>>;
  layers: LayerSummary[];
  outputActivation: string;
}

export class ModelValidationError extends Error {
  override name = 'ModelValidationError';
}

function shapeText(shape: Array<number | null>): string {
  return `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

function inSideRange(d: number | null | undefined): d is number {
  return typeof d === 'number' && d >= MIN_IMAGE_SIDE && d <= MAX_IMAGE_SIDE;
}

/** What is wrong with the input shape, or null. A [?, 28, 28] input (no channel axis) is refused
 * too: the app's image tensor is NHWC. */
function inputProblem(input: Array<number | null>): string | null {
  const found = `its input shape is ${shapeText(input)}`;
  if (input.length !== 4) {
    return `${found}, but an image input [?, height, width, channels] is required`;
  }
  const [, h, w, c] = input;
  if (h === null || w === null) {
    return `${found}, but the image height and width must be fixed sizes`;
  }
  if (!inSideRange(h) || !inSideRange(w)) {
    return (
      `${found}: ${h} × ${w} pixels, but the height and width must be from ` +
      `${MIN_IMAGE_SIDE} to ${MAX_IMAGE_SIDE} pixels`
    );
  }
  if (c === null || c === undefined || !IMAGE_CHANNELS.includes(c)) {
    return `${found}: ${c ?? '?'} channels, but 1 (grey) or 3 (RGB) are required`;
  }
  return null;
}

function outputProblem(output: Array<number | null>): string | null {
  const found = `its output shape is ${shapeText(output)}`;
  const k = output[1];
  if (output.length !== 2 || k === null || k === undefined) {
    return `${found}, but one score per class [?, classes] is required`;
  }
  if (k < MIN_CLASSES || k > MAX_CLASSES) {
    return `${found}: ${k} ${k === 1 ? 'class' : 'classes'}, but from ${MIN_CLASSES} to ${MAX_CLASSES.toLocaleString('en')} classes are required`;
  }
  return null;
}

export function validateModel(desc: ModelDescription): ValidatedModel {
  if (desc.inputShapes.length !== 1 || desc.outputShapes.length !== 1) {
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    throw new ModelValidationError(
      `The model is not usable: it has ${count(desc.inputShapes.length, 'input')} and ` +
        `${count(desc.outputShapes.length, 'output')}, but an image classifier with one input and one output is required.`,
    );
  }
  const input = desc.inputShapes[0] ?? [];
  const output = desc.outputShapes[0] ?? [];
  const problems = [inputProblem(input), outputProblem(output)].filter(
    (p): p is string => p !== null,
  );
  if (problems.length > 0) {
    throw new ModelValidationError(`The model is not usable: ${problems.join('; ')}.`);
  }
  return {
    url: desc.url,
    name: desc.name,
    inputShape: [input[1] as number, input[2] as number, input[3] as number],
    classCount: output[1] as number,
    layers: desc.layers,
    parameterCount: desc.layers.reduce((sum, l) => sum + l.parameterCount, 0),
    outputActivation: desc.outputActivation,
  };
}
