// The three views of a comparison as one JSON file (`pathway-lens/compare@1`): A, B and B − A,
// each exactly as the single view exports itself (export-data.ts: drawn nodes and links, pruned
// links, balance), so each can be checked on its own, and the difference against the two sides.
import type { CompareGraphs } from './compare-graph';
import type { CompareLayouts } from './compare-layout';
import { sankeyToJson, type SankeyJson, type SankeySource } from './export-data';

export const COMPARE_JSON_FORMAT = 'pathway-lens/compare@1';

export interface CompareJson {
  format: typeof COMPARE_JSON_FORMAT;
  kind: string;
  totals: { a: number; b: number; diff: number };
  /** The two sides read different images: the difference includes the change of gates. */
  gatesDiffer: boolean;
  a: SankeyJson;
  b: SankeyJson;
  diff: SankeyJson;
  source?: SankeySource;
  notes: string[];
}

export function compareToJson(
  graphs: CompareGraphs,
  layouts: CompareLayouts | null,
  titles: { a: string; b: string; diff: string },
  info: { kind: string; gatesDiffer: boolean; source?: SankeySource },
): CompareJson {
  return {
    format: COMPARE_JSON_FORMAT,
    kind: info.kind,
    totals: { a: graphs.a.relevance, b: graphs.b.relevance, diff: graphs.diff.relevance },
    gatesDiffer: info.gatesDiffer,
    a: sankeyToJson(graphs.a, layouts?.a ?? null, titles.a),
    b: sankeyToJson(graphs.b, layouts?.b ?? null, titles.b),
    diff: sankeyToJson(graphs.diff, layouts?.diff ?? null, titles.diff),
    ...(info.source ? { source: { ...info.source, image: { ...info.source.image } } } : {}),
    notes: [
      'a, b and diff draw the same boxes and bands in the same order; diff = b − a, box by box and band by band.',
      'Every view balances at every box: inFlow + hiddenIn = flow = outFlow + hiddenOut.',
      ...(info.gatesDiffer
        ? [
            'The two sides read different images, so their gates differ: diff includes the change of gates, not only of the input.',
          ]
        : []),
    ],
  };
}
