// The largest pathways as chains of one map per layer (definition 6), from the engine's beam
// search. Hovering or focusing a row draws that chain over the Sankey at its exact width. Only
// chains the diagram draws are listed (pathway-words.ts), under the diagram's column names.
import { memo } from 'react';
import type { SankeyGraph } from '../../layout/sankey-types';
import { formatSigned } from '../../lib/format';
import type { PixelQueryResult } from '../../pathways/types';
import { Term } from '../common/Term';
import { shownChains } from './pathway-words';

export interface TopChainsProps {
  result: PixelQueryResult | null;
  /** The drawn graph: its columns head the table and only chains it draws are listed. */
  graph: SankeyGraph | null;
  /** Row highlighted now (an index into result.chains), or null. */
  active: number | null;
  onActiveChange: (index: number | null) => void;
  /** Rows shown (default 5). */
  limit?: number;
  /** The chains are an earlier result's, shown until this one's arrive (dimmed if that is slow). */
  stale?: boolean;
  /** Why this result's chains could not be found. */
  error?: string | null;
}

/** Memoised: the panel renders it from a deferred drawing, so an urgent render skips it. */
export const TopChains = memo(function TopChains({
  result,
  graph,
  active,
  onActiveChange,
  limit = 5,
  stale = false,
  error = null,
}: TopChainsProps) {
  if (error) {
    return (
      <p className="pl-chains-error" role="alert">
        Could not find the largest pathways: {error}
      </p>
    );
  }
  if (!result || !graph) return null;
  const chains = shownChains(result, graph, limit);
  if (chains.length === 0) return null;
  const columns = chains[0]?.steps.map((s) => s.column) ?? [];
  return (
    // A deep network's chain has a step per layer (21 for VGG-16): the table scrolls sideways in
    // its own box, keyboard-reachable, instead of widening the page.
    <div
      className="pl-chains-scroll"
      tabIndex={0}
      role="region"
      aria-label="Largest pathways"
      aria-busy={stale || undefined}
      data-stale={stale || undefined}
    >
      <table className="pl-chains" data-testid="sankey-chains">
        <caption>
          Largest pathways: one map per layer, found by <Term id="beamSearch" /> (width{' '}
          {result.beamWidth}), so larger ones may be missed. A flow is the pathway’s own signed
          contribution; with all the others it adds up to the total, {formatSigned(graph.relevance)}
          . Hover a row to see it in the diagram.
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">flow</th>
          </tr>
        </thead>
        <tbody onMouseLeave={() => onActiveChange(null)}>
          {chains.map((c) => (
            <tr
              key={c.index}
              tabIndex={0}
              data-active={active === c.index || undefined}
              onMouseEnter={() => onActiveChange(c.index)}
              onFocus={() => onActiveChange(c.index)}
              onBlur={() => onActiveChange(null)}
            >
              {c.steps.map((s) => (
                <td key={s.column} title={s.text}>
                  {s.inOther ? `${s.channel} (other)` : s.channel}
                </td>
              ))}
              <td className={c.flow < 0 ? 'pl-negative' : 'pl-positive'}>{formatSigned(c.flow)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
