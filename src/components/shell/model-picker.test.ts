import { describe, expect, it } from 'vitest';
import { localModelAddress } from '../../storage/local-model-id';
import { customTitle } from './ModelPicker';

describe("the custom model chip's title", () => {
  it('names a model opened from files by its name and id, not its internal key', () => {
    const address = localModelAddress({ id: '3f2a9c0d1e4b5a69', name: 'grey-20' });
    expect(customTitle(address)).toBe(
      'Opened from files in this browser (grey-20, id 3f2a9c0d1e4b5a69)',
    );
    expect(customTitle(localModelAddress({ id: '3f2a9c0d1e4b5a69', name: null }))).toBe(
      'Opened from files in this browser (id 3f2a9c0d1e4b5a69)',
    );
  });

  it('gives the address a model was loaded from', () => {
    expect(customTitle('https://example.org/net/model.json')).toBe(
      'Loaded from https://example.org/net/model.json',
    );
  });
});
