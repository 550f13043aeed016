// New input for the visualizer: a digit drawn with the mouse, a PNG uploaded through the dialog,
// and a selection made with the keyboard alone. Each must end in a prediction and a live Sankey.
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { GRID, MNIST_COLUMNS, PathwayPage } from './pages/pathway-page';

const DIGIT_PNG = fileURLToPath(new URL('./fixtures/digit-3.png', import.meta.url));

test('a digit drawn with the brush is predicted and traced, and travels in the link', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  await app.tool('Clear');
  await expect(app.inputCaption).toHaveText('Your drawing');
  // A blank canvas: nothing has pathways, and the views say so.
  await expect(page.getByRole('region', { name: 'Input image' })).toContainText(
    'is 0 (background)',
  );
  await app.tool('Brush');
  // A "7": the bar, then the stem.
  await app.drawStrokes([
    [
      [7, 7],
      [7, 20],
    ],
    [
      [7, 20],
      [15, 16],
      [23, 12],
    ],
  ]);
  await app.tool('Select');
  // The selection moved onto the new ink by itself, and the Sankey traces it.
  await app.waitForLive();
  await expect(app.sankey).toHaveAttribute('data-columns', MNIST_COLUMNS);
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  expect(await app.maxImbalance()).toBeLessThan(1e-5);
  await expect(app.prediction).toBeVisible();
  const predicted = await app.prediction.getAttribute('data-class-index');
  expect(Number(predicted)).toBeGreaterThanOrEqual(0);
  await expect(page).toHaveURL(/img=/);
  await expect(page).not.toHaveURL(/sample=/);
  await page.screenshot({ path: 'test-results/e2e/view-drawn.png' });

  // The link reproduces the drawing, its prediction and the same Sankey in a fresh page.
  const link = page.url();
  const flows = await app.nodeFlows();
  const pixels = await app.selectedPixels();
  const fresh = new PathwayPage(await page.context().newPage());
  await fresh.page.goto(link);
  await fresh.waitForModel();
  await fresh.waitForLive(pixels);
  await expect(fresh.inputCaption).toHaveText('Your drawing');
  await expect(fresh.prediction).toHaveAttribute('data-class-index', predicted ?? '');
  expect(await fresh.nodeFlows()).toEqual(flows);
});

test('an uploaded PNG goes through the dialog and is predicted and traced', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  const chooser = page.waitForEvent('filechooser');
  await app.tool('Upload…');
  await (await chooser).setFiles(DIGIT_PNG);
  const dialog = page.getByRole('dialog', { name: 'Use a picture as input' });
  await expect(dialog).toBeVisible();
  // Dark ink on light paper: the dialog suggests inverting, and has already ticked it.
  await expect(dialog.getByRole('checkbox', { name: /Invert/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Use this input' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.inputCaption).toHaveText('Uploaded: digit-3.png');
  await expect(app.prediction).toHaveAttribute('data-class-index', '3');
  await app.waitForLive();
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  await expect(app.sankey).toHaveAttribute('data-class', '3');
  expect(await app.maxImbalance()).toBeLessThan(1e-5);
});

test('keyboard only: Tab to the image, arrows and Enter select a pixel and a region', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350', px: '15,17' });
  await app.waitForModel();
  await app.waitForLive([15 * GRID + 17]);
  await page.locator('body').click({ position: { x: 2, y: 400 } });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await app.canvas.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(app.canvas).toBeFocused();
  // The keyboard cursor starts on the current selection: two rows down is still on the stroke.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await app.waitForLive([17 * GRID + 17]);
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  await expect(page).toHaveURL(/px=17%2C17/);
  // Shift+arrows grow the selection into a rectangle.
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Enter');
  const region = [17 * GRID + 16, 17 * GRID + 17, 18 * GRID + 16, 18 * GRID + 17];
  await app.waitForLive(region);
  await expect(page).toHaveURL(/px=17%2C16%2C18%2C17/);
  expect(await app.maxImbalance()).toBeLessThan(1e-5);
});

test('dragging selects a rectangle, also when it starts right after a click', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForLive();
  // A click, then at once a slow drag: the click's outline must not end the drag's
  // (useInputInteractions.ts keeps a released drag's outline for a while).
  await app.clickPixel(8, 12);
  const from = await app.cellPoint(10, 10);
  const to = await app.cellPoint(12, 13);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
    await page.waitForTimeout(50);
  }
  await page.mouse.up();
  const rectangle: number[] = [];
  for (let row = 10; row <= 12; row++) {
    for (let col = 10; col <= 13; col++) rectangle.push(row * GRID + col);
  }
  await app.waitForLive(rectangle);
  await expect(page).toHaveURL(/px=10%2C10%2C12%2C13/);
  await expect(app.sankey).toHaveAttribute('data-columns', MNIST_COLUMNS);
});

test('a held press outlines its pixel as pending, and not before its answer could come', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForLive();
  const overlay = page
    .getByRole('application', { name: /^Input image/ })
    .locator('svg.pl-input-overlay');
  // When the dashed outline is first drawn, from the press (use-press-reveal.ts): the press
  // changes nothing on the page for a frame, so that its answer is not held behind that frame.
  await page.evaluate(() => {
    const w = window as { __pressAt?: number; __pendingAt?: number[] };
    w.__pendingAt = [];
    addEventListener('pointerdown', (e) => (w.__pressAt = e.timeStamp), true);
    const svg = document.querySelector('[role=application] svg.pl-input-overlay')!;
    new MutationObserver(() => {
      if (svg.querySelector('.pl-pending')) w.__pendingAt!.push(performance.now());
    }).observe(svg, { childList: true, subtree: true });
  });
  const at = await app.cellPoint(9, 14);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  // Held: the pending outline is on, the old selection's Sankey still shown.
  await expect(overlay.locator('.pl-pending')).toHaveCount(1);
  const [pressAt, firstPending] = await page.evaluate(() => {
    const w = window as { __pressAt?: number; __pendingAt?: number[] };
    return [w.__pressAt ?? NaN, w.__pendingAt?.[0] ?? NaN];
  });
  expect(firstPending - pressAt).toBeGreaterThanOrEqual(15);
  await page.mouse.up();
  await app.waitForLive([9 * GRID + 14]);
  await expect(overlay.locator('.pl-pending')).toHaveCount(0);
  await expect(overlay.locator('.pl-sel')).toHaveCount(1);
});
