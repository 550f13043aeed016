// Where the current model comes from: a built-in model of the registry, or a custom same-origin
// path from the link. Absolute URLs are computed here, on the main thread, from document.baseURI.
import { modelCardPath, modelEntry, modelJsonPath, type ModelId } from '../../model/registry';
import { checkCustomModelPath, resolveSiteUrl } from '../../model/site-url';

export interface ModelSource {
  url: string;
  label: string;
  /** The model card to show, when there is one. */
  cardUrl: string | null;
}

function builtInSource(id: ModelId, baseURI: string): ModelSource {
  return {
    url: resolveSiteUrl(modelJsonPath(id), baseURI),
    label: modelEntry(id).label,
    cardUrl: resolveSiteUrl(modelCardPath(id), baseURI),
  };
}

export type SourceChoice = { source: ModelSource; rejected: string | null };

/** The custom path when it is acceptable, else the built-in model with the reason. */
export function chooseModelSource(
  id: ModelId,
  customPath: string | null,
  baseURI: string,
): SourceChoice {
  if (customPath === null) return { source: builtInSource(id, baseURI), rejected: null };
  const check = checkCustomModelPath(customPath, baseURI);
  if (!check.ok) {
    return {
      source: builtInSource(id, baseURI),
      rejected: `The custom model was not loaded: ${check.reason}. Showing the ${modelEntry(id).label} model instead.`,
    };
  }
  const cardUrl = check.url.replace(/[^/]*$/, 'model-card.json');
  return { source: { url: check.url, label: customPath, cardUrl }, rejected: null };
}
