import { describe, expect, it } from 'vitest';
import { contrastRatio, hexToRgb, type Rgb } from '../lib/colors';
import { SANKEY_COLORS } from './palette';

const WHITE: Rgb = [255, 255, 255];
const rgb = (hex: string) => hexToRgb(hex)!;
const onWhite = (c: Rgb, alpha: number): Rgb =>
  c.map((v) => Math.round(v * alpha + 255 * (1 - alpha))) as unknown as Rgb;

describe('Sankey palette', () => {
  it('keeps one link band at ≥ 3:1 against the panel (WCAG non-text contrast)', () => {
    for (const hex of [SANKEY_COLORS.positiveLink, SANKEY_COLORS.negativeLink]) {
      expect(
        contrastRatio(onWhite(rgb(hex), SANKEY_COLORS.linkOpacity), WHITE),
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps the saturated ends, node strokes and text readable', () => {
    for (const hex of [
      SANKEY_COLORS.positive,
      SANKEY_COLORS.negative,
      SANKEY_COLORS.text,
      SANKEY_COLORS.muted,
    ]) {
      expect(contrastRatio(rgb(hex), WHITE)).toBeGreaterThanOrEqual(4.5);
    }
    expect(
      contrastRatio(rgb(SANKEY_COLORS.nodeStroke), rgb(SANKEY_COLORS.nodeFill)),
    ).toBeGreaterThanOrEqual(3);
  });

  it('tells the signs apart by lightness as well as hue', () => {
    // Blue and orange differ in hue for every common colour-vision deficiency; they should also be
    // clearly different from the grey used for de-emphasised links.
    const dim = rgb(SANKEY_COLORS.dimLink);
    for (const hex of [SANKEY_COLORS.positiveLink, SANKEY_COLORS.negativeLink]) {
      expect(contrastRatio(rgb(hex), dim)).toBeGreaterThanOrEqual(2.5);
    }
  });
});
