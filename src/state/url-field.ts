// The shape of one URL field, shared by every group of fields (url-fields.ts: core view,
// src/layout/sankey-url.ts, presentation-url.ts, analyses-url.ts). It imports nothing, so the
// groups and the table never import each other in a circle. See docs/app-shell.md, "URL fields".

/** What is known about the image and the model, for checks a field's text alone cannot make. */
export interface LinkFacts {
  /** The input's size (known before any model loads: every accepted model reads 28×28×1). */
  input?: { height: number; width: number; channels: number };
  /** How many classes the model has. */
  classCount?: number;
  /** The model's pathway layers ('conv1_1', 'pool1', …, 'logits'), once the engine has them. */
  layers?: readonly { name: string; kind: string; channels: number }[];
}

export interface UrlField<T> {
  /** The query parameter. */
  key: string;
  defaultValue: T;
  /** The value, or undefined when the text is not valid (the default is used, with a notice). */
  parse(text: string): T | undefined;
  /** The text for the link, or null to leave the parameter out. */
  serialize(value: T): string | null;
  /** What a valid value looks like, for the notice. */
  hint: string;
  /**
   * For values that are well-formed but may be impossible for this image or model: what a valid
   * value looks like when `value` does not fit `facts` (for the notice), null when it fits,
   * undefined while the facts it needs are still unknown. Never asked about the default value.
   */
  check?(value: T, facts: LinkFacts): string | null | undefined;
}

/** Keeps each field's value type (a bare `satisfies` would narrow `defaultValue: null` to null). */
export function defineField<T>(field: UrlField<T>): UrlField<T> {
  return field;
}

/** The default value of every field of a group (or of the whole table). */
export function defaultsOf<G extends Record<string, UrlField<unknown>>>(
  group: G,
): { [K in keyof G]: G[K]['defaultValue'] } {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(group)) out[name] = field.defaultValue;
  return out as { [K in keyof G]: G[K]['defaultValue'] };
}

/** Shows a bit of a refused value without letting a long or odd one flood the notice. */
function previewValue(text: string): string {
  const clipped = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(clipped);
}

/** The notice sentence for a refused value (plain text; never rendered as markup). */
export function refusedSentence(key: string, text: string, expected: string): string {
  return `The link's ${key} value ${previewValue(text)} was ignored (expected ${expected}).`;
}

/** "a class from 0 to 9", or undefined while the class count is unknown. */
export function checkClass(value: number, facts: LinkFacts): string | null | undefined {
  const count = facts.classCount;
  if (count === undefined) return undefined;
  return value < count ? null : `a class from 0 to ${count - 1}`;
}
