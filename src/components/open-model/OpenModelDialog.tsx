// The "Open model…" dialog: files from disk, an address on another site, and the models this
// browser keeps. It stays open while the chosen model loads (with its progress) and closes once
// it is shown; a failure is written here (and in a notice) while the previous model stays.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { missingLocalModelText } from '../../storage/local-model-words';
import { appStore, useAppState } from '../../state/store';
import { KeptModelList } from './KeptModelList';
import { ModelUrlForm } from './ModelUrlForm';
import { openChosenFiles, openKeptModel, openModelAddress } from './open-model-actions';
import { chosenFromList } from './read-model-files';

/** Accepted in the picker: model.json, shards, labels (any file can still be chosen). */
const ACCEPT = '.json,.bin,.txt,application/json,application/octet-stream,text/plain';

const close = () => appStore.getState().patchOpenModel({ dialogOpen: false });

/** The address the dialog opened and waits for, until it is shown (then it closes) or refused. */
function useWaitFor() {
  const [waiting, setWaiting] = useState<string | null>(null);
  const shown = useAppState(
    (s) => waiting !== null && s.customModelUrl === waiting && s.model.status === 'ready',
  );
  const refused = useAppState((s) => s.openModel.error !== null);
  useEffect(() => {
    if (waiting === null) return;
    if (shown) close();
    if (shown || refused) setWaiting(null);
  }, [waiting, shown, refused]);
  return { waiting, setWaiting };
}

export function OpenModelDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const open = useAppState((s) => s.openModel.dialogOpen);
  const error = useAppState((s) => s.openModel.error);
  const missing = useAppState((s) => s.openModel.missing);
  const model = useAppState((s) => s.model);
  const [reading, setReading] = useState(false);
  const { waiting, setWaiting } = useWaitFor();

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (open && !node.open) node.showModal();
    if (!open && node.open) node.close();
  }, [open]);

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setReading(true);
    const address = await openChosenFiles(appStore, chosenFromList(files));
    setReading(false);
    // The same files can be chosen again after a failure (a change event needs a new value).
    if (picker.current) picker.current.value = '';
    setWaiting(address);
  };

  const busy = reading || waiting !== null;
  const loadingText =
    waiting !== null && model.status === 'loading'
      ? `Opening ${model.label}… ${Math.round(model.progress * 100)} %`
      : reading
        ? 'Reading the files…'
        : '';

  return createPortal(
    <dialog
      ref={dialog}
      className="open-model-dialog"
      aria-labelledby="open-model-title"
      data-testid="open-model-dialog"
      onClose={() => {
        if (appStore.getState().openModel.dialogOpen) close();
      }}
    >
      <h2 id="open-model-title">Open your own model</h2>
      {missing && (
        <p className="open-model-missing" role="status" data-testid="open-model-missing">
          {missingLocalModelText(missing.name)}
        </p>
      )}
      {error && (
        <p className="open-model-error" role="alert" data-testid="open-model-error">
          {error}
        </p>
      )}
      <p className="small" aria-live="polite" data-testid="open-model-status">
        {loadingText}
      </p>

      <section className="open-model-section" aria-labelledby="open-model-files">
        <h3 id="open-model-files">From files</h3>
        <label className="open-model-picker">
          Model files (model.json, its .bin weight files, and labels.txt if you have one)
          <input
            ref={picker}
            type="file"
            multiple
            accept={ACCEPT}
            disabled={busy}
            data-testid="model-files-input"
            onChange={(event) => void onFiles(event.currentTarget.files)}
          />
        </label>
        <p className="muted small">Or drop the files, or their folder, anywhere on the page.</p>
      </section>

      <section className="open-model-section" aria-labelledby="open-model-url">
        <h3 id="open-model-url">From another site</h3>
        <ModelUrlForm
          disabled={busy}
          onOpen={(text) => {
            if (openModelAddress(appStore, text) === null) {
              setWaiting(appStore.getState().customModelUrl);
            }
          }}
        />
      </section>

      <section className="open-model-section" aria-labelledby="open-model-kept">
        <h3 id="open-model-kept">Kept in this browser</h3>
        <KeptModelList active={open} onOpen={(kept) => setWaiting(openKeptModel(appStore, kept))} />
      </section>

      <p className="small muted open-model-help">
        It takes a TensorFlow.js Layers image classifier (input 8–256 px, grey or RGB, 2–1,000
        classes); docs/own-model.md in the app’s source explains how to export one.
      </p>
      <div className="open-model-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
