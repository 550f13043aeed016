// The Sankey's text alternative (see pathway-words.ts), as a collapsible list under the diagram.
// Its id is given to the diagram's aria-describedby by the caller.
import type { PixelQueryResult } from '../../pathways/types';
import { pathwaySentences } from './pathway-words';

export interface PathwayWordsProps {
  id: string;
  result: PixelQueryResult | null;
}

export function PathwayWords({ id, result }: PathwayWordsProps) {
  const sentences = result ? pathwaySentences(result) : [];
  if (sentences.length === 0) return null;
  return (
    <details className="pl-words" data-testid="sankey-words">
      <summary>Largest pathways in words</summary>
      <ol id={id}>
        {sentences.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
    </details>
  );
}
