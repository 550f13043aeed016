// The compare mode's fields of the link (docs/compare.md): which comparison is open, and B's side:
// its pixel or rectangle, its class, its image. One group of the URL table (URL_FIELDS in
// url-fields.ts). A's side is the ordinary view's own fields (px, class, sample or img).
import { formatRegion, parseRegion, type PixelRegion } from '../lib/selection';
import { EXPECTED_INPUT } from '../model/validate';
import { decodeCompareImage } from './compare-image-code';
import { checkClass, defineField } from './url-field';

export const COMPARE_KINDS = ['pixels', 'classes', 'images'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

function isCompareKind(text: string): text is CompareKind {
  return (COMPARE_KINDS as readonly string[]).includes(text);
}

const INPUT_SIZE = EXPECTED_INPUT.height * EXPECTED_INPUT.width * EXPECTED_INPUT.channels;

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
    parse: (t) => parseRegion(t, 255, 255) ?? undefined,
    serialize: (v) => (v === null ? null : formatRegion(v)),
    hint: "row,col of B's pixel (like 12,7) or row0,col0,row1,col1 of a rectangle",
    check: (v, { input }) => {
      if (!v || !input) return v ? undefined : null;
      return v.row1 < input.height && v.col1 < input.width
        ? null
        : `a pixel inside the ${input.width}×${input.height} image (rows and columns 0 to ${input.width - 1})`;
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
    parse: (t) => (decodeCompareImage(t, INPUT_SIZE) ? t : undefined),
    serialize: (v) => v,
    hint: "B's image as this app's Copy link writes it (sample.12, or an attacked/occluded/shifted/drawn/uploaded image)",
  }),
};
