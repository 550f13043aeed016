// The URL schema: ONE table of fields (URL_FIELDS), each with its parse, serialize, default and
// hint, that the one reader (url.ts) and the one writer (url-sync.ts) iterate. The fields are
// grouped by area: the core view here, the Sankey's settings (src/layout/sankey-url.ts),
// presentation (presentation-url.ts) and the analyses (analyses-url.ts); the field shape is
// url-field.ts. Links are hostile input: parse strictly, fall back to the default with a notice.
// See docs/app-shell.md, "URL fields".
import { DEFAULT_MODEL_ID, isModelId, type ModelId } from '../model/registry';
import { isBackendName, type BackendRequest } from '../model/backend-types';
import { isModelUrlText } from '../model/site-url';
import { formatLocalModelLink, parseLocalModelLink } from '../storage/local-model-id';
import { SHIPPED_INPUT } from './input-shape';
import { SANKEY_URL_FIELDS } from '../layout/sankey-url';
import { decodeImage, peekImageSize } from '../lib/image-codec';
import { formatRegion, parseRegion, type PixelRegion } from '../lib/selection';
import { ANALYSES_URL_FIELDS } from './analyses-url';
import { COMPARE_URL_FIELDS } from './compare-url';
import { PRESENTATION_URL_FIELDS } from './presentation-url';
import { defineField, type LinkFacts } from './url-field';

const MAX_SAMPLE_INDEX = 99_999;

function parseIndex(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= MAX_SAMPLE_INDEX ? n : undefined;
}

/** Largest grid a link may address; `check` holds it to the input's real size. */
const MAX_GRID = 256;

/**
 * What is known before any model loads: the built-in models read 28×28×1 images, so a link to
 * one has its px and img checked at once (a link to the user's own model waits for its size:
 * url.ts). The class count and the layer names come with the model (view-guard.ts).
 */
export const BOOT_FACTS: LinkFacts = { input: { ...SHIPPED_INPUT } };

function sizeText(size: { width: number; height: number }): string {
  return `${size.width}×${size.height}`;
}

/** A drawn or uploaded image: accepted only when it decodes completely (see image-codec.ts). */
function parseImageCode(text: string): string | undefined {
  const size = peekImageSize(text);
  return size && decodeImage(text, size.width, size.height, size.channels).ok ? text : undefined;
}

/** A feature map as `layerName:channel`, e.g. conv2_1:5 (resolved against the model's layers). */
const MAP_ID = /^[A-Za-z][\w.]{0,63}:\d{1,5}$/;

/** The core view: model, input, backend, selection and pinned map. */
const CORE_URL_FIELDS = {
  model: defineField<ModelId>({
    key: 'model',
    defaultValue: DEFAULT_MODEL_ID,
    parse: (t) => (isModelId(t) ? t : undefined),
    serialize: (v) => v,
    hint: 'mnist or fashion',
  }),
  sample: defineField<number | null>({
    key: 'sample',
    defaultValue: null,
    parse: parseIndex,
    serialize: (v) => (v === null ? null : String(v)),
    hint: 'a sample number such as 12',
  }),
  backend: defineField<BackendRequest>({
    key: 'backend',
    defaultValue: 'auto',
    parse: (t) => (t === 'auto' || isBackendName(t) ? t : undefined),
    serialize: (v) => (v === 'auto' ? null : v),
    hint: 'webgpu, wasm, webgl or cpu',
  }),
  modelUrl: defineField<string | null>({
    key: 'modelUrl',
    defaultValue: null,
    // Another site's address is loaded only once the user agrees (src/app/session/model-source.ts).
    parse: (t) => (isModelUrlText(t) ? t : undefined),
    serialize: (v) => v,
    hint: 'a relative path on this site, like models/mine/model.json, or an http(s) address of a model.json',
  }),
  // A model opened from files: the first 16 hex digits of its content hash, and its name
  // (src/storage/local-model-id.ts); the files come from this browser's kept models.
  localModel: defineField<string | null>({
    key: 'localModel',
    defaultValue: null,
    parse: (t) => {
      const ref = parseLocalModelLink(t);
      return ref ? formatLocalModelLink(ref) : undefined;
    },
    serialize: (v) => v,
    hint: '16 hex digits naming a model opened from files, like 3f2a9c0d1e4b5a69 (optionally .name)',
  }),
  px: defineField<PixelRegion | null>({
    key: 'px',
    defaultValue: null,
    parse: (t) => parseRegion(t, MAX_GRID, MAX_GRID) ?? undefined,
    serialize: (v) => (v === null ? null : formatRegion(v)),
    hint: 'row,col of a pixel (like 12,7) or row0,col0,row1,col1 of a rectangle',
    check: (v, { input }) => {
      if (!v || !input) return v ? undefined : null;
      return v.row1 < input.height && v.col1 < input.width
        ? null
        : `a pixel inside the ${sizeText(input)} image (rows 0 to ${input.height - 1}, columns 0 to ${input.width - 1})`;
    },
  }),
  img: defineField<string | null>({
    key: 'img',
    defaultValue: null,
    parse: parseImageCode,
    serialize: (v) => v,
    hint: 'an image code made by this app’s Copy link',
    check: (v, { input }) => {
      const size = v ? peekImageSize(v) : null;
      if (!size || !input) return v ? undefined : null;
      const channels = (c: number) => (c === 3 ? ' RGB' : c === 1 ? '' : ` ${c}-channel`);
      return size.width === input.width &&
        size.height === input.height &&
        size.channels === input.channels
        ? null
        : `an image code of a ${sizeText(input)}${channels(input.channels)} image, not ${sizeText(size)}${channels(size.channels)}`;
    },
  }),
  map: defineField<string | null>({
    key: 'map',
    defaultValue: null,
    parse: (t) => (MAP_ID.test(t) ? t : undefined),
    serialize: (v) => v,
    hint: 'a feature map such as conv2_1:5',
    check: (v, { layers }) => {
      if (!v || !layers) return v ? undefined : null;
      // The logits are classes, not maps (the Feature maps panel does not show them).
      const maps = layers.filter((l) => l.kind !== 'logits');
      const [name, channel] = v.split(':');
      const layer = maps.find((l) => l.name === name);
      if (layer && Number(channel) < layer.channels) return null;
      const names = maps.map((l) => l.name);
      return `a feature map of this model such as ${names[0] ?? 'conv1_1'}:0 (layers: ${names.join(', ')})`;
    },
  }),
};

/** The groups, by area; their field names and query keys are all distinct (url-fields.test.ts). */
export const URL_FIELD_GROUPS = {
  core: CORE_URL_FIELDS,
  // class, prune, pool, dense, rank, pin, step
  sankey: SANKEY_URL_FIELDS,
  // mode, embed, hide: lecture mode, embed mode and a lesson's hidden controls
  presentation: PRESENTATION_URL_FIELDS,
  // an, eps, atk, tgt, patch, shift
  analyses: ANALYSES_URL_FIELDS,
  // compare, bpx, bclass, bimg: the compare mode and B's side (docs/compare.md)
  compare: COMPARE_URL_FIELDS,
};

/** THE table: every field of the link, read by url.ts and written by url-sync.ts. */
export const URL_FIELDS = {
  ...CORE_URL_FIELDS,
  ...SANKEY_URL_FIELDS,
  ...PRESENTATION_URL_FIELDS,
  ...ANALYSES_URL_FIELDS,
  ...COMPARE_URL_FIELDS,
};

export type UrlFields = typeof URL_FIELDS;
export type UrlFieldName = keyof UrlFields;
export type UrlState = { [K in keyof UrlFields]: UrlFields[K]['defaultValue'] };
