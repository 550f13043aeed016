// `?perf=baseline`: the click path as it was before the speed work (docs/benchmarks.md), so that
// `npm run bench:ui` measures before and after in ONE run, on the same machine at the same load.
// A benchmark switch outside the link table (src/state/url-fields.ts). What it restores:
// - the Sankey dims at once on every click (src/app/session/pathway-query.ts, busyDelayFromLink);
// - every query carries a copy of the whole image (src/app/session/worker-images.ts not used);
// - the newest Sankey's effect reads the plot's scrollWidth, a forced layout (SankeyView.tsx);
// - bands are ordered by d3-sankey's re-sorting after each move (layout `linkOrder: 'breadth'`);
// - the SVG's bands are keyed by id, each with a <title> (SankeySvg.tsx);
// - the words and the chain table under the Sankey render with it, not after it (SankeyPanel.tsx);
// - a click's selection is committed at once, on its own (InputView.tsx; not with its answer:
//   view-types.ts pendingSelection);
// - the query runs the chain search itself, before answering (pathway-query.ts; not apart from it,
//   after the Sankey: pathway-chains.ts);
// - the panels share the page's paint layer (app.css, "Paint isolation": the root element gets
//   data-perf="baseline"), the gallery's thumbnails are live canvases (SampleThumb.tsx), and
//   "updating…" shows for every answer (PathwayPanel.tsx originNote);
// - at startup, nothing is preloaded (public/preload-view.js) and the first render does not wait
//   for the view's gallery and precomputed example (src/main.tsx, app/session/view-data.ts).

export function perfBaselineFromLink(search: string): boolean {
  return new URLSearchParams(search).get('perf') === 'baseline';
}

/** Whether this page was opened with `?perf=baseline` (read once; false outside a browser). */
export const PERF_BASELINE: boolean =
  typeof location !== 'undefined' && perfBaselineFromLink(location.search);

/** Marks the page for the baseline's stylesheet rules (app.css). */
if (PERF_BASELINE && typeof document !== 'undefined') {
  document.documentElement.dataset.perf = 'baseline';
}
