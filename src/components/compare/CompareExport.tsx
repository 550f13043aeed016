// Exports a comparison: one SVG (or 2× PNG) of the three views, and one JSON of all three
// (layout/compare-export.ts). Laid out again only on the click, at a fixed print size.
import { useState } from 'react';
import type { CompareGraphs } from '../../layout/compare-graph';
import { compareToJson } from '../../layout/compare-export';
import { layoutCompare } from '../../layout/compare-layout';
import type { SankeySource } from '../../layout/export-data';
import { downloadBlob, svgToPngBlob } from '../../render/png-export';
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
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'svg' | 'png' | 'json') => {
    if (!graphs) return;
    setError(null);
    try {
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
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <span
      className="pl-export"
      role="group"
      aria-label="Export the comparison"
      data-testid="compare-export"
    >
      Export{' '}
      {(['svg', 'png', 'json'] as const).map((kind) => (
        <button key={kind} type="button" disabled={!graphs} onClick={() => void run(kind)}>
          {kind.toUpperCase()}
        </button>
      ))}
      {error && <span role="alert"> Export failed: {error}</span>}
    </span>
  );
}
