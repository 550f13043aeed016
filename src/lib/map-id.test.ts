import { describe, expect, it } from 'vitest';
import { mapIdOf, mapRefOf } from './map-id';

const layers = [
  { name: 'conv1_1', channels: 8 },
  { name: 'pool1', channels: 8 },
];

describe('map ids', () => {
  it('round-trips a map', () => {
    expect(mapIdOf(layers, { layer: 1, channel: 3 })).toBe('pool1:3');
    expect(mapRefOf(layers, 'pool1:3')).toEqual({ layer: 1, channel: 3 });
  });

  it('rejects unknown layers and channels out of range', () => {
    expect(mapRefOf(layers, 'conv9:1')).toBeNull();
    expect(mapRefOf(layers, 'conv1_1:8')).toBeNull();
    expect(mapRefOf(layers, null)).toBeNull();
    expect(mapIdOf(layers, { layer: 2, channel: 0 })).toBeNull();
  });
});
