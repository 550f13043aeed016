// The visualizer on the default example: a pixel already selected on first load, clicking other
// pixels (and the background), changing the class, and pin/hover linked between the Sankey and
// the feature maps. Runs against the production build on the automatic backend (WASM here).
import { expect, test } from '@playwright/test';
import { watchOutlineAndView } from './fixtures/watch-outline';
import { GRID, MNIST_COLUMNS, PathwayPage } from './pages/pathway-page';

test('first load shows the default sample with a pixel on the stroke already traced', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open();
  await app.waitForModel();
  await app.waitForLive();
  await expect(app.inputCaption).toHaveText('Sample 350 · label 7');
  const [pixel] = await app.selectedPixels();
  expect(pixel).toBeDefined();
  await expect(app.sankey).toHaveAttribute('data-columns', MNIST_COLUMNS);
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  expect(await app.maxImbalance()).toBeLessThan(1e-5);
  // The link already names the view.
  const row = Math.floor((pixel ?? 0) / GRID);
  await expect(page).toHaveURL(new RegExp(`px=${row}%2C${(pixel ?? 0) % GRID}`));
  await expect(app.maps.getByRole('heading', { name: 'Feature maps' })).toBeVisible();
  await expect(app.classes.getByRole('button', { name: /^Class 7: .*predicted/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.screenshot({ path: 'test-results/e2e/view-default.png' });
});

test('clicking pixels redraws balanced flows; the background is explained', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  for (const [row, col] of [
    [20, 14],
    [8, 12],
  ] as const) {
    await app.clickPixel(row, col);
    await app.waitForLive([row * GRID + col]);
    await expect(app.sankey).toHaveAttribute('data-columns', MNIST_COLUMNS);
    await expect(app.sankey).toHaveAttribute('data-empty', 'false');
    expect(await app.maxImbalance()).toBeLessThan(1e-5);
  }
  // A background pixel has no pathway, and every view says why instead of staying blank.
  await app.clickPixel(2, 2);
  await app.waitForLive([2 * GRID + 2]);
  await expect(app.sankey).toHaveAttribute('data-empty', 'true');
  await expect(app.panel).toContainText('This pixel is 0 (background), so it sends no signal');
  await expect(page.getByRole('region', { name: 'Input image' })).toContainText(
    'This pixel is 0 (background)',
  );
  await expect(app.maps).toContainText('nothing diffuses from it');
  await expect(page.getByRole('region', { name: 'Classes' })).toContainText(
    'contributes exactly 0 to every class',
  );
});

test('the largest pathways follow each click: the new pixel’s chains, and a hovered row is traced', async ({
  page,
}) => {
  // The chains come in a request of their own after the Sankey (src/app/session/pathway-chains.ts).
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  const table = page.getByRole('region', { name: 'Largest pathways' });
  const settledRows = async (pixels: number[]) => {
    await app.waitForLive(pixels);
    await expect(table).toBeVisible();
    await expect(table).not.toHaveAttribute('data-stale');
    return table.getByRole('row').allInnerTexts();
  };
  await app.clickPixel(20, 14);
  const first = await settledRows([20 * GRID + 14]);
  await app.clickPixel(8, 12);
  const second = await settledRows([8 * GRID + 12]);
  expect(second.length).toBeGreaterThan(2);
  expect(second.slice(1)).not.toEqual(first.slice(1));
  // The same pixel opened from a link, without the clicks before it: the same rows.
  const fresh = new PathwayPage(await page.context().newPage());
  await fresh.open({ sample: '350', px: '8,12' });
  const freshTable = fresh.page.getByRole('region', { name: 'Largest pathways' });
  await fresh.waitForLive([8 * GRID + 12]);
  await expect(freshTable).not.toHaveAttribute('data-stale');
  expect(await freshTable.getByRole('row').allInnerTexts()).toEqual(second);
  await fresh.page.close();
  // Hovering a row draws its chain over the diagram, one band per gap.
  const trace = page.getByTestId('sankey-trace');
  await expect(trace.locator('[data-trace-link-id]')).toHaveCount(0);
  await table.getByRole('row').nth(1).hover();
  await expect(trace.locator('[data-trace-link-id]')).toHaveCount(
    MNIST_COLUMNS.split(',').length - 1,
  );
});

/** Records, from now on, when the input's selection outline and the Sankey's pixels change. */
const watchOutlineAndSankey = (app: PathwayPage) =>
  watchOutlineAndView(app.page, {
    overlay: '.pl-input-overlay',
    view: '[data-testid=pathway-panel]',
    viewChanges: { attributeFilter: ['data-pixels'] },
  });

test('a click’s outline and its Sankey are drawn together; a slow answer does not hold the outline', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350', px: '20,14' });
  await app.waitForLive([20 * GRID + 14]);
  // One commit: the outline moves in the same task as the Sankey's pixels change. A click whose
  // answer takes longer than the outline waits (the first ones after loading, a busy machine)
  // gets its outline first, so one of a few clicks is enough.
  const gaps: number[] = [];
  for (const [row, col] of [
    [8, 12],
    [12, 13],
    [16, 12],
    [9, 15],
    [18, 13],
  ] as const) {
    const changes = await watchOutlineAndSankey(app);
    await app.clickPixel(row, col);
    await app.waitForLive([row * GRID + col]);
    const seen = await changes();
    gaps.push(Math.abs(seen.outline - seen.view));
  }
  expect(Math.min(...gaps)).toBeLessThan(1);
  // The plain-JS CPU backend needs far longer than the outline waits (pending-selection.ts).
  await app.open({ sample: '350', px: '20,14', backend: 'cpu' });
  await app.waitForLive([20 * GRID + 14]);
  const changes = await watchOutlineAndSankey(app);
  await app.clickPixel(8, 12);
  await app.waitForLive([8 * GRID + 12]);
  const slow = await changes();
  expect(slow.view - slow.outline).toBeGreaterThan(20);
});

test('a pixel is asked for while the button is down; a press that becomes a drag selects the rectangle', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350', px: '20,14' });
  await app.waitForLive([20 * GRID + 14]);
  await page.evaluate(() => {
    const w = window as unknown as { __up: number };
    window.addEventListener('pointerup', (e) => (w.__up = e.timeStamp), true);
  });
  // A person's click: the button held for a moment. The query leaves before the release.
  const { x, y } = await app.cellPoint(8, 12);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(300);
  await page.mouse.up();
  await app.waitForLive([8 * GRID + 12]);
  const { sentBeforeUp } = await page.evaluate(() => {
    const mark = performance
      .getEntriesByName('pathway-lens:query-answered')
      .at(-1) as PerformanceMark;
    const sent = (mark.detail as { timing: { sent: number } }).timing.sent - performance.timeOrigin;
    return { sentBeforeUp: (window as unknown as { __up: number }).__up - sent };
  });
  expect(sentBeforeUp).toBeGreaterThan(200);
  // Its answer came during the press and was laid out then (use-sankey-drawing.ts): the drawing
  // is the one a fresh page draws for that pixel, box for box.
  const boxes = () =>
    app.sankey
      .locator('[data-node-id]')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-node-id')}@${e.getAttribute('transform')}`),
      );
  const held = await boxes();
  // A press that moves on is a drag: the rectangle is asked for at the release, and shown.
  const from = await app.cellPoint(12, 13);
  const to = await app.cellPoint(13, 15);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.waitForTimeout(200);
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  const rectangle = [12, 13].flatMap((r) => [13, 14, 15].map((c) => r * GRID + c));
  await app.waitForLive(rectangle);
  await expect(page).toHaveURL(/px=12%2C13%2C13%2C15/);
  await app.open({ sample: '350', px: '8,12' });
  await app.waitForLive([8 * GRID + 12]);
  expect(await boxes()).toEqual(held);
});

test('the class follows the class panel and the Sankey selector, and the link', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  await expect(app.sankey).toHaveAttribute('data-class', '7');
  await app.classes.getByRole('button', { name: /^Class 3:/ }).click();
  await expect(app.sankey).toHaveAttribute('data-class', '3');
  await app.waitForLive();
  await expect(page.getByTestId('sankey-class')).toHaveValue('3');
  await expect(page).toHaveURL(/class=3/);
  expect(await app.maxImbalance()).toBeLessThan(1e-5);
  await page.getByTestId('sankey-class').selectOption('auto');
  await expect(app.sankey).toHaveAttribute('data-class', '7');
  await expect(page).not.toHaveURL(/class=/);
});

test('pinning a Sankey node pins its feature map, and the other way round', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  const node = app.mapNode('conv2_1');
  const id = (await node.getAttribute('data-node-id')) ?? '';
  const channel = Number(id.split(':')[1]);
  await app.clickNode(node);
  await expect(app.sankey).toHaveAttribute('data-pinned', id);
  await expect(app.thumbnail('conv2_1', channel)).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(new RegExp(`map=conv2_1%3A${channel}`));
  await expect(page).toHaveURL(new RegExp(`pin=conv2_1%3A${channel}`));
  await expect(app.maps.getByRole('figure').first()).toContainText(`conv2_1 · map ${channel}`);
  await page.screenshot({ path: 'test-results/e2e/view-pinned.png', fullPage: true });

  // Hovering a map thumbnail highlights its node in the Sankey (the trace layer is drawn).
  await page.keyboard.press('Escape');
  await expect(app.sankey).toHaveAttribute('data-pinned', '');
  await app.thumbnail('conv1_1', 0).hover();
  await expect(
    page.getByTestId('sankey-trace').locator('[data-trace-link-id]').first(),
  ).toBeAttached();

  // Pinning a map pins the node that draws it.
  await app.thumbnail('conv1_1', 2).click();
  await expect(app.sankey).toHaveAttribute('data-pinned', /^conv1_1:(2|other)$/);
  await expect(page).toHaveURL(/map=conv1_1%3A2/);
});

test('narrow screens stack the views in reading order', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  const input = await page.getByRole('complementary', { name: 'Input' }).boundingBox();
  const centre = await app.pathwayView.boundingBox();
  const classes = await page.getByRole('complementary', { name: 'Classes' }).boundingBox();
  expect(input && centre && classes).toBeTruthy();
  expect(centre!.y).toBeGreaterThan(input!.y);
  expect(classes!.y).toBeGreaterThan(centre!.y);
  // Nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
  await page.screenshot({ path: 'test-results/e2e/view-narrow.png', fullPage: true });
});
