// The CLI on the shipped MNIST model: in-process through its main function, and once as the
// real process (tsx) for the exit status and stderr contract.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { HELP } from './lib/pathways-args';
import { readSampleSet, REPO_ROOT } from './lib/shipped';
import { runPathways } from './pathways-cli';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runPathways(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

function spawnCli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pathways-cli.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run pathways', () => {
  it('--pixel --json prints one JSON object with sizes, flows, edges, chains and tiny errors', async () => {
    const r = await run(
      '--model',
      'mnist',
      '--sample',
      '3',
      '--pixel',
      '10,12',
      '--class',
      '6',
      '--measure',
      'l1',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      model: 'mnist',
      sample: 3,
      label: 0,
      prediction: 0,
      class: 6,
      measure: 'l1',
      input: { height: 28, width: 28, channels: 1 },
      classNamesSource: 'model card',
    });
    expect(out.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(out.pixel).toEqual({ row: 10, col: 12, index: 292, value: expect.any(Number) });
    expect(out.selection).toMatchObject({ text: '10,12', count: 1 });
    expect(out.layers.map((l: { name: string }) => l.name)).toEqual([
      'conv1_1',
      'conv1_2',
      'pool1',
      'conv2_1',
      'conv2_2',
      'pool2',
      'dense1',
      'logits',
    ]);
    for (const layer of out.layers) {
      expect(layer.sizes).toHaveLength(layer.shape[2]);
      expect(layer.flowSum).toBeCloseTo(out.relevance, 5);
      expect(layer.sizes.every((s: number) => s >= 0)).toBe(true); // l1 sizes
    }
    expect(out.layers[1].edgeFlows.from).toBe('conv1_1');
    expect(out.layers[1].edgeFlows.values).toHaveLength(8);
    expect(out.chains.length).toBeGreaterThan(0);
    expect(out.chains[0].maps).toHaveLength(8);
    expect(out.errors.completenessRelative).toBeLessThan(1e-5);
    expect(out.errors.conservation).toBeLessThan(1e-5);
  });

  it('--all prints whole-image statistics', async () => {
    const r = await run('--sample', '120', '--all', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const set = readSampleSet('mnist');
    const nonZero = Array.from(set.pixels.subarray(120 * 784, 121 * 784)).filter(
      (v) => v > 0,
    ).length;
    expect(out.pixelCount).toBe(nonZero);
    expect(out.pixels[0].sizes).toHaveLength(8);
    expect(out.total).toBe(out.counts.flat().reduce((a: number, b: number) => a + b, 0));
    expect(out.relevance).toHaveLength(10);
    expect(out.relevance[0]).toHaveLength(28);
    expect(Math.max(...out.errors.completeness)).toBeLessThan(1e-4);
  });

  it('--image reads a PNG (dark ink on white is inverted automatically)', async () => {
    const set = readSampleSet('mnist');
    const png = new PNG({ width: 56, height: 56 });
    for (let r = 0; r < 56; r++) {
      for (let c = 0; c < 56; c++) {
        const v = 255 - set.pixels[3 * 784 + Math.floor(r / 2) * 28 + Math.floor(c / 2)]!;
        png.data.set([v, v, v, 255], (r * 56 + c) * 4);
      }
    }
    const file = join(mkdtempSync(join(tmpdir(), 'pathways-')), 'zero.png');
    writeFileSync(file, PNG.sync.write(png));
    const r = await run('--image', file, '--pixel', '14,14', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ image: file, fit: 'mnist', inverted: true, prediction: 0 });
  });

  it('a 28×28 picture is used pixel for pixel, and dark ink on it is warned about', async () => {
    const set = readSampleSet('mnist');
    const png = new PNG({ width: 28, height: 28 });
    for (let p = 0; p < 784; p++) {
      const v = set.pixels[3 * 784 + p]!;
      png.data.set([v, v, v, 255], p * 4);
    }
    const dir = mkdtempSync(join(tmpdir(), 'pathways-'));
    const bright = join(dir, 'bright.png');
    writeFileSync(bright, PNG.sync.write(png));
    const r = await run('--image', bright, '--pixel', '14,7', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ fit: 'none', inverted: false, prediction: 0 });
    expect(out.pixel.value).toBeCloseTo(set.pixels[3 * 784 + 14 * 28 + 7]! / 255, 6);
    for (let p = 0; p < 784; p++) png.data.fill(255 - set.pixels[3 * 784 + p]!, p * 4, p * 4 + 3);
    const dark = join(dir, 'dark.png');
    writeFileSync(dark, PNG.sync.write(png));
    const d = await run('--image', dark, '--pixel', '14,7', '--json');
    expect(d.code).toBe(0);
    expect(d.stderr).toMatch(/dark ink on light paper.*--invert yes/);
    expect(JSON.parse(d.stdout).warnings).toHaveLength(1);
  });

  it('several pixel sets: one JSON object per line; summaries name the classes', async () => {
    const r = await run('--sample', '3', '--pixel', '14,7', '--pixel', '12,6,15,8', '--json');
    expect(r.code).toBe(0);
    const [one, box] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(one.selection.count).toBe(1);
    expect(box.selection).toMatchObject({ text: '12,6,15,8', count: 12 });
    expect(box.pixel).toBeUndefined();
    const text = await run('--sample', '3', '--pixel', '12,6,15,8');
    expect(text.stdout).toMatch(/classes \(model card\): 0, 1, 2/);
    expect(text.stdout).toMatch(/pixels rows 12–15, cols 6–8 \(12 pixels/);
  });

  it('--help lists every option', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${HELP}\n`);
    for (const option of [
      '--model',
      '--sample',
      '--image',
      '--images',
      '--fit',
      '--invert',
      '--pixel',
      '--all',
      '--class',
      '--measure',
      '--beam',
      '--chains',
      '--threshold',
      '--relative',
      '--top-m',
      '--json',
      '--format',
      '--out',
      '--help',
    ])
      expect(HELP).toContain(`  ${option} `);
    for (const fit of ['auto', 'none', 'mnist', 'ink', 'contain', 'stretch'])
      expect(HELP).toMatch(new RegExp(`\\n\\s+${fit} `));
  });

  it('bad arguments: one line on stderr and exit status 2', async () => {
    for (const args of [
      ['--pixel', '14'],
      ['--pixel', '28,3'],
    ]) {
      const r = spawnCli(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^pathways: /);
    }
    const r = await run('--sample', '100000', '--all');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^pathways: --sample must be below/),
    });
  });
});
