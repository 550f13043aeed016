// Spawns the real CLI (tsx, wasm backend, shipped MNIST model).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readSampleSet, REPO_ROOT } from './lib/shipped';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pathways-cli.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run pathways', () => {
  it('--pixel --json prints one JSON object with sizes, flows, edges, chains and tiny errors', () => {
    const r = run(
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
    });
    expect(out.pixel).toEqual({ row: 10, col: 12, index: 292, value: expect.any(Number) });
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

  it('--all prints whole-image statistics', () => {
    const r = run('--sample', '120', '--all', '--json');
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

  it('--image reads a PNG (dark ink on white is inverted automatically)', () => {
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
    const r = run('--image', file, '--pixel', '14,14', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.image).toBe(file);
    expect(out.prediction).toBe(0);
  });

  it('bad arguments: one line on stderr and exit status 2', () => {
    for (const args of [
      ['--pixel', '14'],
      ['--pixel', '28,3'],
      ['--sample', '100000', '--all'],
    ]) {
      const r = run(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^pathways: /);
    }
  });
});
