// The Sankey's shareable settings: one group of the app's URL table (URL_FIELDS in
// src/state/url-fields.ts; the field shape is src/state/url-field.ts). Links are hostile input:
// every parser is strict and returns undefined for anything it does not recognise; a pin that is
// well-formed but names no node of the loaded model is refused once the model is known.
import type { Measure } from '../pathways/types';
import { checkClass, defineField, type LinkFacts } from '../state/url-field';
import { formatPruneToken, parsePruneToken } from './prune-spec';
import { DEFAULT_SANKEY_OPTIONS, type PoolMode, type PruneSpec, type RankBy } from './sankey-types';

const MEASURES: readonly Measure[] = ['signed', 'positive', 'l1'];

/** Node ids ('conv2_1:3', 'dense1:other', 'input:0', 'class:7') and link ids ('a->b'). */
const NODE_ID = /^[A-Za-z][\w.]{0,63}:(?:\d{1,5}|other)$/;

export function isSankeyItemId(text: string): boolean {
  const parts = text.split('->');
  return parts.length <= 2 && parts.every((p) => NODE_ID.test(p));
}

/**
 * Whether `id` names a node of this model's diagram: `input:<channel>`, `class:<class>`, or
 * `<layer>:<channel>` / `<layer>:other` of a pathway layer (a pool layer's own column shows when
 * pools are not merged). Links ('a->b') need both ends. Undefined while the model is unknown.
 */
export function isModelItemId(id: string, facts: LinkFacts): boolean | undefined {
  const { input, classCount, layers } = facts;
  if (!input || classCount === undefined || !layers) return undefined;
  const isNode = (node: string) => {
    const cut = node.lastIndexOf(':');
    const column = node.slice(0, cut);
    const channel = node.slice(cut + 1);
    const k = Number(channel);
    if (column === 'input') return channel !== 'other' && k < input.channels;
    if (column === 'class') return channel !== 'other' && k < classCount;
    const layer = layers.find((l) => l.name === column && l.kind !== 'logits');
    return !!layer && (channel === 'other' || k < layer.channels);
  };
  return isSankeyItemId(id) && id.split('->').every(isNode);
}

function samePrune(a: PruneSpec, b: PruneSpec): boolean {
  return formatPruneToken(a) === formatPruneToken(b);
}

export const SANKEY_URL_FIELDS = {
  /** Target class: a class index, or null to follow the prediction. */
  targetClass: defineField<number | null>({
    key: 'class',
    defaultValue: null,
    parse: (t) => (/^\d{1,4}$/.test(t) ? Number(t) : undefined),
    serialize: (v) => (v === null ? null : String(v)),
    hint: 'a class number such as 3',
    check: (v, facts) => (v === null ? null : checkClass(v, facts)),
  }),
  prune: defineField<PruneSpec>({
    key: 'prune',
    defaultValue: DEFAULT_SANKEY_OPTIONS.prune,
    parse: (t) => parsePruneToken(t) ?? undefined,
    serialize: (v) => (samePrune(v, DEFAULT_SANKEY_OPTIONS.prune) ? null : formatPruneToken(v)),
    hint: 'top8 (8 maps per layer) or min0.02 (hide links under 2% of a layer’s flow)',
  }),
  poolMode: defineField<PoolMode>({
    key: 'pool',
    defaultValue: DEFAULT_SANKEY_OPTIONS.poolMode,
    parse: (t) => (t === 'show' || t === 'merge' ? t : undefined),
    serialize: (v) => (v === DEFAULT_SANKEY_OPTIONS.poolMode ? null : v),
    hint: 'show or merge',
  }),
  denseTopN: defineField<number>({
    key: 'dense',
    defaultValue: DEFAULT_SANKEY_OPTIONS.denseTopN,
    parse: (t) => (/^\d{1,2}$/.test(t) && Number(t) >= 1 ? Number(t) : undefined),
    serialize: (v) => (v === DEFAULT_SANKEY_OPTIONS.denseTopN ? null : String(v)),
    hint: 'a number of dense units from 1 to 99',
  }),
  rankBy: defineField<RankBy>({
    key: 'rank',
    defaultValue: DEFAULT_SANKEY_OPTIONS.rankBy,
    parse: (t) =>
      t === 'flow' || (MEASURES as readonly string[]).includes(t) ? (t as RankBy) : undefined,
    serialize: (v) => (v === DEFAULT_SANKEY_OPTIONS.rankBy ? null : v),
    hint: 'flow, signed, positive or l1',
  }),
  /** Pinned node (or link) id. */
  pinned: defineField<string | null>({
    key: 'pin',
    defaultValue: null,
    parse: (t) => (isSankeyItemId(t) ? t : undefined),
    serialize: (v) => v,
    hint: 'a node id such as conv2_1:3',
    check: (v, facts) => {
      if (v === null) return null;
      const ok = isModelItemId(v, facts);
      if (ok === undefined) return undefined;
      const first = facts.layers?.find((l) => l.kind !== 'logits')?.name ?? 'conv1_1';
      return ok ? null : `a node of this model's diagram, such as ${first}:0 or class:0`;
    },
  }),
  /** Playback position (columns revealed), or null for the whole pathway. */
  reveal: defineField<number | null>({
    key: 'step',
    defaultValue: null,
    parse: (t) => (/^\d{1,2}$/.test(t) && Number(t) >= 1 ? Number(t) : undefined),
    serialize: (v) => (v === null ? null : String(v)),
    hint: 'a layer step from 1',
    // Columns: the input, at most one per pathway layer (the logits are the class column).
    check: (v, facts) => {
      if (v === null) return null;
      if (!facts.layers) return undefined;
      const steps = facts.layers.length + 1;
      return v <= steps ? null : `a layer step from 1 to ${steps}`;
    },
  }),
};
