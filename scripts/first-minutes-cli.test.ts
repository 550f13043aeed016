// The command line's first minutes: `npm run reproduce -- --help` prints the options, and the
// README's first pathway example selects a pixel on the sample's stroke (a background pixel would
// print an empty pathway).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readSampleSet, sampleInput } from './lib/shipped';

describe('the command line a newcomer tries first', () => {
  it('reproduce --help prints every option and exits 0', () => {
    const out = execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/reproduce.ts', '--help'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(out).toContain('usage: npm run reproduce -- --model mnist|fashion');
    for (const option of [
      '--model',
      '--n',
      '--seed',
      '--out',
      '--importance',
      '--backend',
      '--quiet',
    ])
      expect(out).toContain(`  ${option} `);
  });

  it('the README’s first pathway example picks a non-zero pixel', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const m = /npm run pathways -- --model (\w+) --sample (\d+) --pixel (\d+),(\d+)/.exec(readme);
    expect(m).not.toBeNull();
    const [, model, sample, row, col] = m!;
    const set = readSampleSet(model as 'mnist');
    const image = sampleInput(set, Number(sample));
    expect(image[Number(row) * set.width + Number(col)]).toBeGreaterThan(0.5);
  });
});
