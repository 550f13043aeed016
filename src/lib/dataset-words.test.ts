import { describe, expect, it } from 'vitest';
import { isEmptyImage, subjectWords } from './dataset-words';

describe('subjectWords', () => {
  it('speaks of digits and ink for MNIST, of garments for Fashion-MNIST, neutrally otherwise', () => {
    expect(subjectWords('mnist')).toMatchObject({ noun: 'digit', pixels: 'ink pixels' });
    const fashion = subjectWords('fashion');
    expect(fashion.noun).toBe('garment');
    for (const text of Object.values(fashion)) expect(text).not.toMatch(/\bink|digit|stroke/i);
    expect(subjectWords('mnist', true).noun).toBe('object');
  });
});

describe('isEmptyImage', () => {
  it('is true only when every pixel is 0', () => {
    expect(isEmptyImage(new Float32Array(784))).toBe(true);
    const one = new Float32Array(784);
    one[400] = 0.1;
    expect(isEmptyImage(one)).toBe(false);
  });
});

describe('subjectWords for a colour input', () => {
  it('speaks of a colour image whose background is black, for any dataset', () => {
    const colour = subjectWords('mnist', false, 3);
    expect(colour.noun).toBe('image');
    expect(subjectWords('whatever', true, 3)).toBe(colour);
    expect(colour.valueHint).toMatch(/black is 0/);
    for (const text of Object.values(colour))
      expect(text).not.toMatch(/\bink|digit|garment|white/i);
    expect(subjectWords('mnist', false, 1).noun).toBe('digit');
  });
});
