import { describe, expect, it } from 'vitest';
import { stamp } from './brush';
import { startStroke } from './stroke-painter';

describe('startStroke', () => {
  it('paints grey ink exactly as the grey brush, on a copy', () => {
    const image = new Float32Array(9 * 9);
    const painter = startStroke(image, 9, 9, 1, { kind: 'brush', size: 3, colour: [1, 0, 0] });
    painter.dab({ x: 4.5, y: 4.5 });
    const expected = new Float32Array(9 * 9);
    stamp(expected, 9, 9, { x: 4.5, y: 4.5 }, 3, 'brush');
    expect([...painter.image]).toEqual([...expected]);
    expect(image.every((v) => v === 0)).toBe(true);
  });

  it('paints the colour on an RGB image, and the eraser paints black', () => {
    const image = new Float32Array(9 * 9 * 3);
    const brush = startStroke(image, 9, 9, 3, { kind: 'brush', size: 3, colour: [0, 0, 1] });
    expect(brush.line({ x: 1.5, y: 4.5 }, { x: 7.5, y: 4.5 })).toBe(true);
    const centre = (4 * 9 + 4) * 3;
    expect([...brush.image.subarray(centre, centre + 3)]).toEqual([0, 0, 1]);
    const eraser = startStroke(brush.image, 9, 9, 3, {
      kind: 'eraser',
      size: 3,
      colour: [0, 0, 1],
    });
    eraser.dab({ x: 4.5, y: 4.5 });
    expect([...eraser.image.subarray(centre, centre + 3)]).toEqual([0, 0, 0]);
    expect(brush.image[centre + 2]).toBe(1);
  });
});
