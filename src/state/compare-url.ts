// The compare mode's fields of the link (docs/compare.md): which comparison is open, and B's side:
// its pixel or rectangle, its class, its image. One group of the URL table (URL_FIELDS in
// url-fields.ts). A's side is the ordinary view's own fields (px, class, sample or img).
// Sizes are checked against the model's input (LinkFacts.input), never a constant: a link may be
// to a model of any size (8–256 px, grey or RGB).
import { formatRegion, parseRegion, type PixelRegion } from '../lib/selection';
import { decodeCompareImage } from './compare-image-code';
import { checkClass, defineField } from './url-field';

export const COMPARE_KINDS = ['pixels', 'classes', 'images'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

function isCompareKind(text: string): text is CompareKind {
  return (COMPARE_KINDS as readonly string[]).includes(text);
}

/** Largest grid a link may address (the largest input an accepted model reads). */
const MAX_GRID = 256;

const channelWords = (c: number) => (c === 1 ? 'grey' : c === 3 ? 'RGB' : `${c}-channel`);

export const COMPARE_URL_FIELDS = {
  compare: defineField<CompareKind | null>({
    key: 'compare',
    defaultValue: null,
    parse: (t) => (isCompareKind(t) ? t : undefined),
    serialize: (v) => v,
    hint: 'pixels, classes or images',
  }),
  comparePx: defineField<PixelRegion | null>({
    key: 'bpx',
    defaultValue: null,
    parse: (t) => parseRegion(t, MAX_GRID, MAX_GRID) ?? undefined,
    serialize: (v) => (v === null ? null : formatRegion(v)),
    hint: "row,col of B's pixel (like 12,7) or row0,col0,row1,col1 of a rectangle",
    check: (v, { input }) => {
      if (!v || !input) return v ? undefined : null;
      return v.row1 < input.height && v.col1 < input.width
        ? null
        : `a pixel inside the ${input.width}×${input.height} image (rows 0 to ${input.height - 1}, columns 0 to ${input.width - 1})`;
    },
  }),
  compareClass: defineField<number | null>({
    key: 'bclass',
    defaultValue: null,
    parse: (t) => (/^\d{1,3}$/.test(t) ? Number(t) : undefined),
    serialize: (v) => (v === null ? null : String(v)),
    hint: "B's class number, such as 3",
    check: (v, facts) => (v === null ? null : checkClass(v, facts)),
  }),
  compareImage: defineField<string | null>({
    key: 'bimg',
    defaultValue: null,
    // Kept as its text: the store decodes it (compare-store.ts), the writer re-encodes B's image.
    parse: (t) => (decodeCompareImage(t) ? t : undefined),
    serialize: (v) => v,
    hint: "B's image as this app's Copy link writes it (sample.12, or an attacked/occluded/shifted/drawn/uploaded image)",
    // The geometry is the code's own; it must be the model's (a sample is the model's gallery's).
    check: (v, { input }) => {
      if (v === null || v.startsWith('sample.')) return null;
      if (!input) return undefined;
      return decodeCompareImage(v, input)
        ? null
        : `B's image as the model reads it: ${input.width}×${input.height} ${channelWords(input.channels)}`;
    },
  }),
};
