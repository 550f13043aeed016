import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelFiles, type ChosenFile } from './read-model-files';

const DIR = join('e2e', 'fixtures', 'models');
const bytes = (model: string, name: string) => new Uint8Array(readFileSync(join(DIR, model, name)));
const chosen = (path: string, data: Uint8Array<ArrayBuffer> | string): ChosenFile => ({
  path,
  file: new File([data], path.slice(path.lastIndexOf('/') + 1)),
});
const grey = (prefix = '') => [
  chosen(`${prefix}model.json`, bytes('grey-20', 'model.json')),
  chosen(`${prefix}group1-shard1of1.bin`, bytes('grey-20', 'group1-shard1of1.bin')),
];

describe('reading the files of a model', () => {
  it('names the model by its files, whatever their order or folder', async () => {
    const picked = await readModelFiles(grey());
    expect(picked.hash).toMatch(/^[0-9a-f]{64}$/);
    // The Keras model's own name when no folder names it.
    expect(picked.name).toBe('grey_20');
    expect(picked.files.shards.map((s) => s.name)).toEqual(['group1-shard1of1.bin']);
    const dropped = await readModelFiles([...grey('grey-20/')].reverse());
    expect(dropped.hash).toBe(picked.hash);
    expect(dropped.name).toBe('grey-20');
    expect(picked.bytes).toBe(
      bytes('grey-20', 'model.json').byteLength +
        bytes('grey-20', 'group1-shard1of1.bin').byteLength,
    );
  });

  it('brings labels.txt along (and it changes the hash)', async () => {
    const files = [
      chosen('model.json', bytes('rgb-32', 'model.json')),
      chosen('group1-shard1of1.bin', bytes('rgb-32', 'group1-shard1of1.bin')),
    ];
    const labelled = await readModelFiles([
      ...files,
      chosen('labels.txt', bytes('rgb-32', 'labels.txt')),
    ]);
    expect(labelled.files.labels?.name).toBe('labels.txt');
    expect(labelled.files.labels?.text.split('\n')[0]).toBe('apple');
    expect((await readModelFiles(files)).hash).not.toBe(labelled.hash);
  });

  it('keeps a sample set chosen with the model, outside its hash', async () => {
    const meta =
      '{"dataset":"shapes","count":1,"height":20,"width":20,"classNames":["a","b","c","d"],"labels":[0]}';
    const plain = await readModelFiles(grey());
    const withSamples = await readModelFiles([
      ...grey(),
      chosen('samples.json', meta),
      chosen('samples.bin', new Uint8Array(400)),
    ]);
    expect(withSamples.hash).toBe(plain.hash);
    expect(withSamples.samples?.meta).toBe(meta);
    expect(withSamples.samples?.bin.byteLength).toBe(400);
    expect(withSamples.bytes).toBe(plain.bytes + meta.length + 400);
  });

  it.each([
    ['invalid JSON', [chosen('model.json', '{"modelTopology": [1, 2')], /not valid JSON/],
    ['an HTML page', [chosen('model.json', '<!doctype html><h1>Hi</h1>')], /HTML page/],
    ['no model.json', [chosen('group1-shard1of1.bin', 'x')], /No model.json among the files/],
  ])('refuses %s', async (_, files, reason) => {
    await expect(readModelFiles(files)).rejects.toThrow(reason);
  });

  it('refuses a missing shard and a truncated one, naming the file', async () => {
    const [json] = grey();
    await expect(readModelFiles([json!])).rejects.toThrow(/missing: group1-shard1of1.bin/);
    const cut = chosen(
      'group1-shard1of1.bin',
      bytes('grey-20', 'group1-shard1of1.bin').subarray(0, 100),
    );
    await expect(readModelFiles([json!, cut])).rejects.toThrow(/Truncated or wrong shard/);
  });
});
