// B's image as the link writes it (`bimg`, url-sync.ts): its sample number, or its pixels losslessly
// (compare-image-code.ts), encoded once per image (the store changes on every pointer move). An
// image whose code is longer than a link may carry (a large colour attack) stays out of the link.
import { compareCodeFitsLink, encodeCompareImage } from './compare-image-code';
import type { CompareData } from './compare-types';

const codes = new WeakMap<Float32Array, string>();

export function compareImageLinkCode(compare: CompareData): string | null {
  const image = compare.image;
  if (!image) return compare.pendingSample === null ? null : `sample.${compare.pendingSample}`;
  const source = image.source;
  if (source.kind === 'sample') return `sample.${source.index}`;
  let code = codes.get(image.pixels);
  if (code === undefined) {
    code = encodeCompareImage({
      kind: 'variant',
      variant: source.variant,
      shape: image.shape,
      pixels: image.pixels,
    });
    if (!compareCodeFitsLink(code)) code = '';
    codes.set(image.pixels, code);
  }
  return code === '' ? null : code;
}
