// The one reader (and the serializer the one writer, url-sync.ts, uses) of the URL table in
// url-fields.ts. A refused value is reported by field and value and replaced by its default.
import type { LinkFacts, UrlField } from './url-field';
import { refusedSentence } from './url-field';
import { BOOT_FACTS, URL_FIELDS, type UrlFieldName, type UrlState } from './url-fields';

/** One refused value of a link. */
export interface UrlProblem {
  /** The field's name in the table (e.g. 'attackTarget'). */
  name: UrlFieldName;
  /** Its query parameter (e.g. 'tgt'). */
  key: string;
  /** The refused text as the link had it. */
  value: string;
  /** One sentence for the notice, naming the parameter and the value (plain text). */
  text: string;
}

export interface ParsedUrl {
  state: UrlState;
  /** Every refused value, in table order. */
  problems: UrlProblem[];
}

type FieldEntry = [UrlFieldName, UrlField<unknown>];
const entries = Object.entries(URL_FIELDS) as FieldEntry[];

/** The fields whose values can be impossible for an image or model (they have a `check`). */
/** Fields that name a model other than a built-in one (a model's address, or a kept local model). */
const OWN_MODEL_FIELDS = (['modelUrl', 'localModel'] as const).filter((name) => name in URL_FIELDS);

export const CHECKED_FIELDS: readonly UrlFieldName[] = entries
  .filter(([, field]) => field.check !== undefined)
  .map(([name]) => name);

function problem(name: UrlFieldName, key: string, value: string, expected: string): UrlProblem {
  return { name, key, value, text: refusedSentence(key, value, expected) };
}

export function defaultUrlState(): UrlState {
  const state = {} as Record<UrlFieldName, unknown>;
  for (const [name, field] of entries) state[name] = field.defaultValue;
  return state as UrlState;
}

/**
 * Reads a query string: each field is parsed strictly, then checked against what `facts` tell
 * (by default what is known before a model loads: the input size). Every refused value falls back
 * to its default and is named in `problems`.
 */
export function parseUrlState(search: string, facts?: LinkFacts): ParsedUrl {
  const params = new URLSearchParams(search);
  // A link to the user's own model: its input size is known only once it has loaded, so the
  // size checks wait for it (view-guard.ts) instead of holding the link to 28×28.
  const own = OWN_MODEL_FIELDS.some((name) => {
    const field = URL_FIELDS[name] as UrlField<unknown>;
    const text = params.get(field.key);
    return text !== null && field.parse(text) !== undefined;
  });
  facts ??= own ? {} : BOOT_FACTS;
  const state = defaultUrlState() as Record<UrlFieldName, unknown>;
  const problems: UrlProblem[] = [];
  for (const [name, field] of entries) {
    const text = params.get(field.key);
    if (text === null) continue;
    const value = field.parse(text);
    const refusal = value === undefined ? field.hint : field.check?.(value, facts);
    if (typeof refusal === 'string') problems.push(problem(name, field.key, text, refusal));
    else state[name] = value;
  }
  return { state: state as UrlState, problems };
}

export interface UrlCheck {
  /** The values that do not fit the facts (reset them to their defaults). */
  problems: UrlProblem[];
  /** The fields of `names` that could be decided with these facts (fitting or not). */
  decided: UrlFieldName[];
}

/**
 * Checks values already in the app against what has become known about the image and model (the
 * class count, the layers): the same checks as parseUrlState, for facts that arrive later.
 * Default values always fit; a field whose facts are still unknown stays undecided.
 */
export function checkUrlState(
  state: UrlState,
  facts: LinkFacts,
  names: Iterable<UrlFieldName> = CHECKED_FIELDS,
): UrlCheck {
  const problems: UrlProblem[] = [];
  const decided: UrlFieldName[] = [];
  for (const name of names) {
    const field = URL_FIELDS[name] as UrlField<unknown>;
    const value: unknown = state[name];
    if (Object.is(value, field.defaultValue) || !field.check) {
      decided.push(name);
      continue;
    }
    const refusal = field.check(value, facts);
    if (refusal === undefined) continue;
    decided.push(name);
    if (refusal !== null) {
      const text = field.serialize(value) ?? '';
      problems.push(problem(name, field.key, text, refusal));
    }
  }
  return { problems, decided };
}

/** The values of one group of fields (e.g. ANALYSES_URL_FIELDS), picked from a whole state. */
export function pickFields<G extends Partial<Record<UrlFieldName, unknown>>>(
  state: UrlState,
  group: G,
): { [K in keyof G & UrlFieldName]: UrlState[K] } {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(group) as UrlFieldName[]) out[name] = state[name];
  return out as { [K in keyof G & UrlFieldName]: UrlState[K] };
}

/**
 * The query string for `state`, keeping parameters this table does not know (so that links made
 * by a newer version, or extra tracking-free flags, survive a round trip).
 */
export function serializeUrlState(state: UrlState, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  for (const [name, field] of entries) {
    const text = field.serialize(state[name]);
    if (text === null) params.delete(field.key);
    else params.set(field.key, text);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
