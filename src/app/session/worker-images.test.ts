import { describe, expect, it, vi } from 'vitest';
import type { ClientEvent } from '../../worker/client';
import { RemoteError, SupersededError } from '../../worker/errors';
import type { ImageRef } from '../../worker/kept-images';
import { createWorkerImages } from './worker-images';

function fakeClient() {
  const listeners = new Set<(event: ClientEvent) => void>();
  return {
    on(listener: (event: ClientEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event: ClientEvent) => listeners.forEach((l) => l(event)),
    listeners,
  };
}

/** A worker that holds what it was sent with a key, like src/worker/kept-images.ts. */
function fakeWorker() {
  const held = new Map<string, Float32Array>();
  const sent: Array<{ ref: ImageRef; transfer: Transferable[] }> = [];
  const request = vi.fn(async (ref: ImageRef, transfer: Transferable[]) => {
    sent.push({ ref, transfer });
    if (ref.image && ref.imageKey) held.set(ref.imageKey, ref.image);
    const image = ref.image ?? held.get(ref.imageKey ?? '');
    if (!image) {
      throw new RemoteError({ name: 'ImageNotHeldError', message: `no image ${ref.imageKey}` });
    }
    return image[0];
  });
  return { held, sent, request };
}

describe('createWorkerImages', () => {
  it('sends a copy of the pixels once per image, then the key alone', async () => {
    const images = createWorkerImages(fakeClient());
    const worker = fakeWorker();
    const pixels = new Float32Array([0.5, 0.25]);
    expect(await images.send('1', pixels, worker.request)).toBe(0.5);
    expect(await images.send('1', pixels, worker.request)).toBe(0.5);
    expect(await images.send('1', pixels, worker.request)).toBe(0.5);
    const [first, ...later] = worker.sent;
    expect(first?.ref.image).toEqual(pixels);
    expect(first?.ref.image).not.toBe(pixels); // a copy: its buffer is transferred
    expect(first?.transfer).toEqual([first?.ref.image?.buffer]);
    expect(later.map((s) => s.ref)).toEqual([{ imageKey: '1' }, { imageKey: '1' }]);
    expect(later.every((s) => s.transfer.length === 0)).toBe(true);
    expect(pixels).toEqual(new Float32Array([0.5, 0.25])); // the store's pixels are untouched
  });

  it('sends the pixels again for a new image', async () => {
    const images = createWorkerImages(fakeClient());
    const worker = fakeWorker();
    await images.send('1', new Float32Array([1]), worker.request);
    expect(await images.send('2', new Float32Array([2]), worker.request)).toBe(2);
    expect(worker.sent[1]?.ref.image).toEqual(new Float32Array([2]));
  });

  it('keeps sending pixels until one request with them was answered', async () => {
    const images = createWorkerImages(fakeClient());
    const superseded = vi.fn(async () => {
      throw new SupersededError('queryPixels');
    });
    await expect(images.send('1', new Float32Array([1]), superseded)).rejects.toThrow(
      SupersededError,
    );
    expect(images.holds('1')).toBe(false);
    const worker = fakeWorker();
    await images.send('1', new Float32Array([1]), worker.request);
    expect(worker.sent[0]?.ref.image).toBeDefined();
    expect(images.holds('1')).toBe(true);
  });

  it('resends the pixels when the worker no longer holds the image', async () => {
    const images = createWorkerImages(fakeClient());
    const worker = fakeWorker();
    await images.send('1', new Float32Array([3]), worker.request);
    worker.held.clear(); // e.g. it dropped the image for newer ones
    expect(await images.send('1', new Float32Array([3]), worker.request)).toBe(3);
    expect(worker.sent.map((s) => s.ref.image !== undefined)).toEqual([true, false, true]);
  });

  it('forgets what a restarted worker held, and passes other errors on', async () => {
    const client = fakeClient();
    const images = createWorkerImages(client);
    const worker = fakeWorker();
    await images.send('1', new Float32Array([4]), worker.request);
    client.emit({ type: 'restarted', reason: 'test' });
    expect(images.holds('1')).toBe(false);
    await images.send('1', new Float32Array([4]), worker.request);
    expect(worker.sent[1]?.ref.image).toBeDefined();
    const failing = vi.fn(async () => {
      throw new RemoteError({ name: 'NoModelError', message: 'No model is loaded yet.' });
    });
    await expect(images.send('1', new Float32Array([4]), failing)).rejects.toThrow(/No model/);
    expect(failing).toHaveBeenCalledTimes(1);
    images.stop();
    expect(client.listeners.size).toBe(0);
  });
});
