import { describe, expect, it } from 'vitest';
import {
  base64UrlToBytes,
  bytesToBase64Url,
  decodeImage,
  encodeImage,
  quantizeImage,
} from './image-codec';

/** A deterministic MNIST-like digit: a ring of ink with soft edges on a zero background. */
function digit(): Float32Array {
  const img = new Float32Array(784);
  for (let r = 0; r < 28; r++) {
    for (let c = 0; c < 28; c++) {
      const d = Math.hypot(r - 13.5, c - 13.5);
      img[r * 28 + c] = Math.max(0, 1 - Math.abs(d - 7) / 2);
    }
  }
  return img;
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('base64url', () => {
  it('round-trips every length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect([...base64UrlToBytes(bytesToBase64Url(bytes))!]).toEqual([...bytes]);
    }
  });

  it('rejects padding, foreign characters and non-canonical tails', () => {
    expect(base64UrlToBytes('AQ==')).toBeNull();
    expect(base64UrlToBytes('A+B/')).toBeNull();
    expect(base64UrlToBytes('A')).toBeNull();
    expect(base64UrlToBytes('AR')).toBeNull(); // low bits set
    expect(base64UrlToBytes('AQ')).not.toBeNull();
  });
});

describe('image codec', () => {
  it('round-trips the quantised image exactly', () => {
    const img = digit();
    const text = encodeImage(img, 28, 28);
    const back = decodeImage(text, 28, 28);
    expect(back.ok).toBe(true);
    if (back.ok) expect([...back.image]).toEqual([...quantizeImage(img)]);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('is compact for a digit and for a blank image', () => {
    expect(encodeImage(digit(), 28, 28).length).toBeLessThan(400);
    expect(encodeImage(new Float32Array(784), 28, 28).length).toBeLessThan(20);
  });

  it('round-trips random images, including dense and full ones', () => {
    const rnd = seeded(42);
    for (let k = 0; k < 50; k++) {
      const density = k / 49;
      const img = Float32Array.from({ length: 784 }, () => (rnd() < density ? rnd() : 0));
      const back = decodeImage(encodeImage(img, 28, 28), 28, 28);
      expect(back.ok && [...back.image]).toEqual([...quantizeImage(img)]);
    }
  });

  it('quantising is idempotent, so committed images survive the link unchanged', () => {
    const q = quantizeImage(digit());
    expect([...quantizeImage(q)]).toEqual([...q]);
  });

  it('rejects hostile and damaged codes with a message', () => {
    const good = encodeImage(digit(), 28, 28);
    const bytes = base64UrlToBytes(good)!;
    const withBytes = (edit: (b: Uint8Array) => Uint8Array) =>
      bytesToBase64Url(edit(Uint8Array.from(bytes)));
    const cases: string[] = [
      '',
      'x'.repeat(9000),
      good + '=',
      good.slice(0, -5), // truncated
      withBytes((b) => ((b[0] = 2), b)), // version
      withBytes((b) => ((b[1] = 27), b)), // dimensions
      withBytes((b) => Uint8Array.from([...b, 0x11])), // trailing pixels
      bytesToBase64Url(
        Uint8Array.from([1, 28, 28, 0x0f, 0xf0, 0xff, 0xf0, 0xff, 0xf0, 0xff, 0xf0, 0xff]),
      ), // run overflow
      bytesToBase64Url(Uint8Array.from([1, 28, 28])), // no pixels
      '<script>alert(1)</script>',
    ];
    for (const c of cases) {
      const r = decodeImage(c, 28, 28);
      expect(r.ok, c.slice(0, 40)).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
    }
  });

  it('survives random garbage without throwing', () => {
    const rnd = seeded(7);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let k = 0; k < 500; k++) {
      const len = Math.floor(rnd() * 600);
      const s = Array.from({ length: len }, () => alphabet[Math.floor(rnd() * 64)]).join('');
      const r = decodeImage(s, 28, 28);
      if (r.ok) expect(r.image.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
  });

  it('refuses to encode an image that does not match its size', () => {
    expect(() => encodeImage(new Float32Array(10), 28, 28)).toThrow(RangeError);
  });
});
