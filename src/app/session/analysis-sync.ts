// Starts what the Analyses area needs once, whoever mounts first (the area, or the Sankey's
// useImportantMapIds): the link sync of its settings, a notice for bad link values, and dropping
// every result when the model changes.
import {
  analysesStore,
  analysesUrlProblems,
  startAnalysesUrlSync,
} from '../../state/analyses-store';
import { appStore } from '../../state/store';
import { URL_FIELDS } from '../../state/url-fields';
import { ensureImportance } from './analysis-importance';

let started = false;

export function startAnalyses(): void {
  if (started || typeof location === 'undefined') return;
  started = true;
  startAnalysesUrlSync();
  // Once the lead adds ANALYSES_URL_FIELDS to URL_FIELDS, the shell reports bad values itself.
  const shellParses = Object.values(URL_FIELDS).some((f) => f.key === 'an');
  if (!shellParses) {
    analysesUrlProblems.forEach((text, i) =>
      appStore.getState().notify({ id: `analyses-url-${i}`, level: 'warning', text }),
    );
  }
  let modelUrl = appStore.getState().model.summary?.url ?? null;
  appStore.subscribe((state) => {
    const url = state.model.summary?.url ?? null;
    if (url === modelUrl) return;
    modelUrl = url;
    analysesStore.getState().resetForModel();
    if (url) ensureImportance();
  });
  ensureImportance();
}
