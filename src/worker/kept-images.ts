// The images the worker keeps by key, so that a request for an image it already holds can name it
// instead of carrying (and copying) its pixels again: the first request for an image version
// sends the pixels with a key, later ones send the key alone (src/app/session/worker-images.ts).
// A few images, not one: an image comparison (docs/compare.md) alternates two.

/** Images kept at most; the least recently used one is dropped first. */
export const KEPT_IMAGES = 4;

/** What a request says about its image: the pixels, a key, or both. */
export interface ImageRef {
  /** The model input, H×W×C float32 in [0, 1]; left out when the worker holds `imageKey`. */
  image?: Float32Array;
  /** Names the image: sent with its pixels once, then alone. */
  imageKey?: string;
}

/** A request named an image by key that this worker does not hold (restarted, or dropped). */
export class ImageNotHeldError extends Error {
  override name = 'ImageNotHeldError';
  constructor(key: string) {
    super(`The worker does not hold image ${key}; send its pixels.`);
  }
}

export class KeptImages {
  private readonly images = new Map<string, Float32Array>();

  get size(): number {
    return this.images.size;
  }

  /**
   * The pixels `ref` means. Pixels that come with a key are kept under it (the request's own
   * buffer: it was transferred, nobody else holds it); a key alone must name a kept image.
   */
  resolve(ref: ImageRef): { image: Float32Array; key?: string } {
    const { image, imageKey: key } = ref;
    if (image) {
      if (key !== undefined) this.keep(key, image);
      return { image, key };
    }
    if (key === undefined) throw new TypeError('The request names no image (pixels or a key).');
    const kept = this.images.get(key);
    if (!kept) throw new ImageNotHeldError(key);
    // Most recently used last.
    this.images.delete(key);
    this.images.set(key, kept);
    return { image: kept, key };
  }

  private keep(key: string, image: Float32Array): void {
    this.images.delete(key);
    this.images.set(key, image);
    while (this.images.size > KEPT_IMAGES) {
      const oldest = this.images.keys().next().value as string;
      this.images.delete(oldest);
    }
  }
}
