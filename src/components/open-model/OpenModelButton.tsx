// The header's "Open model…" button, and what opening a model needs on every page wherever the
// button is (the header bar, or its menu on a phone and in lecture mode): the dialog, the prompt
// before a link loads another site's model, and the page-wide drop of model files.
import { appStore } from '../../state/store';
import { ModelDropZone } from './ModelDropZone';
import { OpenModelDialog } from './OpenModelDialog';
import { RemoteModelPrompt } from './RemoteModelPrompt';
import './open-model.css';

export function OpenModelButton() {
  return (
    <button
      type="button"
      className="header-button open-model-button"
      data-testid="open-model"
      onClick={() => appStore.getState().patchOpenModel({ dialogOpen: true })}
    >
      Open model…
    </button>
  );
}

/** Mounted once, outside the header's folding (the dialogs are portals into the body). */
export function OpenModelLayer() {
  return (
    <>
      <OpenModelDialog />
      <RemoteModelPrompt />
      <ModelDropZone />
    </>
  );
}
