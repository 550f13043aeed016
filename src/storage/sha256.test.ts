import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from './content-hash';
import { sha256 } from './sha256';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const nodeHex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('sha256 in plain JavaScript', () => {
  it('gives the FIPS 180-2 test vectors', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(hex(sha256(text('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(text('')))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(sha256(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it("equals Node's digest at every padding boundary and for a model-sized input", () => {
    for (const n of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const data = new Uint8Array(randomBytes(n));
      expect(hex(sha256(data))).toBe(nodeHex(data));
    }
    // About a shipped model's weights (the small CNN is ~220 kB).
    const weights = new Uint8Array(randomBytes(300_000));
    expect(hex(sha256(weights))).toBe(nodeHex(weights));
  });
});

describe('the content hash on a page without crypto.subtle (plain http)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the same digest', async () => {
    const parts = [new Uint8Array(randomBytes(700)), new Uint8Array(randomBytes(90))];
    const secure = await sha256Hex(parts);
    vi.stubGlobal('crypto', {});
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await sha256Hex(parts)).toBe(secure);
  });
});
