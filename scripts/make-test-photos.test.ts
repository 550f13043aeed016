// The generated phone photos (e2e/fixtures/photos, made by make-test-photos.ts) go through the
// app's own conversion (src/lib/image-convert.ts: automatic polarity, "like MNIST" fit, the
// quantisation of a committed upload) and the SHIPPED MNIST model reads the expected digit.
// The committed files must also be what the generator writes today.
import * as tf from '@tensorflow/tfjs';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import jpeg from 'jpeg-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quantizeImage } from '../src/lib/image-codec';
import { analyzeImage, convertToModelInput, type RgbaImage } from '../src/lib/image-convert';
import { loadMnist } from '../training/data/mnist';
import { loadShippedModel } from './lib/shipped';
import { makePhoto, PHOTO_DIR, SPECS, type PhotoRecord } from './make-test-photos';

const records = JSON.parse(readFileSync(join(PHOTO_DIR, 'photos.json'), 'utf8')) as PhotoRecord[];

function decode(file: string): RgbaImage {
  const bytes = readFileSync(join(PHOTO_DIR, file));
  if (file.endsWith('.jpg')) {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return { data: img.data, width: img.width, height: img.height };
  }
  const png = PNG.sync.read(bytes);
  return { data: png.data, width: png.width, height: png.height };
}

let model: LayersModel;

beforeAll(async () => {
  model = await loadShippedModel('mnist');
});

afterAll(() => model?.dispose());

function predict(image: Float32Array): number {
  const scores = tf.tidy(() =>
    (model.predict(tf.tensor4d(image, [1, 28, 28, 1])) as tf.Tensor).dataSync(),
  );
  let best = 0;
  for (let i = 1; i < scores.length; i++) if ((scores[i] ?? 0) > (scores[best] ?? 0)) best = i;
  return best;
}

describe('generated phone photos', () => {
  it('are ten photos of ten classes, JPEG and PNG', () => {
    expect(records).toHaveLength(10);
    expect(new Set(records.map((r) => r.label)).size).toBe(10);
    expect(records.some((r) => r.file.endsWith('.jpg'))).toBe(true);
    expect(records.some((r) => r.file.endsWith('.png'))).toBe(true);
  });

  it('are what the generator writes (rerun npx tsx scripts/make-test-photos.ts if not)', () => {
    const mnist = loadMnist('test');
    // One JPEG and one PNG: rendering all ten takes seconds on two cores.
    for (const label of [7, 2]) {
      const spec = SPECS.find((s) => s.label === label)!;
      const { bytes, record } = makePhoto(spec, mnist);
      expect(record).toEqual(records.find((r) => r.label === label));
      expect(Buffer.from(bytes).equals(readFileSync(join(PHOTO_DIR, record.file)))).toBe(true);
    }
  });

  it('convert to 28×28 grids that the shipped model reads right (at least 8 of 10)', () => {
    const rows: string[] = [];
    const correctClasses = new Set<number>();
    for (const r of records) {
      const analysis = analyzeImage(decode(r.file));
      // Dark ink on light paper is detected without help.
      expect(analysis.suggestInvert, r.file).toBe(true);
      const res = convertToModelInput(analysis, 28, 28, { invert: true, fit: 'mnist' });
      expect(res.ok, r.file).toBe(true);
      if (!res.ok) continue;
      const predicted = predict(quantizeImage(res.image));
      if (predicted === r.label) correctClasses.add(r.label);
      rows.push(`${r.file}: label ${r.label}, predicted ${predicted}, ${res.inkPixels} ink pixels`);
    }
    console.log(
      `photos read right: ${correctClasses.size} of ${records.length}\n${rows.join('\n')}`,
    );
    expect(correctClasses.size).toBeGreaterThanOrEqual(8);
  });
});
