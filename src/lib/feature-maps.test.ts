import { describe, expect, it } from 'vitest';
import { channelSums, mapDomains, thumbnailPx } from './feature-maps';

describe('channelSums', () => {
  it('sums each channel over all positions (pathway size)', () => {
    // 2×1 map, 2 channels: position 0 = [1, -2], position 1 = [3, 0.5]
    const d = new Float32Array([1, -2, 3, 0.5]);
    expect([...channelSums(d, { height: 2, width: 1, channels: 2 })]).toEqual([4, -1.5]);
  });
});

describe('mapDomains', () => {
  const shape = { height: 1, width: 2, channels: 2 };
  const act = new Float32Array([1, 8, 2, 4]);
  const dif = new Float32Array([0.5, -3, -1, 1]);

  it('shares one domain per layer', () => {
    expect(mapDomains(act, dif, shape, 0, 'layer')).toEqual({
      activationMax: 8,
      diffusionExtent: 3,
    });
  });

  it('or uses the map’s own domain', () => {
    expect(mapDomains(act, dif, shape, 0, 'map')).toEqual({ activationMax: 2, diffusionExtent: 1 });
    expect(mapDomains(act, null, shape, 1, 'map').diffusionExtent).toBe(0);
  });
});

describe('thumbnailPx', () => {
  it('uses integer magnification and fits 16 maps or 64 units in a row or two', () => {
    expect(thumbnailPx({ height: 28, width: 28, channels: 8 })).toBe(56);
    expect(thumbnailPx({ height: 14, width: 14, channels: 16 })).toBe(28);
    expect(thumbnailPx({ height: 7, width: 7, channels: 16 })).toBe(28);
    expect(thumbnailPx({ height: 40, width: 40, channels: 16 })).toBe(40);
    expect(thumbnailPx({ height: 1, width: 1, channels: 64 })).toBe(16);
    expect(thumbnailPx({ height: 3, width: 3, channels: 32 }) % 3).toBe(0);
  });
});
