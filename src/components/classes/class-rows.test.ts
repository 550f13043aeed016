import { describe, expect, it } from 'vitest';
import { classRows, nextOption, searchClasses, shortName } from './class-rows';

/** Probabilities that fall with the class number, except where `high` says otherwise. */
function probs(count: number, high: Record<number, number> = {}): Float32Array {
  const p = Float32Array.from({ length: count }, (_, c) => 1 / (c + 2));
  for (const [c, v] of Object.entries(high)) p[Number(c)] = v;
  const sum = p.reduce((a, b) => a + b, 0);
  return p.map((v) => v / sum);
}

describe('classRows', () => {
  it('lists up to ten classes all, in class order, with no summary row', () => {
    const rows = classRows(probs(10, { 7: 5 }), 3);
    expect(rows.classes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.other).toBeNull();
    expect(rows.pinned).toBeNull();
  });

  it('lists the ten most probable of many, best first, and sums the rest', () => {
    const p = probs(100, { 42: 2, 99: 1.5 });
    const rows = classRows(p, 42);
    expect(rows.classes.slice(0, 2)).toEqual([42, 99]);
    expect(rows.classes).toHaveLength(10);
    expect(rows.pinned).toBeNull();
    expect(rows.other?.count).toBe(90);
    const shown = rows.classes.reduce((s, c) => s + p[c]!, 0);
    expect(shown + rows.other!.probability).toBeCloseTo(1, 5);
  });

  it('keeps a chosen class outside the top ten visible, out of the summary', () => {
    const p = probs(1000);
    const rows = classRows(p, 777);
    expect(rows.classes).toHaveLength(11);
    expect(rows.classes[10]).toBe(777);
    expect(rows.pinned).toBe(777);
    expect(rows.other?.count).toBe(989);
    expect(rows.other!.probability).toBeCloseTo(1 - rows.classes.reduce((s, c) => s + p[c]!, 0), 5);
  });

  it('breaks ties by class number and puts non-finite scores last', () => {
    const p = new Float32Array(12).fill(0.05);
    p[11] = NaN;
    expect(classRows(p, null).classes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('ignores a chosen class the model does not have', () => {
    expect(classRows(probs(20), 20).pinned).toBeNull();
    expect(classRows(probs(20), -1).classes).toHaveLength(10);
  });
});

describe('searchClasses', () => {
  const names = ['tabby cat', 'tiger', 'cat food', 'Persian cat', 'dog', 'hotdog', 'Cat'];

  it('puts a whole-name match first, then names that start with the query, then words', () => {
    expect(searchClasses(names, names.length, 'cat').matches).toEqual([6, 2, 0, 3]);
    expect(searchClasses(names, names.length, 'CAT F').matches).toEqual([2]);
    expect(searchClasses(names, names.length, 'dog').matches).toEqual([4, 5]);
  });

  it('finds a class by its number first (with or without #), then numbers that start with it', () => {
    const many = Array.from({ length: 200 }, (_, c) => `class ${c}`);
    expect(searchClasses(many, 200, '12').matches.slice(0, 3)).toEqual([12, 120, 121]);
    expect(searchClasses(many, 200, '#7').matches[0]).toBe(7);
    expect(searchClasses(many, 200, '12').total).toBe(11 + 1); // 12, 120–129 and "class 112"
  });

  it('counts every match but lists at most the limit', () => {
    const many = Array.from({ length: 1000 }, (_, c) => `label ${c}`);
    const r = searchClasses(many, 1000, 'label', 8);
    expect(r.matches).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(r.total).toBe(1000);
  });

  it('finds nothing for blank text or a class that does not exist', () => {
    expect(searchClasses(names, names.length, '  ')).toEqual({ matches: [], total: 0 });
    expect(searchClasses(names, names.length, 'zebra').total).toBe(0);
    expect(searchClasses(names, names.length, '7').total).toBe(0);
  });

  it('finds classes without a name by their number', () => {
    expect(searchClasses([], 30, '25').matches).toEqual([25]);
  });
});

describe('nextOption', () => {
  it('moves through the list with the arrows and wraps around', () => {
    expect(nextOption(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextOption(2, 'ArrowDown', 3)).toBe(0);
    expect(nextOption(-1, 'ArrowUp', 3)).toBe(2);
    expect(nextOption(0, 'ArrowUp', 3)).toBe(2);
  });

  it('ignores other keys and an empty list', () => {
    expect(nextOption(0, 'a', 3)).toBeNull();
    expect(nextOption(-1, 'ArrowDown', 0)).toBeNull();
  });
});

describe('shortName', () => {
  it('cuts long names with an ellipsis and leaves short ones', () => {
    expect(shortName('kite')).toBe('kite');
    expect(shortName('a remarkably long class name', 12)).toBe('a remarkabl…');
    expect(shortName('a remarkably long class name', 12)).toHaveLength(12);
  });
});
