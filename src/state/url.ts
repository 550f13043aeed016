// Reads and writes the URL through the field table in url-fields.ts.
import { URL_FIELDS, type UrlField, type UrlState } from './url-fields';

export interface ParsedUrl {
  state: UrlState;
  /** One sentence per ignored value, for a notice (plain text; never rendered as markup). */
  problems: string[];
}

type FieldEntry = [keyof UrlState, UrlField<unknown>];
const entries = Object.entries(URL_FIELDS) as FieldEntry[];

/** Shows a bit of a rejected value without letting a long or odd one flood the notice. */
function preview(text: string): string {
  const clipped = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(clipped);
}

export function defaultUrlState(): UrlState {
  const state = {} as Record<keyof UrlState, unknown>;
  for (const [name, field] of entries) state[name] = field.defaultValue;
  return state as UrlState;
}

export function parseUrlState(search: string): ParsedUrl {
  const params = new URLSearchParams(search);
  const state = defaultUrlState() as Record<keyof UrlState, unknown>;
  const problems: string[] = [];
  for (const [name, field] of entries) {
    const text = params.get(field.key);
    if (text === null) continue;
    const value = field.parse(text);
    if (value === undefined) {
      problems.push(
        `The link's ${field.key} value ${preview(text)} was ignored (expected ${field.hint}).`,
      );
    } else {
      state[name] = value;
    }
  }
  return { state: state as UrlState, problems };
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
