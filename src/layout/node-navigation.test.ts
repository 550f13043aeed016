import { describe, expect, it } from 'vitest';
import { nextNodeId } from './node-navigation';

const nodes = [
  { id: 'a0', column: 0, y0: 0, y1: 50 },
  { id: 'b0', column: 1, y0: 0, y1: 10 },
  { id: 'b1', column: 1, y0: 20, y1: 30 },
  { id: 'b2', column: 1, y0: 40, y1: 90 },
  { id: 'c0', column: 2, y0: 60, y1: 70 },
];

describe('nextNodeId', () => {
  it('moves within a column and clamps at its ends', () => {
    expect(nextNodeId(nodes, 'b0', 'ArrowDown')).toBe('b1');
    expect(nextNodeId(nodes, 'b0', 'ArrowUp')).toBe('b0');
    expect(nextNodeId(nodes, 'b0', 'End')).toBe('b2');
    expect(nextNodeId(nodes, 'b2', 'Home')).toBe('b0');
  });

  it('moves across columns to the nearest node in height', () => {
    expect(nextNodeId(nodes, 'a0', 'ArrowRight')).toBe('b1');
    expect(nextNodeId(nodes, 'b2', 'ArrowRight')).toBe('c0');
    expect(nextNodeId(nodes, 'c0', 'ArrowRight')).toBe('c0');
    expect(nextNodeId(nodes, 'c0', 'ArrowLeft')).toBe('b2');
  });

  it('starts at the first visible node and skips hidden columns', () => {
    expect(nextNodeId(nodes, null, 'ArrowDown')).toBe('a0');
    expect(nextNodeId(nodes, 'b1', 'ArrowRight', (n) => n.column < 2)).toBe('b1');
    expect(nextNodeId([], null, 'ArrowDown')).toBeNull();
  });
});
