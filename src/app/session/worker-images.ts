// Sends each image version to the worker once. The first request for an image carries a copy of
// its pixels and its key; once the worker has answered such a request it holds the image
// (src/worker/kept-images.ts), and later requests, a click on another pixel of the same image,
// carry the key alone: no copy of the image and no comparison with the last one per click.
// A worker that no longer holds the image (restarted, or it dropped the image for newer ones)
// says so, and the request is sent again with the pixels.
import type { ClientEvent } from '../../worker/client';
import { RemoteError } from '../../worker/errors';
import { KEPT_IMAGES, type ImageRef } from '../../worker/kept-images';

/** The part of the worker client this needs: its lifecycle events. */
export interface ImageSenderClient {
  on(listener: (event: ClientEvent) => void): () => void;
}

/** One request, given what to say about the image and the buffers to transfer with it. */
export type SendWithImage<T> = (ref: ImageRef, transfer: Transferable[]) => Promise<T>;

export interface WorkerImages {
  /**
   * Sends a request about the image `key` (whose pixels are `pixels`, left untouched): by key
   * alone when the worker holds it, else with a copy of the pixels.
   */
  send<T>(key: string, pixels: Float32Array, request: SendWithImage<T>): Promise<T>;
  /** Whether the worker is known to hold `key` (tests, diagnostics). */
  holds(key: string): boolean;
  stop(): void;
}

function isImageNotHeld(error: unknown): boolean {
  return error instanceof RemoteError && error.name === 'ImageNotHeldError';
}

export function createWorkerImages(client: ImageSenderClient): WorkerImages {
  // Keys of images the worker answered a request with pixels for, newest last, at most as many
  // as it keeps.
  const held: string[] = [];
  const remember = (key: string) => {
    const i = held.indexOf(key);
    if (i >= 0) held.splice(i, 1);
    held.push(key);
    if (held.length > KEPT_IMAGES) held.shift();
  };
  const forget = (key: string) => {
    const i = held.indexOf(key);
    if (i >= 0) held.splice(i, 1);
  };
  // A fresh worker (restart, or the main-thread fallback) holds nothing.
  const unsubscribe = client.on((event) => {
    if (event.type === 'restarted' || event.type === 'fallback') held.length = 0;
  });

  const withPixels = async <T>(key: string, pixels: Float32Array, request: SendWithImage<T>) => {
    // A copy: the transferred buffer is detached, and the store keeps its own pixels.
    const image = pixels.slice();
    const result = await request({ image, imageKey: key }, [image.buffer]);
    remember(key);
    return result;
  };

  return {
    async send(key, pixels, request) {
      if (!held.includes(key)) return withPixels(key, pixels, request);
      try {
        const result = await request({ imageKey: key }, []);
        remember(key);
        return result;
      } catch (error) {
        if (!isImageNotHeld(error)) throw error;
        forget(key);
        return withPixels(key, pixels, request);
      }
    },
    holds: (key) => held.includes(key),
    stop: unsubscribe,
  };
}
