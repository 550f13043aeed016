// The Analyses area's shareable settings as URL fields, shaped like the shell's UrlField table
// (src/state/url-fields.ts: key, defaultValue, parse → value | undefined, serialize → text | null,
// hint), so the lead can spread ANALYSES_URL_FIELDS into URL_FIELDS. The area also reads and
// writes them by itself (readAnalysesUrl, startAnalysesUrlSync) so that it works before that.
// Links are hostile input: every parser is strict and returns undefined for anything else.
import {
  formatPatch,
  formatShift,
  parsePatch,
  parseShift,
  type PatchBox,
  type Shift,
} from '../lib/patch-geometry';
import type { AttackMode } from '../worker/analysis-protocol';
import { isAnalysisId, type AnalysesUrlState, type AnalysisId } from './analyses-types';

export interface AnalysesUrlField<T> {
  key: string;
  defaultValue: T;
  parse(text: string): T | undefined;
  serialize(value: T): string | null;
  hint: string;
}

function field<T>(f: AnalysesUrlField<T>): AnalysesUrlField<T> {
  return f;
}

export const DEFAULT_EPSILON = 0.1;
export const MAX_EPSILON = 0.5;
export const DEFAULT_SHIFT: Shift = { dx: 4, dy: 0 };

/** ε with at most three decimals in [0, MAX_EPSILON]. */
export function parseEpsilon(text: string): number | undefined {
  if (!/^(\d(\.\d{1,3})?|\.\d{1,3})$/.test(text)) return undefined;
  const v = Number(text);
  return v >= 0 && v <= MAX_EPSILON ? v : undefined;
}

export const ANALYSES_URL_FIELDS = {
  analysis: field<AnalysisId | null>({
    key: 'an',
    defaultValue: null,
    parse: (t) => (isAnalysisId(t) ? t : undefined),
    serialize: (v) => v,
    hint: 'an analysis such as attack, occlusion or movement',
  }),
  epsilon: field<number>({
    key: 'eps',
    defaultValue: DEFAULT_EPSILON,
    parse: parseEpsilon,
    serialize: (v) => (v === DEFAULT_EPSILON ? null : String(Math.round(v * 1000) / 1000)),
    hint: `an attack strength from 0 to ${MAX_EPSILON}, like 0.15`,
  }),
  attackMode: field<AttackMode>({
    key: 'atk',
    defaultValue: 'fgsm',
    parse: (t) => (t === 'fgsm' || t === 'targeted' ? t : undefined),
    serialize: (v) => (v === 'fgsm' ? null : v),
    hint: 'fgsm or targeted',
  }),
  attackTarget: field<number | null>({
    key: 'tgt',
    defaultValue: null,
    parse: (t) => (/^\d{1,3}$/.test(t) ? Number(t) : undefined),
    serialize: (v) => (v === null ? null : String(v)),
    hint: 'a target class number such as 3',
  }),
  patch: field<PatchBox | null>({
    key: 'patch',
    defaultValue: null,
    parse: parsePatch,
    serialize: (v) => (v === null ? null : formatPatch(v)),
    hint: 'row,col,size of the occluding patch, like 10,8,6',
  }),
  shift: field<Shift>({
    key: 'shift',
    defaultValue: DEFAULT_SHIFT,
    parse: parseShift,
    serialize: (v) =>
      v.dx === DEFAULT_SHIFT.dx && v.dy === DEFAULT_SHIFT.dy ? null : formatShift(v),
    hint: 'dx,dy of the movement, like 4,0',
  }),
};

type Fields = typeof ANALYSES_URL_FIELDS;
type Entry = [keyof Fields, AnalysesUrlField<unknown>];
const entries = Object.entries(ANALYSES_URL_FIELDS) as Entry[];

export function defaultAnalysesUrlState(): AnalysesUrlState {
  const out = {} as Record<keyof Fields, unknown>;
  for (const [name, f] of entries) out[name] = f.defaultValue;
  return out as AnalysesUrlState;
}

/** The analyses' part of a query string; bad values fall back to their defaults. */
export function readAnalysesUrl(search: string): { state: AnalysesUrlState; problems: string[] } {
  const params = new URLSearchParams(search);
  const state = defaultAnalysesUrlState() as Record<keyof Fields, unknown>;
  const problems: string[] = [];
  for (const [name, f] of entries) {
    const text = params.get(f.key);
    if (text === null) continue;
    const value = f.parse(text);
    if (value === undefined) {
      const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
      problems.push(`The link's ${f.key} value ${shown} was ignored (expected ${f.hint}).`);
    } else state[name] = value;
  }
  return { state: state as AnalysesUrlState, problems };
}

/** `search` with the analyses' parameters set from `state` (others kept as they are). */
export function writeAnalysesUrl(state: AnalysesUrlState, search: string): string {
  const params = new URLSearchParams(search);
  for (const [name, f] of entries) {
    const text = f.serialize(state[name]);
    if (text === null) params.delete(f.key);
    else params.set(f.key, text);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
