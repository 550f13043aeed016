// The Sankey's shareable settings as URL fields, shaped like the shell's UrlField table
// (src/state/url-fields.ts: key, defaultValue, parse → value | undefined, serialize → text | null,
// hint) so the state layer can add them without writing parsers of its own. Links are hostile
// input: every parser is strict and returns undefined for anything it does not recognise.
import type { Measure } from '../pathways/types';
import { formatPruneToken, parsePruneToken } from './prune-spec';
import { DEFAULT_SANKEY_OPTIONS, type PoolMode, type PruneSpec, type RankBy } from './sankey-types';

export interface SankeyUrlField<T> {
  key: string;
  defaultValue: T;
  parse(text: string): T | undefined;
  serialize(value: T): string | null;
  hint: string;
}

const MEASURES: readonly Measure[] = ['signed', 'positive', 'l1'];

/** Node ids ('conv2_1:3', 'dense1:other', 'input:0', 'class:7') and link ids ('a->b'). */
const NODE_ID = /^[A-Za-z][\w.]{0,63}:(?:\d{1,5}|other)$/;

export function isSankeyItemId(text: string): boolean {
  const parts = text.split('->');
  return parts.length <= 2 && parts.every((p) => NODE_ID.test(p));
}

/** Keeps each field's value type (a bare `satisfies` would narrow `defaultValue: null` to null). */
function sankeyField<T>(field: SankeyUrlField<T>): SankeyUrlField<T> {
  return field;
}

function samePrune(a: PruneSpec, b: PruneSpec): boolean {
  return formatPruneToken(a) === formatPruneToken(b);
}

export const SANKEY_URL_FIELDS = {
  /** Target class: a class index, or null to follow the prediction. */
  targetClass: sankeyField<number | null>({
    key: 'class',
    defaultValue: null,
    parse: (t) => (/^\d{1,4}$/.test(t) ? Number(t) : undefined),
    serialize: (v) => (v === null ? null : String(v)),
    hint: 'a class number such as 3',
  }),
  prune: sankeyField<PruneSpec>({
    key: 'prune',
    defaultValue: DEFAULT_SANKEY_OPTIONS.prune,
    parse: (t) => parsePruneToken(t) ?? undefined,
    serialize: (v) => (samePrune(v, DEFAULT_SANKEY_OPTIONS.prune) ? null : formatPruneToken(v)),
    hint: 'top8 (8 maps per layer) or min0.02 (hide links under 2% of a layer’s flow)',
  }),
  poolMode: sankeyField<PoolMode>({
    key: 'pool',
    defaultValue: DEFAULT_SANKEY_OPTIONS.poolMode,
    parse: (t) => (t === 'show' || t === 'merge' ? t : undefined),
    serialize: (v) => (v === DEFAULT_SANKEY_OPTIONS.poolMode ? null : v),
    hint: 'show or merge',
  }),
  denseTopN: sankeyField<number>({
    key: 'dense',
    defaultValue: DEFAULT_SANKEY_OPTIONS.denseTopN,
    parse: (t) => (/^\d{1,2}$/.test(t) && Number(t) >= 1 ? Number(t) : undefined),
    serialize: (v) => (v === DEFAULT_SANKEY_OPTIONS.denseTopN ? null : String(v)),
    hint: 'a number of dense units from 1 to 99',
  }),
  rankBy: sankeyField<RankBy>({
    key: 'rank',
    defaultValue: DEFAULT_SANKEY_OPTIONS.rankBy,
    parse: (t) =>
      t === 'flow' || (MEASURES as readonly string[]).includes(t) ? (t as RankBy) : undefined,
    serialize: (v) => (v === DEFAULT_SANKEY_OPTIONS.rankBy ? null : v),
    hint: 'flow, signed, positive or l1',
  }),
  /** Pinned node (or link) id. */
  pinned: sankeyField<string | null>({
    key: 'pin',
    defaultValue: null,
    parse: (t) => (isSankeyItemId(t) ? t : undefined),
    serialize: (v) => v,
    hint: 'a node id such as conv2_1:3',
  }),
  /** Playback position (columns revealed), or null for the whole pathway. */
  reveal: sankeyField<number | null>({
    key: 'step',
    defaultValue: null,
    parse: (t) => (/^\d{1,2}$/.test(t) && Number(t) >= 1 ? Number(t) : undefined),
    serialize: (v) => (v === null ? null : String(v)),
    hint: 'a layer step from 1',
  }),
};
