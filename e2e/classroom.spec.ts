// Classroom and sharing: lecture mode keys, lesson links, embed mode, phone touch, axe in each.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { GRID, PathwayPage } from './pages/pathway-page';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth);
}

test('lecture mode steps the pathway with clicker keys and passes axe', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '7', mode: 'lecture' });
  await app.waitForModel();
  await app.waitForLive();
  await expect(page.getByTestId('lecture-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.gallery).toBeHidden();
  await expect(page.getByTestId('analyses')).toBeHidden();
  await expect(page.getByTestId('sankey-prune')).toBeHidden();
  await expect(app.panel).toHaveAttribute('data-step', 'all');

  const steps: Array<[string, string]> = [
    ['ArrowLeft', '6'],
    ['PageUp', '5'],
    ['ArrowLeft', '4'],
    ['ArrowRight', '5'],
    ['PageDown', '6'],
    ['Space', 'all'],
    ['PageDown', 'all'],
  ];
  for (const [key, step] of steps) {
    await page.keyboard.press(key);
    await expect(app.panel, `after ${key}`).toHaveAttribute('data-step', step);
  }
  // Keys typed into a field do not step.
  await page.getByTestId('lesson-open').click();
  await page.getByLabel('Pixel (row,col)').press('ArrowLeft');
  await expect(app.panel).toHaveAttribute('data-step', 'all');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lesson-dialog')).toBeHidden();

  await page.keyboard.press('ArrowLeft');
  await expect(app.panel).toHaveAttribute('data-step', '6');
  await expect(page).toHaveURL(/step=6/);
  expect(await seriousViolations(page)).toEqual([]);
  // Laser pointer: hover a box, its pathways glow.
  await app.mapNode('conv2_1').locator('.pl-node-box').hover();
  await expect(page.getByTestId('sankey-trace').locator('path').first()).toBeAttached();
  await page.screenshot({ path: 'test-results/e2e/lecture.png' });

  // The header button leaves lecture mode.
  await page.getByTestId('lecture-toggle').click();
  await expect(app.gallery).toBeVisible();
  await expect(page).not.toHaveURL(/mode=lecture/);
});

test('a lesson link opens the chosen view with its controls hidden', async ({ page, browser }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '7' });
  await app.waitForModel();
  await app.waitForLive();
  await page.getByTestId('lesson-open').click();
  const dialog = page.getByTestId('lesson-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Sample number')).toHaveValue('7');
  await dialog.getByLabel('Lecture mode').check();
  await dialog.getByLabel('Sample gallery').check();
  await dialog.getByLabel('Analyses').check();
  await dialog.getByLabel('Prune, layout and export options').check();
  await dialog.getByLabel('Pixel (row,col)').fill('14,15');
  await dialog.getByRole('combobox').selectOption('3');
  const link = await page.getByTestId('lesson-link').inputValue();
  expect(link).toContain('hide=gallery%2Coptions%2Canalyses');
  const iframe = await page.getByTestId('lesson-iframe').inputValue();
  expect(iframe).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?[^"<>]*&amp;embed=1" width="600" height="400" title="Pathway Lens" loading="lazy"><\/iframe>$/,
  );
  expect(iframe).not.toContain('mode=lecture');
  expect(await seriousViolations(page)).toEqual([]);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  const lesson = new PathwayPage(fresh);
  await lesson.waitForModel();
  await lesson.waitForLive([14 * GRID + 15]);
  await expect(lesson.inputCaption).toHaveText(/^Sample 7 · label/);
  await expect(lesson.sankey).toHaveAttribute('data-class', '3');
  await expect(lesson.gallery).toBeHidden();
  await expect(fresh.getByTestId('analyses')).toBeHidden();
  await expect(fresh.getByTestId('sankey-prune')).toBeHidden();
  await expect(fresh.getByTestId('lecture-toggle')).toHaveAttribute('aria-pressed', 'true');
  // Every value of the link was accepted: no notice.
  await expect(fresh.getByTestId('notices')).toHaveCount(0);
});

test('embed mode is usable at 600×400', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 400 });
  const app = new PathwayPage(page);
  await app.open({ sample: '7', embed: '1' });
  // No model status in the embedded header: a live answer means the model is ready.
  await app.waitForLive();
  await expect(app.gallery).toBeHidden();
  await expect(page.getByTestId('analyses')).toBeHidden();
  await expect(page.getByTestId('lesson-open')).toHaveCount(0);
  const full = page.getByTestId('embed-full-view');
  await full.focus();
  await expect(full).toHaveAttribute('href', /sample=7/);
  expect(await full.getAttribute('href')).not.toContain('embed');
  await expect(app.canvas).toBeVisible();
  await app.sankey.scrollIntoViewIfNeeded();
  await expect(app.sankey).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  // The input still works: click another pixel.
  const [first = 0] = await app.selectedPixels();
  const next = first + 1;
  await app.canvas.scrollIntoViewIfNeeded();
  await app.clickPixel(Math.floor(next / GRID), next % GRID);
  await app.waitForLive([next]);
  expect(await seriousViolations(page)).toEqual([]);
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/e2e/embed.png' });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('stacks, taps select pixels and nodes, nothing overflows', async ({ page }) => {
    const app = new PathwayPage(page);
    await app.open({ sample: '7' });
    await app.waitForModel();
    await app.waitForLive();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const [first = 0] = await app.selectedPixels();
    const next = first + 1;
    const { x, y } = await app.cellPoint(Math.floor(next / GRID), next % GRID);
    await page.touchscreen.tap(x, y);
    await app.waitForLive([next]);
    const node = app.mapNode('conv1_1');
    await node.locator('.pl-node-box').tap();
    await expect(app.sankey).toHaveAttribute('data-pinned', /^conv1_1:/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/e2e/phone.png' });
  });
});
