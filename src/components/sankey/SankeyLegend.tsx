// Legend: colour = sign, band width ∝ |flow| (with a width key in logit units), node glyph, and
// the important-map ★ while any drawn node carries it (an entry for an absent mark would mislead).
import { MARKER_NOTE, NODE_NOTE, SIGN_SWATCHES, widthKey } from '../../render/legend-data';
import { SANKEY_COLORS } from '../../render/palette';
import { MARKER_GLYPH } from '../../render/sankey-scene';
import { Term } from '../common/Term';

export function SankeyLegend({ ky, marked = false }: { ky?: number; marked?: boolean }) {
  const key = ky ? widthKey(ky) : null;
  return (
    <div className="pl-legend" data-testid="sankey-legend">
      {SIGN_SWATCHES.map((s) => (
        <span key={s.color}>
          <span
            className="pl-swatch"
            style={{ background: s.color, opacity: SANKEY_COLORS.linkOpacity }}
            aria-hidden="true"
          />
          {s.label}
        </span>
      ))}
      {key && (
        <span>
          <svg
            width={30}
            height={Math.max(12, key.px)}
            aria-hidden="true"
            style={{ verticalAlign: 'middle', marginRight: 6 }}
          >
            <rect x={0} y={0} width={30} height={key.px} fill={SANKEY_COLORS.dimLink} />
          </svg>
          band of {key.label}
        </span>
      )}
      {marked && (
        <span data-testid="sankey-legend-marker">
          <span className="pl-legend-marker" aria-hidden="true">
            {MARKER_GLYPH}
          </span>
          {MARKER_NOTE}
          <Term id="ablation">{''}</Term>
        </span>
      )}
      <span className="pl-muted">{NODE_NOTE}</span>
    </div>
  );
}
