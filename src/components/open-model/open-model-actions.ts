// What the dialog, the drop zone and the kept list do with what the user chose: files are read and
// checked here on the page first (a damaged file is named without touching the model on screen),
// then the model is opened by its address and the session's loader (model-loader.ts) loads it,
// keeps it and, should the worker refuse it, goes back to the model shown before.
import { OPEN_MODEL_NOTICE_ID } from '../../storage/local-model-words';
import { checkModelUrl } from '../../model/site-url';
import type { AppStore } from '../../state/store';
import { localModelAddress, localModelId } from '../../storage/local-model-id';
import type { KeptModel } from '../../storage/local-models';
import { rememberOpenedModel } from '../../storage/opened-models';
import { readModelFiles, type ChosenFile } from './read-model-files';

/** A problem with what the user chose: in the dialog and in a notice. */
export function reportOpenProblem(store: AppStore, text: string): void {
  const { patchOpenModel, notify } = store.getState();
  patchOpenModel({ error: text });
  notify({ id: OPEN_MODEL_NOTICE_ID, level: 'error', text });
}

/** Clears the last problem once the user tries again. */
function clearProblem(store: AppStore): void {
  const { openModel, patchOpenModel, dismissNotice } = store.getState();
  if (openModel.error !== null) patchOpenModel({ error: null });
  dismissNotice(OPEN_MODEL_NOTICE_ID);
}

/**
 * Opens the model among `chosen` (a picker's or a drop's files). Resolves to the store address
 * it opened, or null when the files were refused (the message is already shown).
 */
export async function openChosenFiles(
  store: AppStore,
  chosen: readonly ChosenFile[],
): Promise<string | null> {
  clearProblem(store);
  let model;
  try {
    model = await readModelFiles(chosen);
  } catch (error) {
    reportOpenProblem(store, error instanceof Error ? error.message : String(error));
    return null;
  }
  rememberOpenedModel(model);
  const id = localModelId(model.hash);
  const { openModel, notify, patchOpenModel, openModelAt } = store.getState();
  const awaited = openModel.missing;
  if (awaited && awaited.id !== id) {
    // The user chose these files to stand in for the link's: they are opened, with a word.
    notify({
      id: OPEN_MODEL_NOTICE_ID,
      level: 'info',
      text: `These files differ from the link's model${awaited.name ? ` (${awaited.name})` : ''}: the link showed another model. They are opened anyway; the link now names them.`,
    });
  }
  if (awaited) patchOpenModel({ missing: null });
  const address = localModelAddress({ id, name: model.name });
  openModelAt(address);
  return address;
}

/**
 * Opens a model by address (typed into the dialog: typing another site's address is the user's
 * consent to download from it). Returns the problem with the address, or null when it opens.
 */
export function openModelAddress(store: AppStore, text: string): string | null {
  clearProblem(store);
  const check = checkModelUrl(text, document.baseURI);
  if (!check.ok) {
    const problem = `That address cannot be opened: ${check.reason}.`;
    store.getState().patchOpenModel({ error: problem });
    return problem;
  }
  const address = text.trim();
  store.getState().openModelAt(address, check.sameOrigin ? {} : { consentOrigin: check.origin });
  return null;
}

/** Opens a kept model (the loader reads its files from IndexedDB). */
export function openKeptModel(store: AppStore, kept: KeptModel): string {
  clearProblem(store);
  const address = localModelAddress({ id: kept.id, name: kept.name });
  store.getState().patchOpenModel({ missing: null });
  store.getState().openModelAt(address);
  return address;
}
