// The words alternative of the difference view: the boxes whose flow changed most from A to B,
// with both sides' flows, named as the diagram names them.
import type { CompareGraphs } from '../../layout/compare-graph';
import { formatSigned } from '../../lib/format';

export interface DifferenceLine {
  id: string;
  label: string;
  a: number;
  b: number;
  diff: number;
}

/** The `count` map boxes (not the pixel, the class or "other") with the largest |B − A|. */
export function largestDifferences(graphs: CompareGraphs, count = 5): DifferenceLine[] {
  return graphs.diff.nodes
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => n.kind === 'unit' && n.flow !== 0)
    .sort((x, y) => Math.abs(y.n.flow) - Math.abs(x.n.flow) || x.i - y.i)
    .slice(0, count)
    .map(({ n, i }) => ({
      id: n.id,
      label: n.label,
      a: graphs.a.nodes[i]!.flow,
      b: graphs.b.nodes[i]!.flow,
      diff: n.flow,
    }));
}

/** One sentence per line: "conv2_1 · map 5: B gives the class 0.12 more (A +0.30, B +0.42)". */
export function differenceSentence(line: DifferenceLine): string {
  const more = line.diff > 0 ? 'more' : 'less';
  const size = formatSigned(Math.abs(line.diff)).replace(/^\+/, '');
  return `${line.label}: B gives the class ${size} ${more} (A ${formatSigned(line.a)}, B ${formatSigned(line.b)})`;
}
