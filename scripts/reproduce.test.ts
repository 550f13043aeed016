// The reproduction report end to end: on a tiny sample of the shipped MNIST model (every section
// and figure, written to a fresh temp folder with the committed files untouched) and on a model
// of the user's with a folder of labelled pictures. Plus the command-line parsing.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../src/analysis/report/markdown';
import { vggLikeModel } from '../src/pathways/testing/models';
import { initNodeBackend } from '../training/lib/node-model';
import { REPO_ROOT } from './lib/shipped';
import { seededPixels, writeModelDir, writePng } from './lib/testing/model-dir';
import { COMPARISON_FILE, parseArgs, reproduce } from './reproduce';

const scratch = mkdtempSync(join(tmpdir(), 'reproduce-'));
const madeDirs: string[] = [];

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

/** Size and mtime of every committed file a run could overwrite. */
function committedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const add = (path: string) => {
    const s = statSync(path);
    files.set(relative(REPO_ROOT, path), `${s.size}:${s.mtimeMs}`);
  };
  const docs = join(REPO_ROOT, 'docs');
  for (const f of readdirSync(docs)) if (f.startsWith('reproduction-')) add(join(docs, f));
  for (const f of readdirSync(join(docs, 'figures'))) add(join(docs, 'figures', f));
  for (const id of readdirSync(join(REPO_ROOT, 'public', 'models'))) {
    const cache = join(REPO_ROOT, 'public', 'models', id, 'importance.json');
    if (existsSync(cache)) add(cache);
  }
  return files;
}

describe('parseArgs', () => {
  it('reads the options and their defaults', () => {
    const a = parseArgs(['--model', 'mnist']);
    expect(a).toMatchObject({
      model: 'mnist',
      data: null,
      n: 1000,
      seed: 1,
      out: null,
      updateShipped: false,
      importance: 'default',
      fit: 'auto',
      backend: 'wasm',
    });
    const b = parseArgs([
      '--model=my/model.json',
      '--data',
      'pictures',
      '--n',
      '20',
      '--out',
      '/tmp/x',
      '--adv',
      '3',
      '--fit',
      'stretch',
      '--quiet',
    ]);
    expect(b).toMatchObject({
      model: 'my/model.json',
      data: 'pictures',
      n: 20,
      out: '/tmp/x',
      adv: 3,
      fit: 'stretch',
      quiet: true,
    });
    expect(parseArgs(['--model', 'vgg-mnist', '--update-shipped'])).toMatchObject({
      updateShipped: true,
    });
    expect(parseArgs(['--compare-only'])).toMatchObject({ compareOnly: true, model: '' });
  });

  it('rejects bad input', () => {
    expect(() => parseArgs([])).toThrow(/--model is required/);
    expect(() => parseArgs(['--model', 'cifar'])).toThrow(/--data is required for your own model/);
    expect(() => parseArgs(['--model', 'mnist', '--n', '-3'])).toThrow(/--n/);
    expect(() => parseArgs(['--model', 'mnist', '--colour', 'red'])).toThrow(/Unknown/);
    expect(() => parseArgs(['--model', 'mnist', '--update-shipped', '--out', 'x'])).toThrow(
      /leave out --out/,
    );
    expect(() => parseArgs(['--model', 'a.json', '--data', 'd', '--update-shipped'])).toThrow(
      /--update-shipped rewrites the shipped models/,
    );
    expect(() => parseArgs(['--model', 'mnist', '--data', 'fashion', '--update-shipped'])).toThrow(
      /own dataset \(mnist\)/,
    );
    expect(() => parseArgs(['--model', 'mnist', '--fit', 'cover'])).toThrow(/--fit must be one of/);
  });
});

/** A run small enough for a test: 12 pictures analysed, 10 for the centroids, 4 per perturbation. */
const smallRun = (model: string, data: string, out: string) => [
  ...['--model', model, '--data', data, '--n', '12', '--train', '10'],
  ...['--adv', '4', '--occ', '4', '--move', '4', '--out', out, '--quiet'],
];

describe('reproduce', () => {
  it(
    'writes a report with every section and its figures to a fresh temp folder, touching no committed file',
    { timeout: 240_000 },
    async () => {
      const before = committedFiles();
      const result = await reproduce(
        parseArgs(['--model', 'mnist', '--n', '20', '--seed', '2', '--quiet']),
      );
      madeDirs.push(result.plan.dir);
      expect(result.plan.fresh).toBe(true);
      expect(result.plan.dir.startsWith(tmpdir())).toBe(true);
      expect(result.written.every((p) => p.startsWith(result.plan.dir))).toBe(true);
      expect(committedFiles()).toEqual(before);

      const md = readFileSync(result.markdownPath, 'utf8');
      expect(result.markdownPath).toBe(join(result.plan.dir, 'reproduction-mnist.md'));
      for (const section of REPORT_SECTIONS) expect(md).toContain(`\n${section}\n`);
      for (let f = 1; f <= 5; f++)
        expect(md).toMatch(
          new RegExp(`\\| ${f} \\| .* \\| \\*\\*(holds|partly holds|does not hold)\\*\\* \\|`),
        );
      expect(md).toContain('npm run reproduce -- --model mnist --n 20 --seed 2');
      expect(result.figurePaths.length).toBeGreaterThanOrEqual(9);
      for (const path of result.figurePaths) {
        const svg = readFileSync(path, 'utf8');
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg).not.toContain('NaN');
        expect(md).toContain(`](figures/${path.split('/').pop()})`);
      }
      // The comparison table is written beside a shipped model's report; no importance cache.
      expect(existsSync(join(result.plan.dir, COMPARISON_FILE))).toBe(true);
      expect(result.plan.importance).toBeNull();
    },
  );

  it(
    'runs on your own model with a folder of labelled pictures, into --out',
    { timeout: 240_000 },
    async () => {
      await initNodeBackend('wasm');
      const names = ['red', 'green', 'blue', 'grey'];
      const model = vggLikeModel({
        input: [16, 16, 3],
        widths: [4, 4, 8, 8],
        dense: 12,
        classes: 4,
        seed: 21,
      });
      const modelFile = await writeModelDir(model, join(scratch, 'tiny-rgb'), { labels: names });
      // Pictures filed under the class the model predicts, so that every one is classified
      // right and the attacks, occlusion and movement all have originals.
      const data = join(scratch, 'pictures');
      for (const name of names) mkdirSync(join(data, name), { recursive: true });
      for (let i = 0; i < 48; i++) {
        const rgba = seededPixels(16, 16, 500 + i);
        const x = tf.tensor4d(
          Float32Array.from(
            { length: 16 * 16 * 3 },
            (_, k) => rgba[Math.floor(k / 3) * 4 + (k % 3)]! / 255,
          ),
          [1, 16, 16, 3],
        );
        const label = (model.predict(x) as tf.Tensor).argMax(-1).dataSync()[0]!;
        x.dispose();
        writePng(join(data, names[label]!, `p${i}.png`), 16, 16, rgba);
      }
      model.dispose();
      const out = join(scratch, 'reports');
      const result = await reproduce(parseArgs(smallRun(modelFile, data, out)));
      expect(result.markdownPath).toBe(join(out, 'reproduction-tiny-rgb.md'));
      const md = readFileSync(result.markdownPath, 'utf8');
      for (const section of REPORT_SECTIONS) expect(md).toContain(`\n${section}\n`);
      expect(md).toContain(`--model ${modelFile} --data ${data} --n 12 --seed 1`);
      expect(md).toMatch(/accuracy on it 100(\.0+)? %/);
      expect(md).toContain('pictures (picture folder)');
      for (const path of result.figurePaths) {
        expect(path.startsWith(join(out, 'figures', 'tiny-rgb-'))).toBe(true);
        expect(readFileSync(path, 'utf8')).not.toContain('NaN');
      }
      // Your model is not one of the four the comparison table sets side by side.
      expect(existsSync(join(out, COMPARISON_FILE))).toBe(false);
    },
  );

  it(
    'says "not measured", never NaN, where a model leaves nothing to measure (a random 12-class model, 4 classes of pictures)',
    { timeout: 240_000 },
    async () => {
      await initNodeBackend('wasm');
      const model = vggLikeModel({
        input: [16, 16, 3],
        widths: [4, 4, 8, 8],
        dense: 12,
        classes: 12,
        seed: 5,
      });
      const modelFile = await writeModelDir(model, join(scratch, 'random12'));
      model.dispose();
      const data = join(scratch, 'four-classes');
      for (let c = 0; c < 4; c++) {
        mkdirSync(join(data, String(c)), { recursive: true });
        for (let i = 0; i < 14; i++)
          writePng(
            join(data, String(c), `p${i}.png`),
            16,
            16,
            seededPixels(16, 16, 900 + c * 50 + i),
          );
      }
      const result = await reproduce(
        parseArgs(smallRun(modelFile, data, join(scratch, 'random-out'))),
      );
      const md = readFileSync(result.markdownPath, 'utf8');
      expect(md).not.toContain('NaN');
      // Nothing this model classifies right: no attack, occlusion or deformed sample to measure.
      expect(md).toMatch(/\| 4 \| [^|]+ \| \*\*not measured\*\* \| attacks: not measured \(0 of 0/);
      expect(md).toMatch(
        /\| 5 \| [^|]+ \| \*\*not measured\*\* \| not measured: no deformed samples/,
      );
      // Its words are about this model and this folder, not a shipped model and a test split.
      expect(md).toContain('a model not shipped with the project');
      expect(md).not.toContain('our shipped');
      expect(md).toContain('drawn without replacement from four-classes (picture folder)');
      expect(md).not.toMatch(/test split|training split/);
    },
  );

  it('refuses a folder too small for --n, saying how many pictures it needs, and leaves no temp folder', async () => {
    const modelFile = join(scratch, 'tiny-rgb', 'model.json');
    const temps = () =>
      readdirSync(tmpdir()).filter((f) => f.startsWith('pathway-lens-reproduction-tiny-rgb-'));
    const before = temps();
    await expect(
      reproduce(
        parseArgs([
          '--model',
          modelFile,
          '--data',
          join(scratch, 'pictures'),
          '--n',
          '40',
          '--quiet',
        ]),
      ),
    ).rejects.toThrow(
      /pictures has 48 pictures, but --n 40 needs 40 for the analysis, 20 for the class centroids and at least 10 .*lower --n or --train, or add pictures/,
    );
    expect(temps()).toEqual(before);
  });
});
