// The classroom and sharing fields of the link: lecture mode, embed mode and hidden controls.
// One group of the URL table (URL_FIELDS in url-fields.ts). Links are hostile input: parse strictly.
import { defineField } from './url-field';

export type PresentationMode = 'normal' | 'lecture';

/** Controls a lesson link may hide; the page reads them as `data-hide` words on the root. */
export const HIDEABLE_CONTROLS = [
  'model',
  'gallery',
  'tools',
  'class',
  'options',
  'explain',
  'maps',
  'classes',
  'analyses',
] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];

export const CONTROL_LABELS: Record<HideableControl, string> = {
  model: 'Model picker',
  gallery: 'Sample gallery',
  tools: 'Drawing and upload tools',
  class: 'Target class selector',
  options: 'Prune, layout and export options',
  explain: 'Explanations',
  maps: 'Feature maps',
  classes: 'Classes and network panels',
  analyses: 'Analyses',
};

function isHideable(word: string): word is HideableControl {
  return (HIDEABLE_CONTROLS as readonly string[]).includes(word);
}

/** A comma list of known ids, at most once each, in table order; anything else refuses all. */
export function parseHide(text: string): readonly HideableControl[] | undefined {
  if (text.length > 200) return undefined;
  const words = text.split(',').filter((w) => w !== '');
  if (!words.every(isHideable)) return undefined;
  return HIDEABLE_CONTROLS.filter((c) => words.includes(c));
}

const NO_HIDDEN: readonly HideableControl[] = [];

export const PRESENTATION_URL_FIELDS = {
  mode: defineField<PresentationMode>({
    key: 'mode',
    defaultValue: 'normal',
    parse: (t) => (t === 'lecture' || t === 'normal' ? t : undefined),
    serialize: (v) => (v === 'normal' ? null : v),
    hint: 'lecture',
  }),
  embed: defineField<boolean>({
    key: 'embed',
    defaultValue: false,
    parse: (t) => (t === '1' ? true : t === '0' ? false : undefined),
    serialize: (v) => (v ? '1' : null),
    hint: '1',
  }),
  hide: defineField<readonly HideableControl[]>({
    key: 'hide',
    defaultValue: NO_HIDDEN,
    parse: parseHide,
    serialize: (v) => (v.length === 0 ? null : v.join(',')),
    hint: `a comma list of ${HIDEABLE_CONTROLS.join(', ')}`,
  }),
};
