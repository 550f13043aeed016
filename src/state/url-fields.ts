// The URL schema: ONE table of fields, each with its parse and serialize. The URL mirrors the
// shareable part of the store; add a field here (and read/write it in url-sync.ts) to make a new
// piece of state linkable. Links are hostile input: parse strictly, fall back to the default.
import { DEFAULT_MODEL_ID, isModelId, type ModelId } from '../model/registry';
import { isBackendName, type BackendRequest } from '../model/backend-types';
import { isSafeRelativePath } from '../model/site-url';
import { SANKEY_URL_FIELDS } from '../layout/sankey-url';
import { decodeImage, peekImageSize } from '../lib/image-codec';
import { formatRegion, parseRegion, type PixelRegion } from '../lib/selection';
import { PRESENTATION_URL_FIELDS } from './presentation-url';

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
}

function defineField<T>(field: UrlField<T>): UrlField<T> {
  return field;
}

const MAX_SAMPLE_INDEX = 99_999;

function parseIndex(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= MAX_SAMPLE_INDEX ? n : undefined;
}

/** Largest grid a link may address; the image's real size is checked once it has loaded. */
const MAX_GRID = 255;

/** A drawn or uploaded image: accepted only when it decodes completely (see image-codec.ts). */
function parseImageCode(text: string): string | undefined {
  const size = peekImageSize(text);
  return size && decodeImage(text, size.width, size.height).ok ? text : undefined;
}

/** A feature map as `layerName:channel`, e.g. conv2_1:5 (resolved against the model's layers). */
export const MAP_ID = /^[A-Za-z][\w.]{0,63}:\d{1,5}$/;

export const URL_FIELDS = {
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
    parse: (t) => (isSafeRelativePath(t) ? t : undefined),
    serialize: (v) => v,
    hint: 'a relative path on this site, like models/mine/model.json',
  }),
  px: defineField<PixelRegion | null>({
    key: 'px',
    defaultValue: null,
    parse: (t) => parseRegion(t, MAX_GRID, MAX_GRID) ?? undefined,
    serialize: (v) => (v === null ? null : formatRegion(v)),
    hint: 'row,col of a pixel (like 12,7) or row0,col0,row1,col1 of a rectangle',
  }),
  img: defineField<string | null>({
    key: 'img',
    defaultValue: null,
    parse: parseImageCode,
    serialize: (v) => v,
    hint: 'an image code made by this app’s Copy link',
  }),
  map: defineField<string | null>({
    key: 'map',
    defaultValue: null,
    parse: (t) => (MAP_ID.test(t) ? t : undefined),
    serialize: (v) => v,
    hint: 'a feature map such as conv2_1:5',
  }),
  // The Sankey's settings (class, prune, pool, dense, rank, pin, step): src/layout/sankey-url.ts.
  ...SANKEY_URL_FIELDS,
  // Lecture mode, embed mode and a lesson's hidden controls: src/state/presentation-url.ts.
  ...PRESENTATION_URL_FIELDS,
};

export type UrlFields = typeof URL_FIELDS;
export type UrlState = { [K in keyof UrlFields]: UrlFields[K]['defaultValue'] };
