import { describe, expect, it } from 'vitest';
import { modelContentHash, sha256Hex } from './content-hash';

const bytes = (text: string) => new TextEncoder().encode(text);
const buffer = (...values: number[]) => new Uint8Array(values).buffer;

describe('content hash', () => {
  it('is SHA-256 over the parts one after the other', async () => {
    // FIPS 180-2's test vector for "abc", split in two parts.
    expect(await sha256Hex([bytes('a'), bytes('bc')])).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('names a model by model.json, its shards in order and its labels', async () => {
    const files = {
      modelJson: '{"modelTopology":{}}',
      shards: [
        { name: 'a.bin', data: buffer(1, 2) },
        { name: 'b.bin', data: buffer(3) },
      ],
    };
    const hash = await modelContentHash(files);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await modelContentHash({ ...files })).toBe(hash);
    // The same bytes in another order are other weights.
    expect(await modelContentHash({ ...files, shards: [...files.shards].reverse() })).not.toBe(
      hash,
    );
    // Other labels show other class names (and the worker caches by this hash).
    const labelled = await modelContentHash({
      ...files,
      labels: { name: 'labels.txt', text: 'x' },
    });
    expect(labelled).not.toBe(hash);
    // A shard's name is not its content: renaming files keeps the model's name.
    const renamed = files.shards.map((s, i) => ({ ...s, name: `shard${i}.bin` }));
    expect(await modelContentHash({ ...files, shards: renamed })).toBe(hash);
  });
});
