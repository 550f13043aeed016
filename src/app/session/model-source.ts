// Where the current model comes from: a built-in model of the registry, a model.json on this site
// or on another one (?modelUrl, the "Open model…" dialog's address), or files opened from disk
// (?localModel, src/storage/local-model-id.ts). Absolute URLs are computed here, on the main
// thread, from document.baseURI. Pure: the loader (model-loader.ts) acts on the choice.
import { modelCardPath, modelEntry, modelJsonPath, type ModelId } from '../../model/registry';
import { checkModelUrl, resolveSiteUrl } from '../../model/site-url';
import {
  isLocalModelUrl,
  parseLocalModelAddress,
  type LocalModelRef,
} from '../../storage/local-model-id';

/** built-in: the registry's; site: a model.json on this site; remote: on another site; local:
 * opened from files. Only a built-in model's failure leaves the app without a model. */
export type ModelSourceKind = 'built-in' | 'site' | 'remote' | 'local';

export interface ModelSource {
  kind: ModelSourceKind;
  /** What the worker loads: an absolute URL, or a local model's `local-model:<hash>`. */
  url: string;
  label: string;
  /** The model card to show, when there is one. */
  cardUrl: string | null;
}

export function builtInSource(id: ModelId, baseURI: string): ModelSource {
  return {
    kind: 'built-in',
    url: resolveSiteUrl(modelJsonPath(id), baseURI),
    label: modelEntry(id).label,
    cardUrl: resolveSiteUrl(modelCardPath(id), baseURI),
  };
}

/** The label of a model from files before its name is known (a link without one). */
export const UNNAMED_LOCAL_MODEL = 'the model from files';

export type SourceChoice =
  /** Load `source`; `rejected` says why the address was refused (then source is built in). */
  | { kind: 'load'; source: ModelSource; rejected: string | null }
  /** Another site's model the user has not agreed to yet: show `fallback` and ask, naming `host`. */
  | { kind: 'ask'; url: string; origin: string; host: string; fallback: ModelSource }
  /** A model from files: its files come from this tab or the kept models (or are missing). */
  | { kind: 'local'; ref: LocalModelRef; fallback: ModelSource };

/**
 * What to load for the store's model choice. `consented`: the other sites the user agreed to
 * load from (a link alone never makes the page download from another site).
 */
export function chooseModelSource(
  id: ModelId,
  address: string | null,
  baseURI: string,
  consented: readonly string[] = [],
): SourceChoice {
  const builtIn = builtInSource(id, baseURI);
  if (address === null) return { kind: 'load', source: builtIn, rejected: null };
  if (isLocalModelUrl(address)) {
    const ref = parseLocalModelAddress(address);
    if (ref) return { kind: 'local', ref, fallback: builtIn };
    return {
      kind: 'load',
      source: builtIn,
      rejected: `The model from files was not loaded: its id is malformed. Showing the ${builtIn.label} model instead.`,
    };
  }
  const check = checkModelUrl(address, baseURI);
  if (!check.ok) {
    return {
      kind: 'load',
      source: builtIn,
      rejected: `The custom model was not loaded: ${check.reason}. Showing the ${builtIn.label} model instead.`,
    };
  }
  if (!check.sameOrigin && !consented.includes(check.origin)) {
    return {
      kind: 'ask',
      url: check.url,
      origin: check.origin,
      host: check.host,
      fallback: builtIn,
    };
  }
  // Another site's model card would be a cross-origin fetch from the page, which its content
  // security policy refuses (connect-src 'self', docs/hosting.md); the worker downloads the model.
  const cardUrl = check.sameOrigin ? new URL('model-card.json', check.url).href : null;
  return {
    kind: 'load',
    source: {
      kind: check.sameOrigin ? 'site' : 'remote',
      url: check.url,
      label: check.sameOrigin ? address : `${check.host}: ${fileLabel(check.url)}`,
      cardUrl,
    },
    rejected: null,
  };
}

/** The last folder and file of a URL ("mine/model.json"), for the header. */
function fileLabel(url: string): string {
  const parts = new URL(url).pathname.split('/').filter((p) => p !== '');
  return parts.slice(-2).join('/') || url;
}

/** The source of a model from files whose files are at hand (opened-models.ts). */
export function localSource(workerUrl: string, name: string): ModelSource {
  return { kind: 'local', url: workerUrl, label: name, cardUrl: null };
}

/** Stable per choice, so that a store change that does not change the choice loads nothing. */
export function choiceKey(choice: SourceChoice): string {
  switch (choice.kind) {
    case 'load':
      return `load ${choice.source.url}`;
    case 'ask':
      return `ask ${choice.url} ${choice.fallback.url}`;
    case 'local':
      return `local ${choice.ref.id} ${choice.ref.name ?? ''} ${choice.fallback.url}`;
  }
}
