// The Sankey's text alternative (see pathway-words.ts), as a collapsible list under the diagram.
// Its id is given to the diagram's aria-describedby by the caller.
import { memo } from 'react';
import type { SankeyGraph } from '../../layout/sankey-types';
import { formatSigned } from '../../lib/format';
import type { PixelQueryResult } from '../../pathways/types';
import { pathwaySentences } from './pathway-words';

export interface PathwayWordsProps {
  id: string;
  result: PixelQueryResult | null;
  /** The drawn graph: only chains it draws are listed, with its names. */
  graph: SankeyGraph | null;
  /** The chains are an earlier result's, shown until this one's arrive (see TopChains). */
  stale?: boolean;
}

/** Memoised: the panel renders it from a deferred drawing, so an urgent render skips it. */
export const PathwayWords = memo(function PathwayWords({
  id,
  result,
  graph,
  stale = false,
}: PathwayWordsProps) {
  if (!result || result.chains.length === 0 || !graph || graph.empty) return null;
  const sentences = pathwaySentences(result, graph);
  return (
    <details
      className="pl-words"
      data-testid="sankey-words"
      aria-busy={stale || undefined}
      data-stale={stale || undefined}
    >
      <summary>Largest pathways in words</summary>
      <div id={id}>
        <p>
          Each pathway’s own contribution to the class score, with its sign: + raises it, − lowers
          it. Pathways of both signs add up to the total, {formatSigned(graph.relevance)} logit, so
          one pathway can be larger than the total.
        </p>
        {sentences.length > 0 ? (
          <ol>
            {sentences.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        ) : (
          <p>
            The largest pathways pass through maps or links this diagram hides: keep more maps per
            layer (K) or hide fewer links to see them.
          </p>
        )}
      </div>
    </details>
  );
});
