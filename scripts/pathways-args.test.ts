import { describe, expect, it } from 'vitest';
import { parseArgs } from './lib/pathways-args';

describe('pathways CLI arguments', () => {
  it('parses a pixel query', () => {
    const r = parseArgs([
      '--model',
      'mnist',
      '--sample',
      '3',
      '--pixel',
      '14,15',
      '--class',
      '7',
      '--measure',
      'l1',
      '--json',
    ]);
    expect(r).toMatchObject({
      ok: true,
      options: {
        model: 'mnist',
        sample: 3,
        pixel: { row: 14, col: 15 },
        classIndex: 7,
        measure: 'l1',
        json: true,
        all: false,
      },
    });
  });

  it('accepts --opt=value, defaults sample 0 and the positive measure', () => {
    const r = parseArgs(['--pixel=3,4', '--beam=4', '--chains=9']);
    expect(r).toMatchObject({
      ok: true,
      options: {
        sample: 0,
        pixel: { row: 3, col: 4 },
        measure: 'positive',
        beamWidth: 4,
        topChains: 4,
      },
    });
  });

  it('parses whole-image statistics options', () => {
    const r = parseArgs([
      '--all',
      '--image',
      'x.png',
      '--relative',
      '0.1',
      '--top-m',
      '5',
      '--fit',
      'contain',
      '--invert',
      'yes',
    ]);
    expect(r).toMatchObject({
      ok: true,
      options: {
        all: true,
        image: 'x.png',
        sample: null,
        relative: 0.1,
        topM: 5,
        fit: 'contain',
        invert: 'yes',
      },
    });
  });

  it.each([
    [['--pixel', '14'], /ROW,COL/],
    [['--pixel', '-1,2'], /ROW,COL/],
    [['--pixel', '1,2', '--all'], /not both/],
    [['--sample', '1'], /--pixel ROW,COL or --all/],
    [['--sample', 'x', '--all'], /whole number/],
    [['--sample', '1', '--image', 'a.png', '--all'], /not both/],
    [['--measure', 'max', '--all'], /signed, positive, l1/],
    [['--model', 'cifar', '--all'], /mnist, fashion/],
    [['--all', '--frobnicate'], /unknown option/],
    [['--all', '--class'], /needs a value/],
    [['--all', '--relative', '2'], /between 0 and 1/],
    [['--all', '--all', '--beam', '1', '--beam', '2'], /twice/],
  ])('rejects %j', (argv, message) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).not.toContain('\n');
    }
  });

  it('--help needs nothing else', () => {
    expect(parseArgs(['--help'])).toMatchObject({ ok: true, options: { help: true } });
  });
});
