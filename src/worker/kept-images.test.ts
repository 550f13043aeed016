import { describe, expect, it } from 'vitest';
import { ImageNotHeldError, KEPT_IMAGES, KeptImages } from './kept-images';

const pixels = (v: number) => new Float32Array([v, v, v]);

describe('KeptImages', () => {
  it('keeps pixels sent with a key and finds them by the key alone later', () => {
    const images = new KeptImages();
    const sent = pixels(1);
    expect(images.resolve({ image: sent, imageKey: '7' })).toEqual({ image: sent, key: '7' });
    expect(images.resolve({ imageKey: '7' }).image).toBe(sent);
  });

  it('answers a key it does not hold with ImageNotHeldError, and no image with a TypeError', () => {
    const images = new KeptImages();
    expect(() => images.resolve({ imageKey: 'gone' })).toThrow(ImageNotHeldError);
    expect(() => images.resolve({})).toThrow(TypeError);
  });

  it('uses pixels without a key as they are and keeps nothing', () => {
    const images = new KeptImages();
    const sent = pixels(2);
    expect(images.resolve({ image: sent })).toEqual({ image: sent, key: undefined });
    expect(images.size).toBe(0);
  });

  it('keeps the most recently used images only', () => {
    const images = new KeptImages();
    for (let k = 0; k < KEPT_IMAGES; k++) images.resolve({ image: pixels(k), imageKey: `${k}` });
    // Using image 0 makes it the newest: adding one more drops image 1, the least recent.
    images.resolve({ imageKey: '0' });
    images.resolve({ image: pixels(9), imageKey: '9' });
    expect(images.size).toBe(KEPT_IMAGES);
    expect(() => images.resolve({ imageKey: '0' })).not.toThrow();
    expect(() => images.resolve({ imageKey: '1' })).toThrow(ImageNotHeldError);
  });

  it('replaces the pixels kept under a key that is sent again', () => {
    const images = new KeptImages();
    images.resolve({ image: pixels(1), imageKey: 'a' });
    const again = pixels(3);
    images.resolve({ image: again, imageKey: 'a' });
    expect(images.resolve({ imageKey: 'a' }).image).toBe(again);
    expect(images.size).toBe(1);
  });
});
