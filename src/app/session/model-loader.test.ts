// The model loader with a fake worker client: what it asks the worker for, and where the app goes
// when a model the user opened fails (back to the model shown before, with the message).
import { describe, expect, it, vi } from 'vitest';
import { modelSummary } from '../../model/summary.test-util';
import { createAppStore } from '../../state/store';
import { toUrlState } from '../../state/url-sync';
import type { OpenedModel } from '../../storage/model-files-types';
import { rememberOpenedModel } from '../../storage/opened-models';
import { localModelAddress } from '../../storage/local-model-id';
import type { WorkerClient } from '../../worker/client';
import { startModelLoader, type ModelLoaderDeps } from './model-loader';

const BASE = 'https://lens.example/app/';
const MNIST = `${BASE}models/mnist/model.json`;

interface Sent {
  op: string;
  params: { url: string; files?: unknown; lookForLabels?: boolean };
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

class FakeClient {
  sent: Sent[] = [];
  request(op: string, params: Sent['params']): Promise<unknown> {
    return new Promise((resolve, reject) => this.sent.push({ op, params, resolve, reject }));
  }
  last(): Sent {
    const last = this.sent.at(-1);
    if (!last) throw new Error('nothing was sent');
    return last;
  }
  answer(): void {
    const last = this.last();
    last.resolve(modelSummary(last.params.url));
  }
  fail(message: string): void {
    this.last().reject(new Error(message));
  }
  asClient(): WorkerClient {
    return this as unknown as WorkerClient;
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function opened(hex: string, name: string): OpenedModel {
  return {
    hash: hex.repeat(64 / hex.length),
    name,
    bytes: 3,
    files: { modelJson: '{}', shards: [{ name: 'w.bin', data: new ArrayBuffer(3) }] },
  };
}

function setup(kept: OpenedModel[] = []) {
  const store = createAppStore();
  const client = new FakeClient();
  const deps: ModelLoaderDeps = {
    findKept: vi.fn(async (id: string) => kept.find((m) => m.hash.startsWith(id)) ?? null),
    keep: vi.fn(async () => undefined),
    loadCard: vi.fn(() => new Promise<never>(() => undefined)),
    baseURI: () => BASE,
  };
  startModelLoader(store, client.asClient(), deps);
  return { store, client, deps };
}

describe('the model loader', () => {
  it('loads the built-in model, and a built-in failure leaves no model', () => {
    const { store, client } = setup();
    expect(client.last().params).toEqual({ url: MNIST, lookForLabels: false });
    expect(store.getState().model.status).toBe('loading');
    client.fail('HTTP 404');
    return tick().then(() => {
      expect(store.getState().model).toMatchObject({
        status: 'error',
        error: 'The model “MNIST” could not be loaded. HTTP 404',
      });
    });
  });

  it('sends a local model’s files, keeps it once it loaded, and its link stays', async () => {
    const { store, client, deps } = setup();
    client.answer();
    await tick();
    const model = opened('ab', 'grey-20');
    rememberOpenedModel(model);
    const address = localModelAddress({ id: 'abababababababab', name: 'grey-20' });
    store.getState().openModelAt(address);
    expect(client.last().params).toEqual({ url: `local-model:${model.hash}`, files: model.files });
    expect(store.getState().model).toMatchObject({ status: 'loading', label: 'grey-20' });
    client.answer();
    await tick();
    expect(store.getState().model.status).toBe('ready');
    expect(store.getState().customModelUrl).toBe(address);
    expect(deps.keep).toHaveBeenCalledExactlyOnceWith(model);
  });

  it('goes back to the model shown before when an opened model fails, with the message', async () => {
    const { store, client, deps } = setup();
    store.getState().openModelAt('models/mine/model.json');
    client.answer(); // the site model (the built-in one was superseded)
    await tick();
    expect(store.getState().model.summary?.url).toBe(`${BASE}models/mine/model.json`);
    rememberOpenedModel(opened('cd', 'wide-300'));
    store.getState().openModelAt(localModelAddress({ id: 'cdcdcdcdcdcdcdcd', name: 'wide-300' }));
    client.fail('its input is 300×300, larger than the 256×256 this app shows.');
    await tick();
    const state = store.getState();
    expect(state.openModel.error).toBe(
      'The model “wide-300” could not be loaded. its input is 300×300, larger than the 256×256 this app shows.',
    );
    expect(state.notices.find((n) => n.id === 'open-model')).toMatchObject({
      level: 'error',
      text: expect.stringContaining('The model shown before stays.'),
    });
    // The previous model's address (and so its link) is back, and it is loaded again.
    expect(state.customModelUrl).toBe('models/mine/model.json');
    expect(client.last().params.url).toBe(`${BASE}models/mine/model.json`);
    client.answer();
    await tick();
    expect(store.getState().model.status).toBe('ready');
    // The message stays for the dialog until the user opens something else.
    expect(store.getState().openModel.error).toContain('“wide-300” could not be loaded');
    expect(deps.keep).not.toHaveBeenCalled();
  });

  it('restores a link’s local model from the kept ones, without keeping it again', async () => {
    const kept = opened('ef', 'rgb-32');
    const { store, client, deps } = setup([kept]);
    store.getState().openModelAt(localModelAddress({ id: 'efefefefefefefef', name: null }));
    expect(store.getState().model).toMatchObject({
      status: 'loading',
      label: 'the model from files',
    });
    await tick();
    expect(deps.findKept).toHaveBeenCalledWith('efefefefefefefef');
    expect(client.last().params).toEqual({ url: `local-model:${kept.hash}`, files: kept.files });
    client.answer();
    await tick();
    expect(store.getState().model).toMatchObject({ status: 'ready', label: 'rgb-32' });
    expect(deps.keep).not.toHaveBeenCalled();
  });

  it('says when a link’s local model is not kept here, asks for its files, shows the built-in one', async () => {
    const { store, client } = setup();
    client.answer();
    await tick();
    store.getState().openModelAt(localModelAddress({ id: '0123456789abcdef', name: 'digits' }));
    await tick();
    const state = store.getState();
    expect(state.openModel).toMatchObject({
      dialogOpen: true,
      missing: { id: '0123456789abcdef', name: 'digits' },
    });
    expect(state.notices.find((n) => n.id === 'open-model')?.text).toContain(
      'This link shows a model opened from a file (digits). Open the same files to see it.',
    );
    expect(state.customModelUrl).toBeNull();
    expect(client.last().params.url).toBe(MNIST);
  });

  it('asks before another site’s model, then loads it, and goes back when it fails', async () => {
    const { store, client } = setup();
    client.answer();
    await tick();
    store.getState().openModelAt('https://other.example/m/model.json');
    // Still the built-in model while the prompt asks; the address waits (and the link keeps it).
    expect(store.getState().customModelUrl).toBeNull();
    expect(store.getState().openModel.pendingRemote).toBe('https://other.example/m/model.json');
    expect(toUrlState(store.getState()).modelUrl).toBe('https://other.example/m/model.json');
    expect(client.last().params.url).toBe(MNIST);
    client.answer();
    await tick();
    expect(store.getState().model.status).toBe('ready');
    // The user's yes (RemoteModelPrompt.tsx): the address, with consent to its site.
    store.getState().patchOpenModel({ pendingRemote: null });
    store.getState().openModelAt('https://other.example/m/model.json', {
      consentOrigin: 'https://other.example',
    });
    expect(client.last().params).toEqual({ url: 'https://other.example/m/model.json' });
    client.fail(
      'The server at https://other.example did not let this site read the file (no CORS header…).',
    );
    await tick();
    expect(store.getState().customModelUrl).toBeNull();
    expect(store.getState().openModel.error).toContain('did not let this site read the file');
    expect(client.last().params.url).toBe(MNIST);
  });
});
