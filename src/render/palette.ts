// Sankey colours. Sign uses the project's shared diverging scale (blue = positive, orange/brown =
// negative; safe for red-green colour-vision deficiencies) so the Sankey agrees with the maps.
// Link opacity is chosen so that one band alone still reaches 3:1 against the white panel (WCAG
// non-text contrast); the test next to this file holds it there.
import { MUTED_TEXT_HEX, PANEL_BG_HEX, TEXT_HEX, divergingHex } from '../lib/colors';

export const SANKEY_COLORS = {
  /** Saturated ends: node net-flow bars, legend swatches. */
  positive: divergingHex(1),
  negative: divergingHex(-1),
  /** Link bands, a step lighter so overlapping translucent bands stay readable. */
  positiveLink: divergingHex(0.8),
  negativeLink: divergingHex(-0.8),
  linkOpacity: 0.7,
  highlightOpacity: 0.88,
  /** Links outside the hovered pathway. */
  dimLink: '#c3cad3',
  dimOpacity: 0.45,
  dimNodeOpacity: 0.35,
  nodeFill: '#eaeef2',
  nodeStroke: '#57606a',
  pinStroke: '#1f2328',
  text: TEXT_HEX,
  muted: MUTED_TEXT_HEX,
  background: PANEL_BG_HEX,
} as const;

export function linkColor(flow: number): string {
  return flow < 0 ? SANKEY_COLORS.negativeLink : SANKEY_COLORS.positiveLink;
}

export function nodeColor(flow: number): string {
  return flow < 0 ? SANKEY_COLORS.negative : SANKEY_COLORS.positive;
}
