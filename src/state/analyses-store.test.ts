import { describe, expect, it } from 'vitest';
import { createAnalysesStore } from './analyses-store';

const params = () => ({ image: new Float32Array(784), label: 3, dx: 4, dy: 0 });

describe('analyses store: what views ask for', () => {
  it('requestRun shows the slot running for its key and leaves the request for the session', () => {
    const store = createAnalysesStore();
    const p = params();
    store.getState().requestRun('movement', 'k1', p);
    expect(store.getState().runs.movement).toMatchObject({
      status: 'running',
      progress: 0,
      label: 'Starting',
      key: 'k1',
      error: null,
      command: { kind: 'run', key: 'k1', params: p },
    });
    // The newest request replaces one the session has not taken yet.
    store.getState().requestRun('movement', 'k2', params());
    expect(store.getState().runs.movement.command).toMatchObject({ kind: 'run', key: 'k2' });
    expect(store.getState().runs.occlusion.command).toBeNull();
  });

  it('cancelRun marks a running slot cancelled and asks the session to stop it', () => {
    const store = createAnalysesStore();
    store.getState().requestRun('movement', 'k1', params());
    store.getState().cancelRun('movement');
    expect(store.getState().runs.movement).toMatchObject({
      status: 'cancelled',
      key: 'k1',
      command: { kind: 'cancel' },
    });
    store.getState().patchRun('groups', { status: 'done' });
    store.getState().cancelRun('groups');
    expect(store.getState().runs.groups.status).toBe('done');
  });

  it('requestImportance marks the importance to be loaded again', () => {
    const store = createAnalysesStore();
    store.getState().patchImportance({ status: 'ready', modelUrl: 'u', origin: 'recomputed' });
    store.getState().requestImportance();
    expect(store.getState().importance).toMatchObject({ status: 'idle', modelUrl: null });
  });
});
