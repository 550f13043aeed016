// Loads the model (in the worker) and its card (here) whenever the chosen model changes.
//
// A model the user opens (files, an address, a link to one) may fail: then its message goes to
// the "Open model…" dialog and a notice, and the app goes back to the model it showed before
// (the worker still holds it, so that is quick), with that model's link. Only a built-in model
// that fails leaves the app without a model (status 'error'), as nothing else is left to show.
import { LONG_STEP_STALL_MS, type WorkerClient } from '../../worker/client';
import { isSuperseded } from '../../worker/errors';
import { loadModelCard, type ModelCard } from '../../model/model-card';
import { modelEntry, type ModelId } from '../../model/registry';
import type { AppStore } from '../../state/store';
import { localWorkerUrl, type LocalModelRef } from '../../storage/local-model-id';
import { findKeptModel, keepModel } from '../../storage/local-models';
import { missingLocalModelText, OPEN_MODEL_NOTICE_ID } from '../../storage/local-model-words';
import type { OpenedModel } from '../../storage/model-files-types';
import { loadModelParams, openedModel, rememberOpenedModel } from '../../storage/opened-models';
import {
  chooseModelSource,
  choiceKey,
  localSource,
  UNNAMED_LOCAL_MODEL,
  type ModelSource,
} from './model-source';

const LOAD_TIMEOUT_MS = 120_000;

export interface ModelLoaderDeps {
  /** The kept model with a link id (IndexedDB, src/storage/local-models.ts). */
  findKept(id: string): Promise<OpenedModel | null>;
  /** Keeps a model opened from files once it has loaded. */
  keep(model: OpenedModel): Promise<unknown>;
  loadCard(url: string): Promise<ModelCard | null>;
  baseURI(): string;
}

const browserDeps: ModelLoaderDeps = {
  findKept: findKeptModel,
  keep: keepModel,
  loadCard: (url) => loadModelCard(url),
  baseURI: () => document.baseURI,
};

/** The store's model choice: what a failed open goes back to. */
interface Choice {
  modelId: ModelId;
  address: string | null;
}

export function startModelLoader(
  store: AppStore,
  client: WorkerClient,
  deps: ModelLoaderDeps = browserDeps,
): () => void {
  let token = 0;
  let lastKey: string | null = null;
  /** The choice whose model last loaded. */
  let shown: Choice | null = null;
  /** Models from files kept in this visit (restored or saved): not written again. */
  const kept = new Set<string>();
  /** Set while going back after a failure: that load must not clear the failure's message. */
  let goingBack = false;

  const notify = (level: 'warning' | 'error' | 'info', text: string) =>
    store.getState().notify({ id: OPEN_MODEL_NOTICE_ID, level, text });

  /** Back to the model shown before `failed` (or the built-in one), with its link. */
  const goBack = () => {
    const back = shown ?? { modelId: store.getState().modelId, address: null };
    goingBack = true;
    store.getState().openModelAt(back.address, { modelId: back.modelId });
    goingBack = false;
    return shown
      ? 'The model shown before stays.'
      : `Showing the ${modelEntry(back.modelId).label} model instead.`;
  };

  const keepOpened = (model: OpenedModel) => {
    if (kept.has(model.hash)) return;
    kept.add(model.hash);
    deps.keep(model).catch((error: unknown) => {
      kept.delete(model.hash);
      const reason = error instanceof Error ? error.message : String(error);
      notify(
        'info',
        `“${model.name}” was not kept in this browser (${reason}); after a reload, open its files again.`,
      );
    });
  };

  /** `back`: this load goes back after a failure (its message stays). */
  const start = (
    mine: number,
    source: ModelSource,
    choice: Choice,
    back: boolean,
    opened?: OpenedModel,
  ) => {
    const { patchModel, patchPrediction } = store.getState();
    patchModel({
      status: 'loading',
      progress: 0,
      summary: null,
      card: null,
      error: null,
      label: source.label,
    });
    // The old model's answer does not describe the new one.
    patchPrediction({ status: 'idle', result: null, imageVersion: null });

    if (source.cardUrl) {
      deps
        .loadCard(source.cardUrl)
        .then((card) => {
          if (mine === token) store.getState().patchModel({ card });
        })
        .catch(() => undefined); // The card is decoration; the model itself reports failures.
    }

    client
      .request(
        'loadModel',
        // The built-in models name their classes through their dataset: no labels to look for.
        {
          ...loadModelParams(source.url),
          ...(source.kind === 'built-in' ? { lookForLabels: false } : {}),
        },
        {
          channel: 'model',
          replay: true,
          timeoutMs: LOAD_TIMEOUT_MS,
          stallMs: LONG_STEP_STALL_MS,
          onProgress: (fraction) => {
            if (mine === token) store.getState().patchModel({ progress: fraction });
          },
        },
      )
      .then((summary) => {
        if (mine !== token) return;
        shown = choice;
        store.getState().patchModel({ status: 'ready', progress: 1, summary });
        // A model the user chose is shown: an earlier failure's message is stale now.
        if (!back && store.getState().openModel.error !== null) {
          store.getState().patchOpenModel({ error: null });
        }
        if (opened) keepOpened(opened);
      })
      .catch((error: Error) => {
        if (mine !== token || isSuperseded(error)) return;
        const reason = error.message || String(error);
        const text = `The model “${source.label}” could not be loaded. ${reason}`;
        if (source.kind === 'built-in') {
          store.getState().patchModel({ status: 'error', error: text });
          return;
        }
        store.getState().patchOpenModel({ error: text });
        notify('error', `${text} ${goBack()}`);
      });
  };

  /** A link's model from files that neither this tab nor the kept models have. */
  const missing = (ref: LocalModelRef, problem: string | null) => {
    store.getState().patchOpenModel({
      missing: { id: ref.id, name: ref.name },
      dialogOpen: true,
      error: null,
    });
    const why = problem ? ` (The kept models could not be read: ${problem}.)` : '';
    notify('warning', `${missingLocalModelText(ref.name)}${why} ${goBack()}`);
  };

  const openLocal = (
    mine: number,
    model: OpenedModel,
    choice: Choice,
    ref: LocalModelRef,
    back: boolean,
  ) => {
    rememberOpenedModel(model);
    const source = localSource(localWorkerUrl(model.hash), ref.name ?? model.name);
    start(mine, source, choice, back, model);
  };

  const load = () => {
    const s = store.getState();
    const choice = chooseModelSource(
      s.modelId,
      s.customModelUrl,
      deps.baseURI(),
      s.openModel.consentedOrigins,
    );
    const key = choiceKey(choice);
    if (key === lastKey) return;
    lastKey = key;
    const mine = ++token;
    const back = goingBack;
    const here: Choice = { modelId: s.modelId, address: s.customModelUrl };
    switch (choice.kind) {
      case 'load':
        if (choice.rejected) {
          notify('warning', choice.rejected);
          // The address is not loaded, so the link must not keep it either.
          store.getState().openModelAt(null);
          start(mine, choice.source, { modelId: s.modelId, address: null }, back);
        } else {
          start(mine, choice.source, here, back);
        }
        return;
      case 'ask':
        // Not shown until the user agrees (src/components/open-model/RemoteModelPrompt.tsx): the
        // address waits aside (the link keeps it) and the built-in model is shown meanwhile.
        s.patchOpenModel({ pendingRemote: s.customModelUrl });
        s.openModelAt(null);
        return;
      case 'local': {
        const { ref } = choice;
        const inMemory = openedModel(ref.id);
        if (inMemory) {
          openLocal(mine, inMemory, here, ref, back);
          return;
        }
        s.patchModel({
          status: 'loading',
          progress: 0,
          summary: null,
          card: null,
          error: null,
          label: ref.name ?? UNNAMED_LOCAL_MODEL,
        });
        deps.findKept(ref.id).then(
          (found) => {
            if (mine !== token) return;
            if (!found) {
              missing(ref, null);
              return;
            }
            kept.add(found.hash);
            openLocal(mine, found, here, ref, back);
          },
          (error: unknown) => {
            if (mine !== token) return;
            missing(ref, error instanceof Error ? error.message : String(error));
          },
        );
        return;
      }
    }
  };

  // Subscribed first: the first load may itself change the choice (a refused or asked-for
  // address goes back to the built-in model), and that change must load too.
  const unsubscribe = store.subscribe((state, prev) => {
    if (
      state.modelId !== prev.modelId ||
      state.customModelUrl !== prev.customModelUrl ||
      state.openModel.consentedOrigins !== prev.openModel.consentedOrigins
    ) {
      load();
    }
  });
  load();
  return unsubscribe;
}
