// The reproduction report end to end on a tiny sample of the shipped MNIST model: every section
// and every figure is written. Plus the command-line parsing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../src/analysis/report/markdown';
import { parseArgs, reproduce } from './reproduce';

const out = mkdtempSync(join(tmpdir(), 'reproduce-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('parseArgs', () => {
  it('reads the options and their defaults', () => {
    const a = parseArgs(['--model', 'mnist']);
    expect(a).toMatchObject({ model: 'mnist', n: 1000, seed: 1, out: 'docs', backend: 'wasm' });
    expect(a.importance).toBe(join('public', 'models', 'mnist', 'importance.json'));
    const b = parseArgs([
      '--model=fashion',
      '--n',
      '20',
      '--out',
      '/tmp/x',
      '--adv',
      '3',
      '--quiet',
    ]);
    expect(b).toMatchObject({
      model: 'fashion',
      n: 20,
      out: '/tmp/x',
      adv: 3,
      quiet: true,
      importance: null,
    });
  });

  it('rejects bad input', () => {
    expect(() => parseArgs([])).toThrow(/--model/);
    expect(() => parseArgs(['--model', 'cifar'])).toThrow(/--model/);
    expect(() => parseArgs(['--model', 'mnist', '--n', '-3'])).toThrow(/--n/);
    expect(() => parseArgs(['--model', 'mnist', '--colour', 'red'])).toThrow(/Unknown/);
  });
});

describe('reproduce', () => {
  it('writes a report with every section and its figures', { timeout: 240_000 }, async () => {
    const { markdownPath, figurePaths } = await reproduce({
      ...parseArgs(['--model', 'mnist', '--n', '20', '--seed', '2', '--out', out, '--quiet']),
    });
    const md = readFileSync(markdownPath, 'utf8');
    for (const section of REPORT_SECTIONS) expect(md).toContain(`\n${section}\n`);
    for (let f = 1; f <= 5; f++)
      expect(md).toMatch(
        new RegExp(`\\| ${f} \\| .* \\| \\*\\*(holds|partly holds|does not hold)\\*\\* \\|`),
      );
    expect(md).toContain('npm run reproduce -- --model mnist --n 20 --seed 2');
    expect(figurePaths.length).toBeGreaterThanOrEqual(9);
    for (const path of figurePaths) {
      expect(existsSync(path)).toBe(true);
      const svg = readFileSync(path, 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).not.toContain('NaN');
      expect(md).toContain(`](figures/${path.split('/').pop()})`);
    }
    // No importance cache is written for a report into another directory.
    expect(existsSync(join(out, 'importance.json'))).toBe(false);
  });
});
