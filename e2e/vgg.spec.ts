// The paper's network in the app: the VGG-16 models from the header's picker, a pixel's Sankey
// through all 21 pathway layers (balanced at every box), the wide Sankey panning with its ends in
// sight, lecture stepping to the last layer, and the feature maps paged with "Find a map".
import { expect, test } from '@playwright/test';
import { balanceProblems, download, type ExportedSankey } from './fixtures/exported-sankey';
import { PathwayPage } from './pages/pathway-page';

/** The VGG-16 model's Sankey columns, pools merged into their conv (the default). */
const VGG_COLUMNS = [
  'input',
  'conv1_1',
  'conv1_2 + pool1',
  'conv2_1',
  'conv2_2 + pool2',
  'conv3_1',
  'conv3_2',
  'conv3_3 + pool3',
  'conv4_1',
  'conv4_2',
  'conv4_3 + pool4',
  'conv5_1',
  'conv5_2',
  'conv5_3 + pool5',
  'dense1',
  'dense2',
  'class',
].join(',');

test.use({ viewport: { width: 1400, height: 900 } });

/** Visible node labels and column headers: how many, how many under 11 px, how many pairs overlap (page px). */
async function labelOverlaps(app: PathwayPage) {
  return app.sankey.evaluate((svg) => {
    const boxes = [...svg.querySelectorAll<SVGTextElement>('text.pl-label, text.pl-header')]
      .filter((t) => t.getBBox().width > 0)
      .map((t) => ({
        box: t.getBoundingClientRect(),
        size: parseFloat(getComputedStyle(t).fontSize),
      }));
    const small = boxes.filter((b) => b.size < 11).length;
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box;
        const b = boxes[j]!.box;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) overlapping++;
      }
    return { small, overlapping, count: boxes.length };
  });
}

test('VGG-16 from the picker: a clicked pixel gets a balanced Sankey with every layer', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open();
  await app.waitForModel();
  await page.getByRole('radio', { name: 'VGG-16' }).check();
  await expect(page).toHaveURL(/model=vgg-mnist/);
  await expect(page.getByRole('radio', { name: 'MNIST', exact: true })).toBeChecked();
  await app.waitForModel();
  await expect(page.getByText(/239,394 parameters/)).toBeVisible();

  // Sample 350 (the default, a 7): pixel (16, 16) is on its stroke.
  await app.clickPixel(16, 16);
  await app.waitForLive([16 * 28 + 16]);
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  await expect(app.sankey).toHaveAttribute('data-columns', VGG_COLUMNS);
  expect(await app.maxImbalance()).toBeLessThan(1e-4);
  // Every pathway layer is drawn with at least one box.
  const flows = await app.nodeFlows();
  for (const column of ['conv1_1', 'conv3_3', 'conv5_3', 'dense2']) {
    expect(Object.keys(flows).some((id) => id.startsWith(`${column}:`))).toBe(true);
  }

  // The plot is wider than its frame and pans; the class stays in sight at the right edge.
  const scroller = page.getByTestId('sankey-scroll');
  const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [
    el.scrollWidth,
    el.clientWidth,
  ]);
  expect(scrollWidth).toBeGreaterThan(clientWidth!);
  await expect(page.getByTestId('sankey-end-end')).toBeVisible();
  await expect(page.getByTestId('sankey-end-start')).toHaveCount(0);
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect(page.getByTestId('sankey-end-start')).toBeVisible();
  await expect(page.getByTestId('sankey-end-end')).toHaveCount(0);
  // No two visible node labels overlap, and none is under 11 px.
  const overlaps = await labelOverlaps(app);
  expect(overlaps.count).toBeGreaterThan(20);
  expect(overlaps.small).toBe(0);
  expect(overlaps.overlapping).toBe(0);
  await page.screenshot({ path: 'test-results/e2e/vgg-sankey.png' });

  // A box deep in the middle pins like any other, and its map shows in the feature maps.
  const node = app.mapNode('conv4_2');
  await node.scrollIntoViewIfNeeded();
  await app.clickNode(node);
  await expect(app.sankey).toHaveAttribute('data-pinned', /^conv4_2:/);
  await expect(app.maps.getByText(/conv4_2 · map \d+/)).toBeVisible();
});

test('VGG-16: prune, export and the keyboard work as for the small model', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ model: 'vgg-mnist' });
  await app.waitForModel();
  await app.waitForLive();
  const read = async () =>
    JSON.parse((await download(app, 'JSON')).toString('utf8')) as ExportedSankey;
  // The exported JSON balances on its own at every box of all 17 columns.
  const topK = await read();
  expect(topK.columns).toHaveLength(17);
  expect(balanceProblems(topK, topK.relevance)).toEqual([]);
  // Threshold pruning hides small links, and the file still balances with them listed.
  await page.getByTestId('sankey-prune').getByRole('radio', { name: 'hide small links' }).check();
  await expect(page.getByTestId('sankey-prune-effect')).toContainText(/[1-9]\d* links? hidden/);
  const pruned = await read();
  expect(pruned.hiddenLinks.length).toBeGreaterThan(0);
  expect(balanceProblems(pruned, topK.relevance)).toEqual([]);
  // SVG export: the whole diagram, wider than the panel shows.
  const svg = (await download(app, 'SVG')).toString('utf8');
  const width = Number(/<svg[^>]*width="([\d.]+)"/.exec(svg)?.[1]);
  const frame = (await page.getByTestId('sankey-scroll').boundingBox())!;
  expect(width).toBeGreaterThan(frame.width);
  // Keyboard: the boxes are reachable and the arrow keys walk the columns; Enter pins.
  const first = app.sankey.locator('[data-node-id][tabindex="0"]');
  await first.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-node-id'));
  expect(focused).toMatch(/^conv5_\d:|^conv4_\d:/);
  await page.keyboard.press('Enter');
  await expect(app.sankey).toHaveAttribute('data-pinned', focused!);
  // The focused box was scrolled into view inside the panning frame.
  const box = (await app.sankey.locator(`[data-node-id="${focused}"] .pl-node-box`).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
  expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
});

test('VGG-16: the feature maps page through 64 maps and find a map by number', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ model: 'vgg-mnist' });
  await app.waitForModel();
  await app.waitForLive();
  const pager = page.getByTestId('strip-page-conv5_1');
  await pager.scrollIntoViewIfNeeded();
  await expect(pager).toHaveText('maps 1–32 of 64');
  await expect(app.thumbnail('conv5_1', 40)).toHaveCount(0);
  await page.getByRole('button', { name: 'Next 32 maps of conv5_1' }).click();
  await expect(pager).toHaveText('maps 33–64 of 64');
  await expect(app.thumbnail('conv5_1', 40)).toBeVisible();

  const find = page.getByRole('form', { name: 'Find a map' });
  await find.getByLabel('Layer').selectOption({ label: 'conv4_3 (64)' });
  await find.getByLabel('map number').fill('70');
  await find.getByRole('button', { name: 'Show' }).click();
  await expect(find.getByRole('alert')).toHaveText('conv4_3 has maps 0 to 63.');
  await find.getByLabel('map number').fill('50');
  await find.getByRole('button', { name: 'Show' }).click();
  await expect(app.maps.getByText('conv4_3 · map 50')).toBeVisible();
  await expect(page.getByTestId('strip-page-conv4_3')).toHaveText('maps 33–64 of 64');
  await expect(app.thumbnail('conv4_3', 50)).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/map=/);
});

test.describe('VGG-16 in a lecture at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('stepping reaches the last layer, scrolling it into view', async ({ page }) => {
    const app = new PathwayPage(page);
    await app.open({ model: 'vgg-mnist', mode: 'lecture' });
    await app.waitForModel();
    await app.waitForLive();
    await page.keyboard.press('Home');
    await expect(app.panel).toHaveAttribute('data-step', '1');
    const scroller = page.getByTestId('sankey-scroll');
    for (let step = 2; step <= 16; step++) {
      await page.keyboard.press('ArrowRight');
      await expect(app.panel).toHaveAttribute('data-step', String(step));
    }
    // The newest revealed column is in view: the plot has scrolled towards the class.
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200);
    await page.keyboard.press('ArrowRight');
    await expect(app.panel).toHaveAttribute('data-step', 'all');
    const classBox = app.sankey.locator('[data-node-id^="class:"] .pl-node-box').first();
    await expect
      .poll(async () => {
        const box = await classBox.boundingBox();
        const frame = await scroller.boundingBox();
        return box && frame ? box.x + box.width <= frame.x + frame.width + 1 : false;
      })
      .toBe(true);
    // Lecture type (16 px bold): still no overlapping label, none under 11 px.
    const overlaps = await labelOverlaps(app);
    expect(overlaps.count).toBeGreaterThan(20);
    expect(overlaps.small).toBe(0);
    expect(overlaps.overlapping).toBe(0);
    await page.screenshot({ path: 'test-results/e2e/vgg-lecture.png' });
  });
});

test('VGG-16 in the Analyses area: cached importance, a cancellable long run, an attack', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const app = new PathwayPage(page);
  await app.open({ model: 'vgg-mnist', an: 'importance' });
  await app.waitForModel();
  await expect(page.getByTestId('importance-source')).toHaveAttribute('data-origin', 'cache');
  // One card per ablated layer: 13 convs, 5 pools, 2 hidden dense layers.
  await expect(page.locator('.an-card')).toHaveCount(20);

  await page
    .getByTestId('analyses')
    .getByRole('tab', { name: /^Consistency/ })
    .click();
  const status = page.getByTestId('run-sampleSet');
  await page.getByTestId('per-class').selectOption('50');
  await page.getByTestId('sample-set-run').click();
  await expect(status).toHaveAttribute('data-status', 'running');
  await expect(status.locator('progress')).toBeVisible();
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');
  await page.getByTestId('per-class').selectOption('10');
  await page.getByTestId('sample-set-run').click();
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  // A row per pathway layer: 13 convs, 5 pools, 2 hidden dense layers and the logits.
  await expect(page.getByTestId('consistency-table').locator('tbody tr')).toHaveCount(21);

  await page
    .getByTestId('analyses')
    .getByRole('tab', { name: /^Adversarial/ })
    .click();
  await expect(page.getByTestId('run-attack')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('attack-attacked')).toBeVisible();
  await page.getByTestId('analyses').scrollIntoViewIfNeeded();
  await page.getByTestId('analyses').screenshot({ path: 'test-results/e2e/vgg-analyses.png' });
});
