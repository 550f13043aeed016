// A phone (390×844, touch): the prediction on the first screen with the image, the Sankey in its
// own box that pans with a finger and says so, nothing wider than the screen, taps select pixels
// and pin boxes, the header's details behind "More".
import { expect, test, type Page } from '@playwright/test';
import { GRID, PathwayPage } from './pages/pathway-page';

const SCREEN = { width: 390, height: 844 };

test.use({ viewport: SCREEN, hasTouch: true, isMobile: true });

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth);
}

function onFirstScreen(box: { x: number; y: number; width: number; height: number } | null) {
  return (
    box !== null &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= SCREEN.width &&
    box.y + box.height <= SCREEN.height
  );
}

test('the prediction is on the first screen, with the image', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '7' });
  await app.waitForModel();
  await app.waitForLive();
  const predicted = await app.predictedClassFor(7);
  const line = page.getByTestId('prediction-line');
  await expect(line).toBeVisible();
  await expect(line).toHaveText(new RegExp(`^Prediction ${predicted} \\d`));
  await expect(line).toContainText('matches the label');
  expect(onFirstScreen(await app.canvas.boundingBox())).toBe(true);
  expect(onFirstScreen(await line.boundingBox())).toBe(true);
  // The header's details wait behind one button.
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await page.getByRole('button', { name: 'More' }).tap();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create lesson link' })).toBeVisible();
  await page.getByRole('button', { name: 'More' }).tap();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await page.screenshot({ path: 'test-results/e2e/phone.png' });
});

test('the Sankey pans with a finger and says so; nothing overflows the page', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '7' });
  await app.waitForModel();
  await app.waitForLive();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  const scroller = page.getByTestId('sankey-scroll');
  await scroller.scrollIntoViewIfNeeded();
  await expect(page.getByText(/swipe it sideways to see every layer/)).toBeVisible();
  const widths = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(widths[0]!).toBeGreaterThan(widths[1]!);
  // The class column starts off screen; a swipe brings it in.
  const classBox = page.getByTestId('sankey').locator('[data-node-id^="class:"] .pl-node-box');
  expect((await classBox.boundingBox())!.x).toBeGreaterThan(SCREEN.width);
  const box = (await scroller.boundingBox())!;
  // A finger drags from right to left across the plot (touch events, as a phone sends them).
  const client = await page.context().newCDPSession(page);
  const y = Math.round(box.y + Math.min(box.height / 2, 200));
  const x = Math.round(box.x + box.width * 0.9);
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 12; i++) {
    const point = { x: x - i * 25, y };
    await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  const after = (await classBox.boundingBox())!;
  expect(after.x + after.width).toBeLessThanOrEqual(SCREEN.width);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // Captions, legend and controls stay inside the screen (only the plot pans).
  const outside = await page.evaluate((w) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      '.pl-legend, .pl-pan-hint, .pl-sankey-controls, .pl-input-caption, figcaption, .pl-pathway-panel',
    )) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.left < 0 || r.right > w + 0.5))
        out.push(`${el.className}: ${r.left}–${r.right}`);
    }
    return out;
  }, SCREEN.width);
  expect(outside).toEqual([]);
  await page.getByTestId('sankey-legend').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/phone-sankey.png' });
});

test('taps select pixels and pin nodes', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '7' });
  await app.waitForModel();
  await app.waitForLive();
  const [first = 0] = await app.selectedPixels();
  const next = first + 1;
  const { x, y } = await app.cellPoint(Math.floor(next / GRID), next % GRID);
  await page.touchscreen.tap(x, y);
  await app.waitForLive([next]);
  const node = app.mapNode('conv1_1');
  await node.locator('.pl-node-box').tap();
  await expect(app.sankey).toHaveAttribute('data-pinned', /^conv1_1:/);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});
