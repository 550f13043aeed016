import { describe, expect, it } from 'vitest';
import {
  groupModelFiles,
  looksLikeModelDrop,
  orderShards,
  type NamedFile,
} from './model-file-group';

const files = (...paths: string[]): NamedFile[] => paths.map((path) => ({ path, size: 10 }));
const paths = (list: readonly NamedFile[]) => list.map((f) => f.path);

describe('grouping the files of a drop or a picker', () => {
  it('finds model.json, its shards and labels.txt among a picker’s names', () => {
    const result = groupModelFiles(
      files('group1-shard2of2.bin', 'model.json', 'labels.txt', 'group1-shard1of2.bin', 'notes.md'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.group.modelJson.path).toBe('model.json');
    expect(paths(result.group.shards)).toEqual(['group1-shard2of2.bin', 'group1-shard1of2.bin']);
    expect(result.group.labels?.path).toBe('labels.txt');
    expect(result.group.folder).toBeNull();
  });

  it('names the model after the folder it was dropped in, skipping system clutter', () => {
    const result = groupModelFiles(
      files(
        'grey-20/model.json',
        'grey-20/weights/group1-shard1of1.bin',
        'grey-20/.DS_Store',
        '__MACOSX/grey-20/._model.json',
        'grey-20/model-card.json',
      ),
    );
    expect(result.ok && result.group.folder).toBe('grey-20');
    expect(result.ok && paths(result.group.shards)).toEqual([
      'grey-20/weights/group1-shard1of1.bin',
    ]);
  });

  it('brings a sample set beside the model along, not as the model or a shard', () => {
    const result = groupModelFiles(
      files('m/samples.json', 'm/samples.bin', 'm/net.json', 'm/w.bin', 'other/samples.bin'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.group.modelJson.path).toBe('m/net.json');
    expect(paths(result.group.shards)).toEqual(['m/w.bin']);
    expect(
      result.group.samples && paths([result.group.samples.meta, result.group.samples.bin]),
    ).toEqual(['m/samples.json', 'm/samples.bin']);
    // Half a sample set is none.
    const half = groupModelFiles(files('model.json', 'samples.json'));
    expect(half.ok && half.group.samples).toBeNull();
  });

  it('takes the one .json that is not labels.json when none is called model.json', () => {
    const result = groupModelFiles(files('digits.json', 'labels.json', 'a.bin'));
    expect(result.ok && result.group.modelJson.path).toBe('digits.json');
    expect(result.ok && result.group.labels?.path).toBe('labels.json');
  });

  it('prefers labels.txt beside the model, and ignores a sibling folder’s files', () => {
    const result = groupModelFiles(
      files('a/model.json', 'a/labels.json', 'a/labels.txt', 'a/x.bin', 'b/labels.txt', 'b/y.bin'),
    );
    expect(result.ok && result.group.labels?.path).toBe('a/labels.txt');
    expect(result.ok && paths(result.group.shards)).toEqual(['a/x.bin']);
  });

  it.each([
    [[], /No files were given/],
    [
      ['group1-shard1of1.bin', 'photo.png'],
      /No model.json among the files \(group1-shard1of1.bin, photo.png\)/,
    ],
    [['a/model.json', 'b/model.json', 'a/x.bin'], /hold 2 models \(a\/model.json, b\/model.json\)/],
    [['first.json', 'second.json'], /Which file is the model\? Several .json files/],
  ])('refuses %j', (names, reason) => {
    const result = groupModelFiles(files(...names));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses a labels file far larger than class names need', () => {
    const result = groupModelFiles([
      { path: 'model.json', size: 100 },
      { path: 'labels.txt', size: 5 * 1024 * 1024 },
    ]);
    expect(!result.ok && result.reason).toMatch(/labels.txt is 5120 KB/);
  });
});

describe('what a drop is', () => {
  it('is a model with a .json file or a folder, an image otherwise', () => {
    expect(looksLikeModelDrop(['model.json', 'a.bin'], false)).toBe(true);
    expect(looksLikeModelDrop(['MODEL.JSON'], false)).toBe(true);
    expect(looksLikeModelDrop([], true)).toBe(true);
    expect(looksLikeModelDrop(['digit.png'], false)).toBe(false);
    expect(looksLikeModelDrop(['a.bin'], false)).toBe(false);
  });
});

describe('the shards in manifest order', () => {
  it('matches by path, without ./ and escapes, then by base name, and names them as listed', () => {
    const given = new Map([
      ['grey/group1-shard2of2.bin', 2],
      ['group 1.bin', 1],
      ['extra.bin', 9],
    ]);
    expect(
      orderShards(['./group%201.bin', 'weights/group1-shard2of2.bin', 'gone.bin'], given),
    ).toEqual([
      { name: './group%201.bin', data: 1 },
      { name: 'weights/group1-shard2of2.bin', data: 2 },
      null,
    ]);
  });

  it('does not guess between two files of one base name', () => {
    const given = new Map([
      ['a/w.bin', 1],
      ['b/w.bin', 2],
    ]);
    expect(orderShards(['w.bin'], given)).toEqual([null]);
    expect(orderShards(['b/w.bin'], given)).toEqual([{ name: 'b/w.bin', data: 2 }]);
  });
});
