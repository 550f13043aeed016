// Automated accessibility check of the main view (axe): no serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('the main view has no serious accessibility violations', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ sample: '7' });
  await app.waitForModel();
  await app.predictedClassFor(7);
  // Check the settled page: while a query runs, the previous Sankey is shown dimmed on purpose.
  const pathways = page.getByTestId('pathway-panel');
  await expect(pathways).toHaveAttribute('data-origin', 'live');
  await expect(pathways).toHaveAttribute('data-query-status', 'ready');
  await expect(page.getByRole('figure', { name: /^conv1_1 map \d+$/ })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
});

test('the gallery works from the keyboard', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ sample: '0' });
  await app.waitForModel();
  await app.thumb(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(app.thumb(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.inputCaption).toHaveText(/^Sample 1 · label/);
  expect(await app.predictedClassFor(1)).toBeGreaterThanOrEqual(0);
});

test('the classroom controls work from the keyboard', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ sample: '7' });
  await app.waitForModel();
  // Lecture mode on and off with the keyboard.
  const lecture = page.getByTestId('lecture-toggle');
  await lecture.focus();
  await page.keyboard.press('Enter');
  await expect(lecture).toHaveAttribute('aria-pressed', 'true');
  await expect(app.gallery).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(lecture).toHaveAttribute('aria-pressed', 'false');
  // The lesson dialog: opens with Enter, holds focus, Escape closes it and returns focus.
  const open = page.getByTestId('lesson-open');
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('lesson-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
