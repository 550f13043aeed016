// The largest pathways as chains of one map per layer (definition 6), from the engine's beam
// search. Hovering or focusing a row draws that chain over the Sankey at its exact width.
import type { PixelQueryResult } from '../../pathways/types';
import { formatPercent, formatSigned } from '../../lib/format';

export interface TopChainsProps {
  result: PixelQueryResult | null;
  /** Row highlighted now (hovered or focused), or null. */
  active: number | null;
  onActiveChange: (index: number | null) => void;
  /** Rows shown (default 5). */
  limit?: number;
}

export function TopChains({ result, active, onActiveChange, limit = 5 }: TopChainsProps) {
  if (!result || result.chains.length === 0) return null;
  // Pool layers repeat the conv map before them, and the last entry is the class: skip both.
  const layers = result.layers.filter((l) => l.kind !== 'pool' && l.kind !== 'logits');
  const chains = result.chains.slice(0, limit);
  return (
    <table className="pl-chains" data-testid="sankey-chains">
      <caption>
        Largest pathways: one map per layer, found by beam search (width {result.beamWidth}), so
        larger ones may be missed. Hover a row to see it in the diagram.
      </caption>
      <thead>
        <tr>
          {layers.map((l) => (
            <th key={l.index} scope="col">
              {l.name}
            </th>
          ))}
          <th scope="col">flow</th>
          <th scope="col">of total</th>
        </tr>
      </thead>
      <tbody onMouseLeave={() => onActiveChange(null)}>
        {chains.map((c, i) => (
          <tr
            key={i}
            tabIndex={0}
            data-active={active === i || undefined}
            onMouseEnter={() => onActiveChange(i)}
            onFocus={() => onActiveChange(i)}
            onBlur={() => onActiveChange(null)}
          >
            {layers.map((l) => (
              <td key={l.index}>{c.maps[l.index] ?? '–'}</td>
            ))}
            <td className={c.flow < 0 ? 'pl-negative' : 'pl-positive'}>{formatSigned(c.flow)}</td>
            <td>
              {result.relevance !== 0 ? formatPercent(Math.abs(c.flow / result.relevance)) : '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
