// The names of a model's classes: from model.json's userDefinedMetadata (as exports commonly write
// them), else from a labels.txt or labels.json beside the model, else "class 0" … "class K−1".
// A source with the wrong number of names is ignored with a `problem` that says why, so that a
// model never shows another model's names against its outputs.

export type ClassNamesSource = 'metadata' | 'labels' | 'default';

export interface ClassNames {
  names: string[];
  source: ClassNamesSource;
  /** Why a names source that was present was not used (the names then come from the next one). */
  problem?: string;
}

/** A labels file: its name decides the format (".json": JSON, anything else: one name a line). */
export interface LabelsFile {
  name: string;
  text: string;
}

/** userDefinedMetadata keys that Keras/tfjs exports and training scripts commonly write. */
const METADATA_KEYS = ['classNames', 'class_names', 'labels', 'classes'] as const;

export function defaultClassNames(classCount: number): string[] {
  return Array.from({ length: classCount }, (_, i) => `class ${i}`);
}

type Parsed = { names: string[] } | { problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Names from a list of strings or an index map {"0": "cat", "1": "dog"} (what Python's
 * json.dump of a {0: "cat"} dict gives). `what` names the source in messages.
 */
function namesFromValue(value: unknown, what: string): Parsed {
  if (Array.isArray(value)) {
    const bad = value.findIndex((v) => typeof v !== 'string' || v.trim() === '');
    if (bad >= 0) {
      return { problem: `${what} entry ${bad} is ${JSON.stringify(value[bad])}, not a name` };
    }
    return { names: value.map((v: string) => v.trim()) };
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    const names: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      const name = value[String(i)];
      if (typeof name !== 'string' || name.trim() === '') {
        return {
          problem: `${what} must map "0" … "${keys.length - 1}" to names, but "${i}" is ${name === undefined ? 'missing' : JSON.stringify(name)}`,
        };
      }
      names.push(name.trim());
    }
    return { names };
  }
  return { problem: `${what} is ${value === null ? 'null' : typeof value}, not a list of names` };
}

function checkCount(parsed: Parsed, what: string, classCount: number): Parsed {
  if ('problem' in parsed || parsed.names.length === classCount) return parsed;
  return {
    problem: `${what} has ${parsed.names.length} names, but the model has ${classCount} outputs`,
  };
}

function fromMetadata(metadata: unknown, classCount: number): Parsed | null {
  if (!isRecord(metadata)) return null;
  const key = METADATA_KEYS.find((k) => metadata[k] !== undefined);
  if (key === undefined) return null;
  const what = `model.json's userDefinedMetadata.${key}`;
  return checkCount(namesFromValue(metadata[key], what), what, classCount);
}

function fromLabelsText(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map((line) => line.trim());
}

function fromLabelsFile(labels: LabelsFile, classCount: number): Parsed {
  const what = labels.name;
  if (!/\.json$/i.test(labels.name)) {
    const names = fromLabelsText(labels.text);
    const blank = names.findIndex((n) => n === '');
    if (blank >= 0) return { problem: `${what} line ${blank + 1} is blank` };
    return checkCount({ names }, what, classCount);
  }
  let json: unknown;
  try {
    json = JSON.parse(labels.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: `${what} is not valid JSON (${reason})` };
  }
  // A metadata.json-like object ({"labels": [...]}, as Teachable Machine writes) holds the list
  // under one of the metadata keys; a bare index map has only numeric keys.
  if (isRecord(json) && !Object.keys(json).every((k) => /^\d+$/.test(k))) {
    const key = METADATA_KEYS.find((k) => json[k] !== undefined);
    if (key === undefined) {
      return { problem: `${what} has no list of names (${METADATA_KEYS.join(', ')})` };
    }
    return checkCount(namesFromValue(json[key], `${what}'s ${key}`), what, classCount);
  }
  return checkCount(namesFromValue(json, what), what, classCount);
}

/**
 * The class names for a model with `classCount` outputs: model metadata first, then the labels
 * file, then defaults. `problem` joins the reasons the present sources were not used.
 */
export function classNamesFrom(
  metadata: unknown,
  labels: LabelsFile | null,
  classCount: number,
): ClassNames {
  const problems: string[] = [];
  const metadataNames = fromMetadata(metadata, classCount);
  if (metadataNames && 'names' in metadataNames) {
    return { names: metadataNames.names, source: 'metadata' };
  }
  if (metadataNames) problems.push(metadataNames.problem);
  if (labels) {
    const labelNames = fromLabelsFile(labels, classCount);
    if ('names' in labelNames) {
      return { names: labelNames.names, source: 'labels', ...problemField(problems) };
    }
    problems.push(labelNames.problem);
  }
  return { names: defaultClassNames(classCount), source: 'default', ...problemField(problems) };
}

function problemField(problems: string[]): { problem?: string } {
  return problems.length > 0 ? { problem: `${problems.join('; ')}.` } : {};
}

/** Whether model metadata names the classes itself (then no labels file is looked for). */
export function metadataHasClassNames(metadata: unknown): boolean {
  return isRecord(metadata) && METADATA_KEYS.some((k) => metadata[k] !== undefined);
}
