// The cached map importance of the current model (public/models/<id>/importance.json, made by
// `npm run reproduce`), fetched next to model.json whenever the analyses store's importance is
// 'idle' (docs/analyses.md, "Wiring"). Checked here against the model's layer names
// and map counts without TensorFlow.js; the worker checks it again before using it.
import type { ImportanceResult } from '../../analysis/importance';
import type { ModelSummary } from '../../model/summary-types';
import type { AnalysesStore } from '../../state/analyses-store';
import type { ImportanceState } from '../../state/analyses-types';
import type { AppStore } from '../../state/store';

function isNumberArray(v: unknown, length: number): v is number[] {
  return Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number');
}

/** The typed cache, or a sentence saying why it does not fit this model. */
export function checkImportance(
  json: unknown,
  summary: Pick<ModelSummary, 'layers'>,
): { ok: true; result: ImportanceResult } | { ok: false; reason: string } {
  const fail = (reason: string) => ({ ok: false as const, reason });
  if (typeof json !== 'object' || json === null) return fail('it is not a JSON object');
  const r = json as Partial<ImportanceResult>;
  if (r.version !== 1 || !Array.isArray(r.layers)) return fail('unknown format');
  if (typeof r.sampleSize !== 'number' || typeof r.baselineAccuracy !== 'number')
    return fail('it has no baseline');
  for (const e of r.layers as unknown[]) {
    const entry = e as Partial<ImportanceResult['layers'][number]>;
    const C = entry.channels;
    const keras = summary.layers.find((l) => l.name === entry.name);
    const ok =
      typeof C === 'number' &&
      Number.isInteger(entry.layer) &&
      isNumberArray(entry.ranking, C) &&
      isNumberArray(entry.accuracyDrop, C) &&
      isNumberArray(entry.probabilityDrop, C) &&
      keras !== undefined &&
      keras.outputShape[keras.outputShape.length - 1] === C;
    if (!ok) return fail(`layer ${String(entry.name)} does not match the model`);
  }
  return { ok: true, result: r as ImportanceResult };
}

/**
 * importance.json next to model.json, or null for a model that has no folder on this site to
 * look in: one opened from files (`local-model:…`) or one on another site (the page's content
 * security policy allows fetches from this origin only, docs/hosting.md).
 */
export function importanceUrl(
  modelUrl: string,
  pageOrigin: string | null = pageOriginNow(),
): string | null {
  if (!/^https?:/i.test(modelUrl)) return null;
  const url = new URL('importance.json', modelUrl);
  return pageOrigin === null || url.origin === pageOrigin ? url.href : null;
}

function pageOriginNow(): string | null {
  return typeof location === 'undefined' ? null : location.origin;
}

/**
 * Loads the current model's cached importance into the analyses store (no-op without a model, or
 * while this model's importance is loading or loaded).
 */
function ensureImportance(
  app: AppStore,
  analyses: AnalysesStore,
  fetcher: typeof fetch = fetch,
): void {
  const summary = app.getState().model.summary;
  if (!summary) return;
  const current = analyses.getState().importance;
  if (current.modelUrl === summary.url && current.status !== 'idle') return;
  const url = summary.url;
  const patch = (p: Partial<ImportanceState>) => analyses.getState().patchImportance(p);
  patch({ status: 'loading', modelUrl: url, result: null, origin: null, error: null });
  const stillMine = () => analyses.getState().importance.modelUrl === url;
  const cacheUrl = importanceUrl(url);
  if (cacheUrl === null) {
    patch({ status: 'missing' });
    return;
  }
  fetcher(cacheUrl)
    .then(async (response) => {
      if (!stillMine()) return;
      if (!response.ok) {
        patch({ status: 'missing' });
        return;
      }
      const checked = checkImportance(await response.json(), summary);
      if (!stillMine()) return;
      patch(
        checked.ok
          ? { status: 'ready', result: checked.result, origin: 'cache' }
          : { status: 'error', error: `The cached importance was ignored: ${checked.reason}.` },
      );
    })
    .catch((error: unknown) => {
      if (!stillMine()) return;
      const message = error instanceof Error ? error.message : String(error);
      patch({ status: 'missing', error: message });
    });
}

/**
 * Keeps the importance loaded: whenever it is 'idle' (at start, after a model change, after the
 * view's requestImportance) and a model is known, loads that model's cache.
 */
export function startImportanceLoader(
  app: AppStore,
  analyses: AnalysesStore,
  fetcher: typeof fetch = fetch,
): () => void {
  const check = () => {
    if (analyses.getState().importance.status === 'idle') ensureImportance(app, analyses, fetcher);
  };
  const stops = [analyses.subscribe(check), app.subscribe(check)];
  check();
  return () => stops.forEach((stop) => stop());
}
