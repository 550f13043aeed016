// The difference view's text alternative: the maps whose flow to the class changed most.
import type { CompareGraphs } from '../../layout/compare-graph';
import { differenceSentence, largestDifferences } from './compare-words';

export function CompareWords({ graphs, id }: { graphs: CompareGraphs; id?: string }) {
  const lines = largestDifferences(graphs);
  return (
    <section className="cmp-words" aria-labelledby={`${id}-h`} id={id}>
      <h3 id={`${id}-h`}>Largest differences in words</h3>
      {lines.length === 0 ? (
        <p>No map’s flow differs between A and B.</p>
      ) : (
        <ol data-testid="compare-words">
          {lines.map((l) => (
            <li key={l.id}>{differenceSentence(l)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
