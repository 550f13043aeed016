import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PathwayLayerInfo } from '../../pathways/types';
import { axisTicks } from './AxisFrame';
import { MAX_THUMBNAIL_PX, thumbnailSize } from './thumbnail-size';
import { FeatureMapsPanel } from './FeatureMapsPanel';

const layers: PathwayLayerInfo[] = [
  { index: 0, name: 'conv1', kind: 'conv', height: 4, width: 4, channels: 3 },
  { index: 1, name: 'dense1', kind: 'dense', height: 1, width: 1, channels: 5 },
];
const act = [new Float32Array(4 * 4 * 3).fill(1), new Float32Array(5).fill(2)];
const dif = [new Float32Array(4 * 4 * 3), new Float32Array(5)];
dif[0]![2] = -0.5; // channel 2 gets the largest |size|
const noop = () => {};

function render(extra: Partial<Parameters<typeof FeatureMapsPanel>[0]> = {}) {
  return renderToStaticMarkup(
    <FeatureMapsPanel
      layers={layers}
      activations={act}
      diffusion={dif}
      hoveredMap={null}
      pinnedMap={null}
      onHoverMap={noop}
      onPinMap={noop}
      {...extra}
    />,
  );
}

describe('FeatureMapsPanel', () => {
  it('shows one thumbnail button per map, named with its pathway size', () => {
    const html = render();
    expect(html.match(/<button[^>]*class="pl-thumb/g)).toHaveLength(3 + 5);
    expect(html).toContain('aria-label="conv1 map 2, pathway size \u22120.5"');
    expect(html).toContain('aria-label="dense1 unit 4, pathway size 0"');
  });

  it('shows the map with the largest pathway when nothing is hovered or pinned', () => {
    expect(render()).toContain('conv1 · map 2');
  });

  it('prefers the hovered map over the pinned one, and marks the pinned one', () => {
    const html = render({
      hoveredMap: { layer: 1, channel: 3 },
      pinnedMap: { layer: 0, channel: 1 },
    });
    expect(html).toContain('dense1 · unit 3');
    expect(html).toMatch(
      /aria-pressed="true"[^>]*aria-label="conv1 map 1|aria-label="conv1 map 1[^"]*"[^>]*aria-pressed="true"/,
    );
    expect(html).toContain('Unpin conv1 map 1');
  });

  it('explains a zero selection instead of drawing empty overlays', () => {
    const html = render({ diffusion: null, selectionIsZero: true });
    expect(html).toContain('nothing diffuses from it');
    expect(html).not.toContain(', pathway size');
    expect(html).not.toContain('Diffusion D');
  });

  it('reports activations that do not match the layer shape', () => {
    const html = render({ activations: [new Float32Array(7), act[1]!] });
    expect(html).toContain('conv1: no activations of shape 4×4×3');
  });
});

describe('axisTicks', () => {
  it('marks 0, regular steps and the last index without crowding', () => {
    expect(axisTicks(28)).toEqual([0, 7, 14, 21, 27]);
    expect(axisTicks(14)).toEqual([0, 5, 10, 13]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6]);
    expect(axisTicks(1)).toEqual([0]);
  });

  it('keeps large grids to a few round labels (inputs and maps up to 256 a side)', () => {
    expect(axisTicks(32)).toEqual([0, 8, 16, 24, 31]);
    expect(axisTicks(128)).toEqual([0, 32, 64, 96, 127]);
    expect(axisTicks(224)).toEqual([0, 64, 128, 223]);
    expect(axisTicks(256)).toEqual([0, 64, 128, 192, 255]);
    for (const n of [29, 40, 100, 150, 200, 256])
      expect(axisTicks(n).length).toBeLessThanOrEqual(6);
  });
});

describe('thumbnailSize', () => {
  it('keeps the enlarged thumbnails of small maps', () => {
    expect(thumbnailSize({ height: 28, width: 28, channels: 8 })).toEqual({
      px: 56,
      width: 56,
      height: 56,
      downscaled: false,
    });
  });

  it('draws maps larger than the thumbnail smaller, smoothed, in proportion', () => {
    expect(thumbnailSize({ height: 128, width: 128, channels: 32 })).toEqual({
      px: MAX_THUMBNAIL_PX,
      width: MAX_THUMBNAIL_PX,
      height: MAX_THUMBNAIL_PX,
      downscaled: true,
    });
    const wide = thumbnailSize({ height: 64, width: 256, channels: 4 });
    expect(wide).toMatchObject({ width: MAX_THUMBNAIL_PX, height: MAX_THUMBNAIL_PX / 4 });
  });
});
