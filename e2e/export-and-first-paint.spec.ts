// Exports are real files that match the figure (SVG that parses, PNG at 2×, JSON that balances),
// and the first paint shows the shipped precomputed example before the model has loaded.
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { balanceProblems, download, type ExportedSankey } from './fixtures/exported-sankey';
import { flowsClose, GRID, MNIST_COLUMNS, PathwayPage } from './pages/pathway-page';

test('SVG, PNG and JSON exports are valid and describe the drawn Sankey', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  const drawnNodes = Number(await app.sankey.getAttribute('data-node-count'));

  const svg = (await download(app, 'SVG')).toString('utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      name: root.nodeName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      scripts: doc.getElementsByTagName('script').length,
      paths: doc.getElementsByTagName('path').length,
    };
  }, svg);
  expect(parsed).toMatchObject({ error: false, name: 'svg', scripts: 0 });
  expect(parsed.paths).toBeGreaterThan(10);

  const png = await download(app, 'PNG');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const image = PNG.sync.read(png);
  expect(image.width).toBe(Math.round(parsed.width * 2));
  expect(image.height).toBe(Math.round(parsed.height * 2));

  const json = JSON.parse((await download(app, 'JSON')).toString('utf8')) as {
    format: string;
    nodes: unknown[];
    columns: Array<{ label: string }>;
    classIndex: number;
    balance: { maxImbalance: number };
  };
  expect(json.format).toBe('pathway-lens/sankey@1');
  expect(json.nodes).toHaveLength(drawnNodes);
  expect(json.columns.map((c) => c.label).join(',')).toBe(MNIST_COLUMNS);
  expect(json.classIndex).toBe(7);
  expect(json.balance.maxImbalance).toBeLessThan(1e-5);
});

/** The parts of the JSON export (src/layout/export-data.ts) that the balance check reads. */

/** The class panel's "contribution of the selection" to a class, and its last digit's size. */
async function shownContribution(app: PathwayPage, classIndex: number) {
  const label =
    (await app.classes
      .getByRole('button', { name: new RegExp(`^Class ${classIndex}:`) })
      .getAttribute('aria-label')) ?? '';
  const text = /contribution ([+−-]?\d+(?:\.(\d+))?)/.exec(label);
  expect(text, label).not.toBeNull();
  return {
    value: Number(text![1]!.replace('−', '-')),
    step: 10 ** -(text![2]?.length ?? 0),
  };
}

test('the exported JSON balances on its own, at every node and layer, to R_c(p)', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  const [row, col] = [20, 14];
  await app.clickPixel(row, col);
  await app.waitForLive([row * GRID + col]);
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  // R_c(p) of the selection as the class panel computes it (one backward pass over the image,
  // not the pathway engine), to the digits it shows.
  const shown = await shownContribution(app, 7);

  const read = async () =>
    JSON.parse((await download(app, 'JSON')).toString('utf8')) as ExportedSankey;
  const topK = await read();
  expect(topK.pixels).toEqual([row * GRID + col]);
  expect(topK.classIndex).toBe(7);
  expect(Math.abs(topK.relevance - shown.value)).toBeLessThanOrEqual(shown.step / 2 + 1e-6);
  // What is drawn is what is exported: the same nodes with the same flows.
  const drawn = await app.nodeFlows();
  expect(Object.fromEntries(topK.nodes.map((n) => [n.id, n.flow]))).toEqual(drawn);
  expect(topK.links).toHaveLength(Number(await app.sankey.getAttribute('data-link-count')));
  // Top-K: the rest of each layer is in "other" nodes, nothing is hidden.
  expect(topK.nodes.some((n) => n.kind === 'other')).toBe(true);
  expect(topK.hiddenLinks).toEqual([]);
  expect(balanceProblems(topK, topK.relevance)).toEqual([]);

  // Threshold pruning: small links leave the drawing and are listed as hiddenLinks instead.
  await page.getByTestId('sankey-prune').getByRole('radio', { name: 'hide small links' }).check();
  await expect(page.getByTestId('sankey-prune-effect')).toContainText(/[1-9]\d* links? hidden/);
  const threshold = await read();
  expect(threshold.hiddenLinks.length).toBeGreaterThan(0);
  expect(threshold.relevance).toBe(topK.relevance);
  expect(balanceProblems(threshold, topK.relevance)).toEqual([]);
});

test('the first paint shows the precomputed example, then the live model replaces it', async ({
  page,
}) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  // Hold the model back: everything else (page, samples, precomputed file) loads normally.
  await page.route('**/models/mnist/model.json', async (route) => {
    await released;
    await route.continue();
  });
  const app = new PathwayPage(page);
  await app.open();
  await expect(app.panel).toHaveAttribute('data-origin', 'precomputed');
  await expect(page.getByTestId('pathway-origin')).toHaveText('precomputed — live model loading…');
  await expect(page.getByTestId('class-origin')).toBeVisible();
  await expect(app.modelStatus).not.toHaveAttribute('data-status', 'ready');
  await expect(app.sankey).toHaveAttribute('data-columns', MNIST_COLUMNS);
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  expect(await app.maxImbalance()).toBeLessThan(1e-5);
  const precomputed = await app.nodeFlows();

  release();
  await app.waitForModel();
  await app.waitForLive();
  await expect(page.getByTestId('pathway-origin')).toHaveCount(0);
  await expect(page.getByTestId('class-origin')).toHaveCount(0);
  // Same view, same numbers (to the file's 6 significant digits).
  expect(flowsClose(precomputed, await app.nodeFlows())).toEqual([]);
});

test("the page is first painted with the example's Sankey, never as an empty frame before it", async ({
  page,
}) => {
  // The live model held back, so the only Sankey at startup is the precomputed one.
  await page.route('**/models/mnist/model.json', () => undefined);
  // Every frame from the start: was the app on the page, and its Sankey with it? (The first render
  // waits for the preloaded example: src/app/session/view-data.ts.)
  await page.addInitScript(() => {
    const frames: Array<{ app: boolean; sankey: boolean }> = [];
    (window as { __frames?: typeof frames }).__frames = frames;
    const tick = () => {
      const app = document.querySelector('.app') !== null;
      const sankey =
        document.querySelector(
          '[data-testid=pathway-panel][data-origin=precomputed] [data-testid=sankey][data-empty=false]',
        ) !== null;
      frames.push({ app, sankey });
      if (!sankey) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const app = new PathwayPage(page);
  await app.open();
  await expect(app.panel).toHaveAttribute('data-origin', 'precomputed');
  const frames = await page.evaluate(
    () => (window as { __frames?: Array<{ app: boolean; sankey: boolean }> }).__frames ?? [],
  );
  expect(frames.at(-1)).toEqual({ app: true, sankey: true });
  expect(frames.filter((f) => f.app && !f.sankey)).toEqual([]);
});
