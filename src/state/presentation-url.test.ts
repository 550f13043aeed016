import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from './url';
import { parseHide } from './presentation-url';

describe('presentation URL fields', () => {
  it('reads lecture mode, embed and hidden controls', () => {
    const { state, problems } = parseUrlState('?mode=lecture&embed=1&hide=analyses,gallery');
    expect(problems).toEqual([]);
    expect(state.mode).toBe('lecture');
    expect(state.embed).toBe(true);
    // Table order, whatever the link's order.
    expect(state.hide).toEqual(['gallery', 'analyses']);
  });

  it('defaults and leaves them out of the link', () => {
    const { state } = parseUrlState('');
    expect(state.mode).toBe('normal');
    expect(state.embed).toBe(false);
    expect(state.hide).toEqual([]);
    expect(serializeUrlState(state)).not.toMatch(/[?&](mode|embed|hide)=/);
  });

  it('round-trips', () => {
    const { state } = parseUrlState('?mode=lecture&embed=1&hide=maps,options');
    const again = parseUrlState(serializeUrlState(state)).state;
    expect([again.mode, again.embed, again.hide]).toEqual(['lecture', true, ['options', 'maps']]);
  });

  it.each([
    ['mode', 'LECTURE'],
    ['mode', 'lecture<script>'],
    ['embed', 'true'],
    ['embed', '2'],
    ['hide', 'gallery,<img src=x>'],
    ['hide', 'gallery,unknown'],
    ['hide', '__proto__'],
    ['hide', 'constructor'],
    ['hide', `${'gallery,'.repeat(40)}maps`],
  ])('refuses %s=%s with a notice', (key, value) => {
    const { state, problems } = parseUrlState(`?${key}=${encodeURIComponent(value)}`);
    expect(problems).toHaveLength(1);
    expect(state.mode).toBe('normal');
    expect(state.embed).toBe(false);
    expect(state.hide).toEqual([]);
  });

  it('ignores empty items and duplicates in hide', () => {
    expect(parseHide('gallery,,gallery,')).toEqual(['gallery']);
    expect(parseHide('')).toEqual([]);
  });
});
