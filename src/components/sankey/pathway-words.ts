// The largest pathways in words, the Sankey's text alternative for screen readers and for
// anyone who cannot read the diagram: one sentence per chain, from the engine's beam search.
import type { PixelQueryResult } from '../../pathways/types';
import { describePixels } from '../../layout/sankey-columns';
import { formatPercent, formatSigned } from '../../lib/format';

export function pathwaySentences(result: PixelQueryResult, limit = 5): string[] {
  // Pool layers repeat the conv map before them, and the class is named once at the end.
  const layers = result.layers.filter((l) => l.kind !== 'pool' && l.kind !== 'logits');
  const origin = describePixels(result.pixels, result.input.width);
  const start = origin.charAt(0).toUpperCase() + origin.slice(1);
  return result.chains.slice(0, limit).map((c) => {
    const steps = layers.map((l) => `${l.name} map ${c.maps[l.index] ?? '?'}`);
    const share =
      result.relevance !== 0
        ? ` (${formatPercent(Math.abs(c.flow / result.relevance))} of the flow)`
        : '';
    return `${[start, ...steps, `class ${result.classIndex}`].join(' → ')}: ${formatSigned(c.flow)}${share}`;
  });
}
