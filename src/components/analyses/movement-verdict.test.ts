import { describe, expect, it } from 'vitest';
import type { LayerMovement } from '../../analysis/movement';
import { movementVerdict } from './movement-verdict';

const layer = (name: string, stride: number | null, change: number): LayerMovement => ({
  layer: 0,
  name,
  stride,
  sizeChange: change,
  pixelSizeChange: change,
  mapShiftError: null,
});

const layers = (c: [number, number, number, number]) => [
  layer('conv1', 1, c[0]),
  layer('pool1', 2, c[1]),
  layer('pool2', 4, c[2]),
  layer('dense1', null, c[3]),
];

describe('movementVerdict', () => {
  it('says sizes are unchanged for a multiple of the pool stride, naming the exact layers', () => {
    const v = movementVerdict({ dx: 4, dy: 0, lostValues: 0, layers: layers([0, 0, 0.04, 0.6]) });
    expect(v.kind).toBe('stays');
    expect(v.poolStride).toBe(4);
    expect(v.text).toMatch(/^Sizes unchanged/);
    expect(v.text).toContain('exactly in conv1, pool1');
    expect(v.text).toContain('4.0%');
    expect(v.text).toContain('Dense layers are not shift-equivariant');
  });

  it('says "exactly, in every layer" when nothing changed', () => {
    const v = movementVerdict({ dx: -8, dy: 4, lostValues: 0, layers: layers([0, 0, 0, 0.1]) });
    expect(v.text).toContain('exactly, in every conv and pool layer');
  });

  it('blames the stride that a shift is not a multiple of', () => {
    const v = movementVerdict({ dx: 1, dy: 0, lostValues: 0, layers: layers([0, 0.38, 0.5, 0.6]) });
    expect(v.kind).toBe('changes');
    expect(v.text).toContain('stride 2 of pool1');
  });

  it('reports border effects, lost ink and no shift', () => {
    expect(
      movementVerdict({ dx: 4, dy: 0, lostValues: 0, layers: layers([0, 0.2, 0.3, 1]) }).kind,
    ).toBe('border');
    expect(
      movementVerdict({ dx: 8, dy: 0, lostValues: 3, layers: layers([0, 0, 0, 0]) }).kind,
    ).toBe('lost');
    expect(
      movementVerdict({ dx: 0, dy: 0, lostValues: 0, layers: layers([0, 0, 0, 0]) }).kind,
    ).toBe('none');
  });
});
