// Export the Sankey as a standalone SVG, a 2× PNG, or JSON of exactly what is drawn (with the
// pruned flow). It takes the graph the view built (never rebuilt here) and, on a click only, lays
// it out at a fixed print size for the figure's geometry. Every file says where it comes from:
// model, image, pixel, class and the link to the view (a caption under the figure, the JSON's
// `source`), read from the app at the moment of the click.
import { sankeyToJson, sourceCaption, type SankeySource } from '../../layout/export-data';
import { modelEntry } from '../../model/registry';
import { appStore } from '../../state/store';
import { selectTrueLabel } from '../../state/selectors';
import { flushUrlSync } from '../../state/url-sync';
import { layoutSankey } from '../../layout/sankey-layout';
import type { SankeyGraph } from '../../layout/sankey-types';
import { downloadBlob, svgToPngBlob } from '../../render/png-export';
import { IDLE_STATE } from '../../render/sankey-style';
import { sankeyToSvgString } from '../../render/svg-export';
import { ExportGroup, type ExportKind } from '../common/ExportGroup';

export interface ExportButtonsProps {
  graph: SankeyGraph | null;
  title: string;
  subtitle?: string;
  /** File name without extension. */
  fileBase: string;
  size?: { width: number; height: number };
  /** Important-map node ids: the exported figure carries the same ★ marks as the screen. */
  markedNodeIds?: ReadonlySet<string>;
  /** Where the figure comes from; default: the app's model, image and address now. */
  source?: () => SankeySource | null;
}

/** The app's model, image and link now (the address bar flushed first, as Copy link does). */
export function currentSource(): SankeySource | null {
  const s = appStore.getState();
  if (!s.image) return null;
  flushUrlSync();
  const custom = s.customModelUrl;
  const src = s.image.source;
  const image: SankeySource['image'] =
    src.kind === 'sample'
      ? { kind: 'sample', sample: src.index, label: selectTrueLabel(s) }
      : src.kind === 'drawn'
        ? { kind: 'drawn' }
        : { kind: 'uploaded', ...(src.name ? { name: src.name } : {}) };
  return {
    model: custom ?? s.modelId,
    modelLabel: custom ? s.model.label || custom : modelEntry(s.modelId).label,
    image,
    link: typeof location === 'undefined' ? '' : location.href,
  };
}

export function ExportButtons(props: ExportButtonsProps) {
  const { graph, title, subtitle, fileBase, size, markedNodeIds } = props;
  const disabled = !graph || graph.empty;
  const figure = (source: SankeySource | null) => {
    const layout = layoutSankey(graph!, size ?? { width: 1200, height: 560 });
    return {
      layout,
      svg: sankeyToSvgString(layout, {
        title,
        subtitle,
        state: { ...IDLE_STATE, marked: markedNodeIds },
        caption: source ? sourceCaption(source, graph!) : undefined,
      }),
    };
  };
  const run = async (kind: ExportKind) => {
    if (!graph) return;
    const source = (props.source ?? currentSource)();
    const { layout, svg } = figure(source);
    if (kind === 'svg') downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${fileBase}.svg`);
    if (kind === 'png') downloadBlob(await svgToPngBlob(svg, 2), `${fileBase}.png`);
    if (kind === 'json') {
      const json = JSON.stringify(sankeyToJson(graph, layout, title, source ?? undefined), null, 2);
      downloadBlob(new Blob([json], { type: 'application/json' }), `${fileBase}.json`);
    }
  };
  return (
    <ExportGroup
      label="Export the Sankey"
      testId="sankey-export"
      disabled={disabled}
      onExport={run}
    />
  );
}
