import { describe, expect, it } from 'vitest';
import { loadSampleSet, parseSampleSet, sampleImage, SampleSetError } from './samples';

const meta = (over: Record<string, unknown> = {}) => ({
  dataset: 'mnist',
  count: 2,
  height: 2,
  width: 2,
  classNames: ['a', 'b'],
  labels: [1, 0],
  ...over,
});
const bytes = () => new Uint8Array([0, 255, 51, 0, 1, 2, 3, 4]).buffer;

describe('parseSampleSet', () => {
  it('reads a consistent set and normalises pixels by 255', () => {
    const set = parseSampleSet(meta(), bytes());
    expect(set.count).toBe(2);
    expect([...set.labels]).toEqual([1, 0]);
    expect([...sampleImage(set, 0)]).toEqual([0, 1, Math.fround(0.2), 0]);
  });

  it.each([
    ['not an object', [], bytes(), 'not a JSON object'],
    ['bad count', meta({ count: -1 }), bytes(), '"count"'],
    ['labels too short', meta({ labels: [1] }), bytes(), 'must list 2 labels'],
    ['label out of range', meta({ labels: [1, 7] }), bytes(), 'label 1 (7) has no class name'],
    ['wrong byte size', meta(), new ArrayBuffer(7), 'has 7 bytes, but 2 images need 8'],
    ['class names missing', meta({ classNames: 'ab' }), bytes(), '"classNames"'],
  ])('rejects %s', (_, m, b, message) => {
    expect(() => parseSampleSet(m, b)).toThrow(SampleSetError);
    expect(() => parseSampleSet(m, b)).toThrow(message);
  });

  it('reports HTTP failures with the URL', async () => {
    const fetcher = (async (url: string) =>
      new Response('nope', { status: url.endsWith('.bin') ? 404 : 200 })) as typeof fetch;
    await expect(loadSampleSet({ bin: 'x.bin', meta: 'x.json' }, fetcher)).rejects.toThrow(
      'Could not fetch x.bin (HTTP 404).',
    );
  });
});
