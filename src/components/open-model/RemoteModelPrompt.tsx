// Asks before a link downloads a model from another site (?modelUrl=https://other.example/…): a
// link is anyone's to write, so the page fetches from elsewhere only once the user says so
// (src/app/session/model-source.ts, 'ask'). Meanwhile the built-in model is shown and the
// address waits in the store's openModel.pendingRemote.
import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { checkModelUrl } from '../../model/site-url';
import { appStore, useAppState } from '../../state/store';

interface Pending {
  /** As the link has it (what is opened once the user agrees). */
  address: string;
  url: string;
  origin: string;
  host: string;
}

function pendingOf(address: string | null): Pending | null {
  if (address === null) return null;
  const check = checkModelUrl(address, document.baseURI);
  if (!check.ok) return null;
  return { address, url: check.url, origin: check.origin, host: check.host };
}

export function RemoteModelPrompt() {
  const address = useAppState((s) => s.openModel.pendingRemote);
  const pending = useMemo(() => pendingOf(address), [address]);
  const dialog = useRef<HTMLDialogElement>(null);
  // The safe answer has the focus: Enter alone never downloads from another site.
  const builtInButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (pending && !node.open) {
      node.showModal();
      builtInButton.current?.focus();
    }
    if (!pending && node.open) node.close();
  }, [pending]);

  const load = () => {
    if (!pending) return;
    const { patchOpenModel, openModelAt } = appStore.getState();
    patchOpenModel({ pendingRemote: null });
    openModelAt(pending.address, { consentOrigin: pending.origin });
  };
  const chooseBuiltIn = () => appStore.getState().patchOpenModel({ pendingRemote: null });

  return createPortal(
    <dialog
      ref={dialog}
      className="open-model-dialog remote-model-prompt"
      aria-labelledby="remote-model-title"
      data-testid="remote-model-prompt"
      // Escape is a "no": the built-in model stays.
      onCancel={(event) => {
        event.preventDefault();
        chooseBuiltIn();
      }}
    >
      {pending && (
        <>
          <h2 id="remote-model-title">This link opens a model from {pending.host}. Load it?</h2>
          <p className="small">
            It downloads <span className="open-model-url">{pending.url}</span> and runs it in this
            page. Until you choose, the built-in model is shown.
          </p>
          <div className="open-model-actions">
            <button type="button" onClick={load}>
              Load
            </button>
            <button type="button" ref={builtInButton} onClick={chooseBuiltIn}>
              Use the built-in model
            </button>
          </div>
        </>
      )}
    </dialog>,
    document.body,
  );
}
