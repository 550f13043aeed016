// "Bring your own CNN" end to end through the CLI's main function: a 32×32 RGB model with 12
// classes and a labels.txt, saved to a temp folder like a user's export, traced on exact-size
// PNGs one at a time and as batches (CSV and JSON lines, parsed back).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vggLikeModel } from '../src/pathways/testing/models';
import { initNodeBackend } from '../training/lib/node-model';
import { BATCH_COLUMNS } from './lib/batch-rows';
import { seededPixels, writeModelDir, writePng } from './lib/testing/model-dir';
import { runPathways } from './pathways-cli';

const root = mkdtempSync(join(tmpdir(), 'pathways-own-'));
const LABELS = Array.from({ length: 12 }, (_, i) => `label ${i}, "kind" ${i}`);
const pictures = join(root, 'pictures');
const LAYERS = ['conv1_1', 'conv1_2', 'pool1', 'conv2_1', 'conv2_2', 'pool2', 'dense1', 'logits'];
let modelFile = '';
/** The saved model's own prediction for each picture (model.predict, not the engine). */
const predicted: number[] = [];

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runPathways(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

/** RFC 4180, enough for the CLI's output: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += ch;
    }
  }
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  const model = vggLikeModel({
    input: [32, 32, 3],
    widths: [4, 4, 8, 8],
    dense: 16,
    classes: 12,
    seed: 9,
  });
  modelFile = await writeModelDir(model, join(root, 'my-cnn'), { labels: LABELS });
  mkdirSync(pictures);
  for (let i = 0; i < 3; i++) {
    const rgba = seededPixels(32, 32, 100 + i);
    writePng(join(pictures, `pic${i + 1}.png`), 32, 32, rgba);
    const x = tf.tensor4d(
      Float32Array.from(
        { length: 32 * 32 * 3 },
        (_, k) => rgba[Math.floor(k / 3) * 4 + (k % 3)]! / 255,
      ),
      [1, 32, 32, 3],
    );
    predicted.push((model.predict(x) as tf.Tensor).argMax(-1).dataSync()[0]!);
  }
  model.dispose();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run pathways on your own model', () => {
  it('one picture, one pixel: exact RGB values, the labels, a conserving pathway', async () => {
    const image = join(pictures, 'pic2.png');
    const r = await run('--model', modelFile, '--image', image, '--pixel', '5,9', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      model: modelFile,
      input: { height: 32, width: 32, channels: 3 },
      image,
      fit: 'none',
      inverted: false,
      classNames: LABELS,
      classNamesSource: 'labels.txt',
      prediction: predicted[1],
      predictionName: LABELS[predicted[1]!],
      class: predicted[1],
    });
    const rgba = seededPixels(32, 32, 101);
    const px = (5 * 32 + 9) * 4;
    expect(out.pixel.rgb).toEqual(
      [0, 1, 2].map((k) => Number(Math.fround(rgba[px + k]! / 255).toPrecision(7))),
    );
    expect(out.probabilities).toHaveLength(12);
    expect(out.layers.map((l: { name: string }) => l.name)).toEqual(LAYERS);
    for (const layer of out.layers) expect(layer.flowSum).toBeCloseTo(out.relevance, 5);
    expect(out.inputFlow).toHaveLength(3);
    expect(out.errors.conservation).toBeLessThan(1e-5);
    expect(out.errors.completenessRelative).toBeLessThan(1e-4);
  });

  it('a batch of three as CSV: one row per picture and pixel set, plus --all', async () => {
    const r = await run(
      '--model',
      modelFile,
      '--images',
      pictures,
      '--pixel',
      '5,9',
      '--pixel',
      '0,0,3,3',
      '--all',
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(BATCH_COLUMNS.join(','));
    const rows = parseCsv(r.stdout);
    expect(rows.map((row) => [row.image!.split('/').pop(), row.pixels])).toEqual(
      ['pic1.png', 'pic2.png', 'pic3.png'].flatMap((f) => [
        [f, '5,9'],
        [f, '0,0,3,3'],
        [f, 'all'],
      ]),
    );
    rows.forEach((row, i) => {
      const pic = Math.floor(i / 3);
      expect(Number(row.predicted)).toBe(predicted[pic]);
      expect(row.predicted_name).toBe(LABELS[predicted[pic]!]);
      expect(row.class_name).toBe(LABELS[Number(row.class)]);
      expect(Number(row.probability)).toBeGreaterThan(0);
      expect(Number.isFinite(Number(row.relevance))).toBe(true);
      expect(row.fit).toBe('none');
      expect(row.error).toBe('');
      const top = row.top_maps!.split(' ').map((t) => t.split(':'));
      expect(top.map(([layer]) => layer)).toEqual(LAYERS);
      // At most --top-m (3) maps per layer; maps with size 0 carry no pathway and are left out.
      for (const [, maps] of top) {
        const ks = maps === '' ? [] : maps!.split('/').map(Number);
        expect(ks.length).toBeLessThanOrEqual(3);
        expect(new Set(ks).size).toBe(ks.length);
      }
      expect(top[0]![1]!.split('/')).toHaveLength(3);
    });
    const [pixel, square, whole] = rows;
    expect(Number(pixel!.pixel_count)).toBe(1);
    expect(Number(square!.pixel_count)).toBe(16);
    expect(Number(pixel!.conservation_error)).toBeLessThan(1e-5);
    expect(whole!.conservation_error).toBe('');
    expect(Number(whole!.pixel_count)).toBeGreaterThan(900);
    expect(Number(whole!.n_total)).toBeGreaterThan(0);
    expect(Number(whole!.completeness_error)).toBeLessThan(1e-3);
    expect(r.stderr).toMatch(/3 pictures, 9 rows/);

    // The batch's relevance of a pixel is the single report's.
    const one = await run(
      '--model',
      modelFile,
      '--image',
      pixel!.image!,
      '--pixel',
      '5,9',
      '--json',
    );
    expect(Number(pixel!.relevance)).toBeCloseTo(JSON.parse(one.stdout).relevance, 6);
  });

  it('the same batch as JSON lines into --out, with the same numbers', async () => {
    const out = join(root, 'rows.jsonl');
    const files = ['pic1.png', 'pic2.png', 'pic3.png'].map((f) => join(pictures, f));
    const r = await run(
      '--model',
      modelFile,
      '--images',
      ...files,
      '--pixel',
      '5,9',
      '--format',
      'jsonl',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    lines.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(BATCH_COLUMNS);
      expect(row).toMatchObject({
        image: files[i],
        pixels: '5,9',
        pixel_count: 1,
        predicted: predicted[i],
        error: null,
      });
      expect(row.top_maps).toHaveLength(LAYERS.length);
      expect(row.top_maps[0]).toEqual({ layer: 'conv1_1', maps: expect.any(Array) });
    });
    const csv = parseCsv(
      (await run('--model', modelFile, '--images', ...files, '--pixel', '5,9')).stdout,
    );
    expect(csv.map((row) => Number(row.relevance))).toEqual(lines.map((row) => row.relevance));
  });

  it('a bad picture gets an error row and the batch goes on (exit status 1)', async () => {
    const mixed = join(root, 'mixed');
    mkdirSync(mixed);
    writePng(join(mixed, 'a.png'), 32, 32, seededPixels(32, 32, 1));
    writeFileSync(join(mixed, 'b.png'), 'not a picture');
    writePng(join(mixed, 'c.png'), 40, 20, seededPixels(40, 20, 2));
    writePng(join(mixed, 'd.png'), 32, 32, seededPixels(32, 32, 3));
    const r = await run(
      '--model',
      modelFile,
      '--images',
      mixed,
      '--pixel',
      '1,1',
      '--fit',
      'none',
      '--format',
      'jsonl',
    );
    expect(r.code).toBe(1);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((row) => [row.image.split('/').pop(), row.error === null])).toEqual([
      ['a.png', true],
      ['b.png', false],
      ['c.png', false],
      ['d.png', true],
    ]);
    expect(rows[1].error).toMatch(/b\.png': This file is text/);
    expect(rows[2].error).toMatch(/40×20 pixels, but --fit none needs the model's 32×32/);
    expect(r.stderr).toMatch(/4 pictures, 4 rows; 2 could not be analysed/);
  });

  it('--sample N reads the gallery beside model.json (samples.json + samples.bin)', async () => {
    const dir = join(root, 'with-gallery');
    cpSync(dirname(modelFile), dir, { recursive: true });
    const pixels = Uint8Array.from({ length: 3 * 32 * 32 * 3 }, (_, i) => (i * 7) % 256);
    writeFileSync(join(dir, 'samples.bin'), pixels);
    writeFileSync(
      join(dir, 'samples.json'),
      JSON.stringify({
        dataset: 'mine',
        count: 3,
        height: 32,
        width: 32,
        channels: 3,
        classNames: LABELS,
        labels: [4, 0, 11],
      }),
    );
    const r = await run('--model', dir, '--sample', '2', '--pixel', '0,1', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ sample: 2, label: 11, labelName: LABELS[11] });
    const at = 2 * 32 * 32 * 3 + 3;
    expect(out.pixel.rgb).toEqual(
      [0, 1, 2].map((k) => Number(Math.fround(pixels[at + k]! / 255).toPrecision(7))),
    );
    writeFileSync(
      join(dir, 'samples.json'),
      JSON.stringify({ count: 3, height: 28, width: 28, classNames: ['a'], labels: [0, 0, 0] }),
    );
    const bad = await run('--model', dir, '--sample', '0', '--pixel', '0,1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/samples\.json: The sample set is broken/);
  });

  it('refuses requests the model cannot answer, in one line with exit status 2', async () => {
    const image = join(pictures, 'pic1.png');
    for (const [args, message] of [
      [['--image', image, '--pixel', '32,0'], /outside the model's 32×32 image/],
      [['--image', image, '--pixel', '0,0', '--class', '12'], /--class must be below 12/],
      [['--sample', '1', '--pixel', '0,0'], /gallery beside model\.json .* has none/],
      [['--pixel', '0,0'], /give your model a picture/],
    ] as const) {
      const r = await run('--model', modelFile, ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
