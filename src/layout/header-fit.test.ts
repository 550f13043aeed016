import { describe, expect, it } from 'vitest';
import { fitHeader } from './header-fit';

describe('fitHeader', () => {
  it('keeps a header that fits', () => {
    expect(fitHeader('conv1_2 + pool1', ['8 maps'], 200)).toEqual({
      lines: ['conv1_2 + pool1'],
      note: '8 maps',
    });
  });
  it('breaks merged labels and shortens or drops the note when narrow', () => {
    expect(fitHeader('conv1_2 + pool1', ['top 8 of 64 maps', '8/64 maps'], 70)).toEqual({
      lines: ['conv1_2', '+ pool1'],
      note: '8/64 maps',
    });
    expect(fitHeader('dense1', ['top 8 of 64 units', '8/64 units'], 30).note).toBe('');
  });
});
