import { describe, expect, it } from 'vitest';
import { groupByClass, nextFocusIndex, visibleIndices } from './gallery-groups';

describe('gallery groups', () => {
  it('groups indices by label and drops empty classes', () => {
    const groups = groupByClass(new Uint8Array([1, 0, 1]), ['a', 'b', 'c']);
    expect(groups).toEqual([
      { classIndex: 0, name: 'a', indices: [1] },
      { classIndex: 1, name: 'b', indices: [0, 2] },
    ]);
  });

  it('keeps the selected sample visible in a collapsed row', () => {
    expect(visibleIndices([5, 6, 7, 8], 2, null)).toEqual([5, 6]);
    expect(visibleIndices([5, 6, 7, 8], 2, 8)).toEqual([5, 8]);
    expect(visibleIndices([5, 6, 7, 8], 2, 6)).toEqual([5, 6]);
    expect(visibleIndices([5, 6, 7, 8], 2, 99)).toEqual([5, 6]);
  });

  it('moves focus in a grid and stops at the edges', () => {
    expect(nextFocusIndex('ArrowRight', 3, 10, 4)).toBe(4);
    expect(nextFocusIndex('ArrowDown', 8, 10, 4)).toBe(9);
    expect(nextFocusIndex('ArrowUp', 1, 10, 4)).toBe(0);
    expect(nextFocusIndex('End', 1, 10, 4)).toBe(9);
    expect(nextFocusIndex('a', 1, 10, 4)).toBeNull();
  });
});
