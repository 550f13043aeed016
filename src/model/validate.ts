// Checks that a model fits the app: a Sequential CNN over one 28×28 grey image with 10 outputs.
// Works on a plain description so that the rules are testable without building models.
import type { LayerSummary, BaseModelSummary } from './summary-types';

export const EXPECTED_INPUT = { height: 28, width: 28, channels: 1 } as const;
const EXPECTED_CLASSES = 10;

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

export function validateModel(desc: ModelDescription): BaseModelSummary {
  const problems: string[] = [];
  if (desc.className !== 'Sequential') {
    problems.push(`it is a ${desc.className} model, but only Sequential models are supported`);
  }
  if (desc.inputShapes.length !== 1 || desc.outputShapes.length !== 1) {
    problems.push('it must have exactly one input and one output');
  }
  const input = desc.inputShapes[0] ?? [];
  // A [?, 28, 28] input (no channel axis) is 28×28×1-like too, but our image tensor is NHWC,
  // so only the 4-D form is accepted; the message says exactly what was found.
  const [, h, w, c] = input;
  const inputOk =
    input.length === 4 &&
    h === EXPECTED_INPUT.height &&
    w === EXPECTED_INPUT.width &&
    c === EXPECTED_INPUT.channels;
  if (!inputOk) {
    problems.push(`its input shape is ${shapeText(input)}, but [?, 28, 28, 1] is required`);
  }
  const output = desc.outputShapes[0] ?? [];
  if (output.length !== 2 || output[1] !== EXPECTED_CLASSES) {
    problems.push(`its output shape is ${shapeText(output)}, but [?, 10] (10 classes) is required`);
  }
  if (problems.length > 0) {
    throw new ModelValidationError(`The model is not usable: ${problems.join('; ')}.`);
  }
  return {
    url: desc.url,
    name: desc.name,
    inputShape: [EXPECTED_INPUT.height, EXPECTED_INPUT.width, EXPECTED_INPUT.channels],
    classCount: EXPECTED_CLASSES,
    layers: desc.layers,
    parameterCount: desc.layers.reduce((sum, l) => sum + l.parameterCount, 0),
    outputActivation: desc.outputActivation,
  };
}
