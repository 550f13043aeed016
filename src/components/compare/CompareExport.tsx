// Exports a comparison: one SVG (or 2× PNG) of the three views, and one JSON of all three
// (layout/compare-export.ts). Laid out again only on the click, at a fixed print size.
import type { CompareGraphs } from '../../layout/compare-graph';
import { compareToJson } from '../../layout/compare-export';
import { layoutCompare } from '../../layout/compare-layout';
import type { SankeySource } from '../../layout/export-data';
import { downloadBlob, svgToPngBlob } from '../../render/png-export';
import { ExportGroup, type ExportKind } from '../common/ExportGroup';
import { compareToSvgString } from './compare-svg';

export interface CompareExportProps {
  graphs: CompareGraphs | null;
  titles: { a: string; b: string; diff: string };
  kind: string;
  gatesDiffer: boolean;
  /** Model, image and link at the moment of the click. */
  source: () => SankeySource | null;
  fileBase: string;
}

const PRINT = { width: 760, height: 420 };

export function CompareExport(props: CompareExportProps) {
  const { graphs, titles } = props;
  const run = async (kind: ExportKind) => {
    if (!graphs) return;
    const source = props.source();
    const layouts = layoutCompare(graphs, PRINT);
    if (kind === 'json') {
      const json = compareToJson(graphs, layouts, titles, {
        kind: props.kind,
        gatesDiffer: props.gatesDiffer,
        ...(source ? { source } : {}),
      });
      const blob = new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' });
      downloadBlob(blob, `${props.fileBase}.json`);
      return;
    }
    const caption = source ? [`Model ${source.modelLabel}`, `Link: ${source.link}`] : [];
    const svg = compareToSvgString(layouts, titles, caption);
    if (kind === 'svg')
      downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${props.fileBase}.svg`);
    else downloadBlob(await svgToPngBlob(svg, 2), `${props.fileBase}.png`);
  };
  return (
    <ExportGroup
      label="Export the comparison"
      testId="compare-export"
      disabled={!graphs}
      onExport={run}
    />
  );
}
