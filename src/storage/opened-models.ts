// The files of the models opened from disk in this tab, by their link id (local-model-id.ts):
// the session's loader and the analyses' worker both send them with loadModel, and a worker that
// restarts gets them again with the replayed request. Only the newest few stay in memory (the
// current model and the one before it, to go back to after a failed open); older ones come back
// from the kept models (local-models.ts) when opened again.
import {
  isLocalModelUrl,
  localModelId,
  localWorkerUrl,
  LOCAL_MODEL_SCHEME,
} from './local-model-id';
import type { LocalModelFiles, LocalSampleFiles, OpenedModel } from './model-files-types';

const KEPT_IN_MEMORY = 3;
const opened = new Map<string, OpenedModel>();

export function rememberOpenedModel(model: OpenedModel): void {
  const id = localModelId(model.hash);
  opened.delete(id);
  opened.set(id, model);
  while (opened.size > KEPT_IN_MEMORY) {
    const oldest = opened.keys().next().value;
    if (oldest === undefined) break;
    opened.delete(oldest);
  }
}

export function openedModel(id: string): OpenedModel | undefined {
  return opened.get(id);
}

function openedByUrl(url: string): OpenedModel | undefined {
  if (!isLocalModelUrl(url)) return undefined;
  const model = opened.get(localModelId(url.slice(LOCAL_MODEL_SCHEME.length)));
  return model && url === localWorkerUrl(model.hash) ? model : undefined;
}

/** The files for a worker URL (`local-model:<hash>`), or undefined for any other model. */
export function filesForModelUrl(url: string): LocalModelFiles | undefined {
  return openedByUrl(url)?.files;
}

/** The sample set opened with a local model (its summary's url), if one was. */
export function samplesForModelUrl(url: string): LocalSampleFiles | undefined {
  return openedByUrl(url)?.samples;
}

/** loadModel's params for a model URL: a local model's files travel with it. */
export function loadModelParams(url: string): { url: string; files?: LocalModelFiles } {
  const files = filesForModelUrl(url);
  return files ? { url, files } : { url };
}
