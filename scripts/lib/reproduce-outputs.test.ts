// The overwrite guard of `npm run reproduce`, on a temp copy of the repository's layout: no
// committed report, figure or importance cache is written without --update-shipped, whatever
// --out and --importance say; --compare-only prints unless told where to write.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareOnly } from '../reproduce';
import { parseArgs } from './reproduce-args';
import {
  COMPARISON_FILE,
  isShippedFile,
  planOutputs,
  reportName,
  writeOutput,
} from './reproduce-outputs';
import { REPO_ROOT } from './shipped';

const repo = mkdtempSync(join(tmpdir(), 'reproduce-guard-'));
const docs = join(repo, 'docs');
mkdirSync(join(docs, 'figures'), { recursive: true });
mkdirSync(join(repo, 'public', 'models', 'mnist'), { recursive: true });
for (const id of ['mnist', 'fashion', 'vgg-mnist', 'vgg-fashion'])
  cpSync(join(REPO_ROOT, 'docs', `reproduction-${id}.md`), join(docs, `reproduction-${id}.md`));
cpSync(join(REPO_ROOT, 'docs', COMPARISON_FILE), join(docs, COMPARISON_FILE));
writeFileSync(join(docs, 'figures', 'mnist-overlap.svg'), '<svg/>');
writeFileSync(join(repo, 'public', 'models', 'mnist', 'importance.json'), '{}');
const fresh: string[] = [];

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  for (const dir of fresh) rmSync(dir, { recursive: true, force: true });
});

const plan = (...argv: string[]) => planOutputs(parseArgs(argv), repo);

function stamps(): string[] {
  const files = [
    ...['mnist', 'fashion', 'vgg-mnist', 'vgg-fashion'].map((id) => `docs/reproduction-${id}.md`),
    `docs/${COMPARISON_FILE}`,
    'docs/figures/mnist-overlap.svg',
    'public/models/mnist/importance.json',
  ];
  return files.map(
    (f) => `${f} ${statSync(join(repo, f)).mtimeMs} ${readFileSync(join(repo, f), 'utf8').length}`,
  );
}

describe('where reproduce writes', () => {
  it('with neither --out nor --update-shipped: a fresh temp folder, no importance cache', () => {
    const p = plan('--model', 'mnist');
    fresh.push(p.dir);
    expect(p.fresh).toBe(true);
    expect(p.dir.startsWith(join(tmpdir(), 'pathway-lens-reproduction-mnist-'))).toBe(true);
    expect(p.report).toBe(join(p.dir, 'reproduction-mnist.md'));
    expect(p.comparison).toBe(join(p.dir, COMPARISON_FILE));
    expect(p.importance).toBeNull();
    const again = plan('--model', 'mnist');
    fresh.push(again.dir);
    expect(again.dir).not.toBe(p.dir);
  });

  it('--update-shipped: docs/ and public/models/<id>/importance.json', () => {
    const p = plan('--model', 'vgg-fashion', '--update-shipped');
    expect(p).toMatchObject({
      dir: docs,
      fresh: false,
      report: join(docs, 'reproduction-vgg-fashion.md'),
      comparison: join(docs, COMPARISON_FILE),
      importance: join(repo, 'public', 'models', 'vgg-fashion', 'importance.json'),
    });
    expect(
      plan('--model', 'mnist', '--update-shipped', '--importance', 'none').importance,
    ).toBeNull();
  });

  it('refuses every committed file without --update-shipped, before any work', () => {
    const before = stamps();
    expect(() => plan('--model', 'mnist', '--out', docs)).toThrow(
      /overwrite docs\/reproduction-mnist\.md, a committed file .*--update-shipped/,
    );
    expect(() =>
      plan(
        '--model',
        'mnist',
        '--out',
        join(repo, 'elsewhere'),
        '--importance',
        join(repo, 'public', 'models', 'mnist', 'importance.json'),
      ),
    ).toThrow(/public\/models\/mnist\/importance\.json/);
    // Your model may write its own report into docs/, but not under a shipped model's name.
    const own = join(repo, 'mnist', 'model.json');
    expect(() => plan('--model', own, '--data', 'd', '--out', docs)).toThrow(
      /reproduction-mnist\.md/,
    );
    expect(
      plan('--model', join(repo, 'my-cnn', 'model.json'), '--data', 'd', '--out', docs),
    ).toMatchObject({
      report: join(docs, 'reproduction-my-cnn.md'),
      comparison: null,
    });
    expect(() => writeOutput(join(docs, 'figures', 'mnist-overlap.svg'), 'x', false, repo)).toThrow(
      /without --update-shipped/,
    );
    expect(stamps()).toEqual(before);
    writeOutput(join(docs, 'figures', 'mnist-overlap.svg'), '<svg>new</svg>', true, repo);
    expect(readFileSync(join(docs, 'figures', 'mnist-overlap.svg'), 'utf8')).toBe('<svg>new</svg>');
  });

  it('knows the committed files from the others', () => {
    expect(isShippedFile(join(docs, 'reproduction-fashion.md'), repo)).toBe(true);
    expect(isShippedFile(join(docs, 'figures', 'vgg-mnist-pca.svg'), repo)).toBe(true);
    expect(isShippedFile(join(repo, 'public', 'models', 'x', 'importance.json'), repo)).toBe(true);
    expect(isShippedFile(join(docs, 'reproduction-my-cnn.md'), repo)).toBe(false);
    expect(isShippedFile(join(docs, 'figures', 'my-cnn-pca.svg'), repo)).toBe(false);
    expect(isShippedFile(join(tmpdir(), 'reproduction-mnist.md'), repo)).toBe(false);
  });

  it('names your model’s report after its folder', () => {
    expect(reportName('mnist')).toBe('mnist');
    expect(reportName('models/My CNN v2/model.json')).toBe('My-CNN-v2');
    expect(reportName('models/cats')).toBe('cats');
  });
});

describe('--compare-only', () => {
  it('prints the table from docs/ unless told where to write, and guards docs/ too', () => {
    const before = stamps();
    const printed = compareOnly(parseArgs(['--compare-only']), repo);
    expect(printed.path).toBeNull();
    expect(printed.markdown).toContain(
      '# The findings on the small CNN and on VGG-16, side by side',
    );
    expect(printed.markdown).not.toContain('not run');
    expect(() => compareOnly(parseArgs(['--compare-only', '--out', docs]), repo)).toThrow(
      /--update-shipped instead of --out/,
    );
    expect(stamps()).toEqual(before);
    const out = join(repo, 'tables');
    mkdirSync(out);
    cpSync(join(docs, 'reproduction-mnist.md'), join(out, 'reproduction-mnist.md'));
    const written = compareOnly(parseArgs(['--compare-only', '--out', out]), repo);
    expect(written.path).toBe(join(out, COMPARISON_FILE));
    // From that folder's reports: MNIST's is there, the other three show as not run.
    const table = readFileSync(written.path!, 'utf8');
    expect(table).toMatch(
      /\| 1 \| [^|]+ \| (holds|partly holds|does not hold) \| not run \| not run \| not run \|/,
    );
    const updated = compareOnly(parseArgs(['--compare-only', '--update-shipped']), repo);
    expect(updated.path).toBe(join(docs, COMPARISON_FILE));
    expect(readFileSync(updated.path!, 'utf8')).toBe(printed.markdown);
  });
});
