import { describe, expect, it } from 'vitest';
import { divergingRgb } from './colors';
import { channelPlane, paintGrey, paintImage, paintOverlay } from './raster';

describe('channelPlane', () => {
  it('extracts channel k of an NHWC map', () => {
    // 1×2 map with 3 channels: pixel 0 = [0,1,2], pixel 1 = [10,11,12]
    const data = new Float32Array([0, 1, 2, 10, 11, 12]);
    expect([...channelPlane(data, 1, 2, 3, 1)]).toEqual([1, 11]);
    expect([...channelPlane(data, 1, 2, 3, 2)]).toEqual([2, 12]);
  });

  it('returns zeros for an out-of-range channel or short data', () => {
    expect([...channelPlane(new Float32Array(6), 1, 2, 3, 5)]).toEqual([0, 0]);
    expect([...channelPlane(new Float32Array(2), 1, 2, 3, 0)]).toEqual([0, 0]);
  });
});

describe('paintGrey', () => {
  it('draws 0 as white and the maximum as dark, opaque', () => {
    const px = paintGrey([0, 2], 2);
    expect([...px.slice(0, 4)]).toEqual([255, 255, 255, 255]);
    expect(px[4]).toBeLessThan(40);
    expect(px[7]).toBe(255);
  });
});

describe('paintImage', () => {
  it('draws a grey input as ink on paper, like paintGrey', () => {
    expect([...paintImage([0, 0.5, 1], 1)]).toEqual([...paintGrey([0, 0.5, 1], 1, 0.08)]);
  });

  it('draws an RGB input (NHWC) in its own colours, 0 as black', () => {
    const px = paintImage([0, 0, 0, 1, 0.5, 0, 2, -1, 0.2], 3);
    expect([...px]).toEqual([0, 0, 0, 255, 255, 128, 0, 255, 255, 0, 51, 255]);
  });

  it('reads raw bytes with max 255', () => {
    expect([...paintImage(new Uint8Array([255, 0, 51]), 3, 255)]).toEqual([255, 0, 51, 255]);
  });
});

describe('paintOverlay', () => {
  it('shows the grey context where the signed map is 0', () => {
    const px = paintOverlay(2, { base: [0, 1], baseMax: 1, signed: [0, 0], extent: 1 });
    expect([...px.slice(0, 3)]).toEqual([255, 255, 255]);
    expect(px[4]).toBeLessThan(255);
    expect(px[4]).toBe(px[5]);
  });

  it('shows full diverging colour at the ends of the domain', () => {
    const px = paintOverlay(2, { base: null, baseMax: 0, signed: [2, -2], extent: 2 });
    expect([...px.slice(0, 3)]).toEqual([...divergingRgb(1)]);
    expect([...px.slice(4, 7)]).toEqual([...divergingRgb(-1)]);
  });
});
