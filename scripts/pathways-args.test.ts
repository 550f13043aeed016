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
        pixels: [{ row0: 14, col0: 15, row1: 14, col1: 15 }],
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
        pixels: [{ row0: 3, col0: 4, row1: 3, col1: 4 }],
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
      'stretch',
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
        fit: 'stretch',
        invert: 'yes',
      },
    });
  });

  it('reads pixel sets: rectangles in any corner order, --pixel repeated', () => {
    const r = parseArgs(['--pixel', '5,9,2,3', '--pixel', ' 1 , 2 ']);
    expect(r).toMatchObject({
      ok: true,
      options: {
        pixels: [
          { row0: 2, col0: 3, row1: 5, col1: 9 },
          { row0: 1, col0: 2, row1: 1, col1: 2 },
        ],
      },
    });
  });

  it('takes your own model and a batch: every word after --images, csv by default', () => {
    const r = parseArgs([
      '--model',
      'my/model.json',
      '--images',
      'a.png',
      'b.jpg',
      '--pixel',
      '0,0',
      '--images=dir',
      '--all',
      '--out',
      'rows.csv',
    ]);
    expect(r).toMatchObject({
      ok: true,
      options: {
        model: 'my/model.json',
        images: ['a.png', 'b.jpg', 'dir'],
        sample: null,
        image: null,
        format: 'csv',
        out: 'rows.csv',
        all: true,
        pixels: [{ row0: 0, col0: 0, row1: 0, col1: 0 }],
      },
    });
    expect(parseArgs(['--images', 'd', '--all', '--format', 'jsonl'])).toMatchObject({
      ok: true,
      options: { format: 'jsonl' },
    });
  });

  it('defaults --fit to auto, and knows every fit mode', () => {
    expect(parseArgs(['--all'])).toMatchObject({ ok: true, options: { fit: 'auto' } });
    for (const fit of ['none', 'mnist', 'ink', 'contain', 'stretch'])
      expect(parseArgs(['--all', '--fit', fit])).toMatchObject({ ok: true, options: { fit } });
  });

  it.each([
    [['--pixel', '14'], /ROW,COL/],
    [['--pixel', '-1,2'], /ROW,COL/],
    [['--pixel', '1,2,3'], /ROW0,COL0,ROW1,COL1/],
    [['--pixel', '1,2', '--all'], /not both/],
    [['--sample', '1'], /--pixel ROW,COL or --all/],
    [['--sample', 'x', '--all'], /whole number/],
    [['--sample', '1', '--image', 'a.png', '--all'], /not several/],
    [['--image', 'a.png', '--images', 'b.png', '--all'], /not several/],
    [['--measure', 'max', '--all'], /signed, positive, l1/],
    [['--fit', 'cover', '--all'], /auto, none, mnist, ink, contain, stretch/],
    [
      ['--model', 'my.json', '--all'],
      /give your model a picture: --image FILE, --images DIR, or --sample N/,
    ],
    [['--images', 'd', '--all', '--json'], /--format jsonl instead of --json/],
    [['--all', '--format', 'csv'], /--format is for --images/],
    [['--images', 'd', '--all', '--format', 'xml'], /csv, jsonl/],
    [['--all', '--frobnicate'], /unknown option/],
    [['--all', '--class'], /needs a value/],
    [['--all', '--out', '--json'], /needs a value/],
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
