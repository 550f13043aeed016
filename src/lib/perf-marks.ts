/**
 * Performance marks the app sets for the UI benchmark (scripts/bench-ui.ts), which reads them with
 * performance.getEntriesByName. Each name holds only its latest mark, so the page never piles up
 * entries however long it runs. `detail.pixels` names the selection (flat indices, comma-joined).
 */
export const PERF_MARKS = {
  /** The worker's answer for a selection reached the main thread. */
  queryAnswered: 'pathway-lens:query-answered',
  /** The Sankey for that answer has been committed to the page. */
  sankeyRendered: 'pathway-lens:sankey-rendered',
  /** Compare mode: B's live answer and the B − A view drawn from it are committed. */
  compareRendered: 'pathway-lens:compare-rendered',
} as const;

export interface PerfMarkDetail {
  pixels: string;
  classIndex: number;
  /** On query-answered: the request's timings, epoch ms (src/worker/client.ts, RequestTiming). */
  timing?: Record<string, number | undefined>;
}

export function markLatest(name: string, detail: PerfMarkDetail): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.clearMarks(name);
  performance.mark(name, { detail });
}
