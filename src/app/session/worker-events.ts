// Turns the worker client's lifecycle events into notices, and re-predicts after a restart.
import type { WorkerClient } from '../../worker/client';
import type { AppStore } from '../../state/store';

export function watchWorker(store: AppStore, client: WorkerClient, onRestarted: () => void) {
  return client.on((event) => {
    const { notify, patchBackend, patchModel } = store.getState();
    switch (event.type) {
      case 'restarting':
        notify({
          id: 'worker',
          level: 'warning',
          text: `The model worker stopped (${event.reason}). Restarting it and reloading the model…`,
        });
        return;
      case 'restarted':
        patchBackend({ runsOnMainThread: client.runsOnMainThread });
        notify({
          id: 'worker',
          level: 'warning',
          text: `The model worker stopped (${event.reason}) and was restarted; the model was reloaded.`,
        });
        onRestarted();
        return;
      case 'fallback':
        patchBackend({ runsOnMainThread: true });
        notify({
          id: 'worker-fallback',
          level: 'warning',
          text: `The model worker could not start (${event.reason}), so the model runs on the page itself; the page may pause during long computations.`,
        });
        return;
      case 'gave-up':
        notify({
          id: 'worker',
          level: 'error',
          text: `The model worker keeps stopping (${event.reason}). Reload the page to try again; the gallery still works.`,
        });
        patchModel({ status: 'error', error: 'The model worker stopped.' });
        return;
      case 'replay-failed':
        if (event.op === 'loadModel') {
          patchModel({
            status: 'error',
            error: `Reloading the model failed: ${event.error.message}`,
          });
        } else {
          notify({ id: `replay-${event.op}`, level: 'error', text: event.error.message });
        }
        return;
    }
  });
}
