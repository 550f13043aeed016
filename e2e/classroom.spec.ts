// Classroom: lecture mode (clicker keys, the step a lesson opens at, the "More" menu, type and
// label collisions at 1280×720, full screen) and lesson links (round trip, the pixel picked on a
// preview, what the link leaves out), with axe. Embed mode: embed.spec.ts; phones: phone.spec.ts.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { GRID, PathwayPage } from './pages/pathway-page';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The Sankey's boxes of one column that are revealed (hidden ones leave the a11y tree). */
function revealedBoxes(page: Page, column: string): Locator {
  return page.getByTestId('sankey').getByRole('button', { name: new RegExp(`^${column}\\b`) });
}

interface TextBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every text the Sankey draws (labels, ★ marks, headers, notes), as on screen. */
async function sankeyTexts(page: Page): Promise<Array<TextBox & { size: number }>> {
  return page.getByTestId('sankey').evaluate((svg) =>
    [...svg.querySelectorAll('text')]
      .filter((t) => t.closest('[opacity="0"]') === null && (t.textContent ?? '').trim() !== '')
      .map((t) => {
        const r = t.getBoundingClientRect();
        return {
          text: t.textContent ?? '',
          x0: r.left,
          y0: r.top,
          x1: r.right,
          y1: r.bottom,
          size: parseFloat(getComputedStyle(t).fontSize),
        };
      }),
  );
}

/** Pairs of texts whose boxes overlap (by more than half a pixel). */
function collisions(boxes: TextBox[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 0.5 && h > 0.5) out.push(`"${a.text}" × "${b.text}"`);
    }
  }
  return out;
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
    ['Home', '1'],
    ['ArrowRight', '2'],
    ['End', 'all'],
  ];
  for (const [key, step] of steps) {
    await page.keyboard.press(key);
    await expect(app.panel, `after ${key}`).toHaveAttribute('data-step', step);
  }
  // Keys typed into a field do not step (the lesson dialog, opened from the "More" menu).
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('button', { name: 'Create lesson link' }).click();
  await page.getByLabel('Pixel (row,col)').press('ArrowLeft');
  await expect(app.panel).toHaveAttribute('data-step', 'all');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lesson-dialog')).toBeHidden();
  // The menu stayed open under the dialog; the next Escape closes it.
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'More' })).toBeFocused();

  await page.keyboard.press('ArrowLeft');
  await expect(app.panel).toHaveAttribute('data-step', '6');
  await expect(page).toHaveURL(/step=6/);
  expect(await seriousViolations(page)).toEqual([]);
  // Laser pointer: hover a box, its pathways glow.
  await app.mapNode('conv2_1').locator('.pl-node-box').hover();
  await expect(page.getByTestId('sankey-trace').locator('path').first()).toBeAttached();

  // The header button leaves lecture mode.
  await page.getByTestId('lecture-toggle').click();
  await expect(app.gallery).toBeVisible();
  await expect(page).not.toHaveURL(/mode=lecture/);
});

test.describe('a lecture at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a lesson link opens at its first step, ready for the clicker', async ({
    page,
    browser,
  }) => {
    const app = new PathwayPage(page);
    // The page's own Analyses settings (ε, attack) must not leak into a lesson that hides them.
    await app.open({ sample: '7', eps: '0.3', atk: 'fgsm' });
    await app.waitForModel();
    await app.waitForLive();
    await page.getByRole('button', { name: 'Create lesson link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create lesson link' });
    await dialog.getByLabel('Lecture mode').check();
    await expect(dialog.getByLabel('Lecture starts at')).toHaveValue('1');
    await expect(dialog.getByLabel('Lecture starts at')).toBeEnabled();
    await dialog.getByLabel('Sample gallery').check();
    await dialog.getByLabel('Analyses').check();
    const link = await dialog.getByTestId('lesson-link').inputValue();
    expect(new URL(link).searchParams.get('step')).toBe('1');
    expect(link).not.toMatch(/[?&](eps|atk)=/);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const fresh = await (
      await browser.newContext({ viewport: { width: 1280, height: 720 } })
    ).newPage();
    await fresh.goto(link);
    const lesson = new PathwayPage(fresh);
    await lesson.waitForModel();
    await lesson.waitForLive();
    await expect(fresh.getByTestId('notices')).toHaveCount(0);
    // The first column only; the clicker's first "next" reveals the second, and so on.
    await expect(lesson.panel).toHaveAttribute('data-step', '1');
    await expect(revealedBoxes(fresh, 'conv1_1')).toHaveCount(0);
    await expect(fresh.getByText('up to input (1 of 7)')).toBeVisible();
    await fresh.keyboard.press('ArrowRight');
    await expect(lesson.panel).toHaveAttribute('data-step', '2');
    await expect(revealedBoxes(fresh, 'conv1_1').first()).toBeVisible();
    await expect(revealedBoxes(fresh, 'conv1_2')).toHaveCount(0);
    await fresh.keyboard.press('End');
    await expect(lesson.panel).toHaveAttribute('data-step', 'all');
    await expect(revealedBoxes(fresh, 'class')).toHaveCount(1);
    await fresh.keyboard.press('Home');
    await expect(lesson.panel).toHaveAttribute('data-step', '1');
    await fresh.keyboard.press('End');

    // What the room does not need is behind one menu.
    const more = fresh.getByRole('button', { name: 'More' });
    for (const hidden of [
      fresh.getByRole('button', { name: 'Copy link' }),
      fresh.getByRole('button', { name: 'Create lesson link' }),
      fresh.getByTestId('backend'),
      fresh.getByTestId('model-status'),
    ])
      await expect(hidden).toBeHidden();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    const menu = fresh.getByRole('group', { name: 'More' });
    await expect(menu.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Create lesson link' })).toBeVisible();
    await expect(menu.getByTestId('backend')).toBeVisible();
    await expect(menu.getByTestId('model-status')).toHaveText(/parameters/);
    await expect(menu.getByTestId('model-status')).toBeVisible();
    await fresh.screenshot({ path: 'test-results/e2e/lecture-menu.png' });
    // A click elsewhere closes it.
    await fresh.getByRole('heading', { name: 'Pathway Lens' }).click();
    await expect(menu).toBeHidden();

    // Readable from the back of the room: 16 px or more, no two texts overlap, legend on screen.
    const texts = await sankeyTexts(fresh);
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((t) => t.size < 16).map((t) => `${t.text} ${t.size}px`)).toEqual([]);
    expect(collisions(texts)).toEqual([]);
    const legend = await fresh.getByTestId('sankey-legend').boundingBox();
    expect(legend).not.toBeNull();
    expect(legend!.y).toBeGreaterThanOrEqual(0);
    expect(legend!.y + legend!.height).toBeLessThanOrEqual(720);
    expect(legend!.x + legend!.width).toBeLessThanOrEqual(1280);
    const sankey = await lesson.sankey.boundingBox();
    expect(sankey!.x + sankey!.width).toBeLessThanOrEqual(1280);
    expect(await seriousViolations(fresh)).toEqual([]);
    await fresh.screenshot({ path: 'test-results/e2e/lecture.png' });

    // The full-screen button says what it does, following the page's full-screen state.
    const full = fresh.getByRole('button', { name: 'Full screen' });
    await full.click();
    await expect(fresh.getByRole('button', { name: 'Exit full screen' })).toBeVisible();
    await fresh.keyboard.press('f');
    await expect(fresh.getByRole('button', { name: 'Full screen' })).toBeVisible();
  });
});

test('a lesson link opens the chosen view with its controls hidden', async ({ page, browser }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '7', eps: '0.3' });
  await app.waitForModel();
  await app.waitForLive();
  await page.getByTestId('lesson-open').click();
  const dialog = page.getByTestId('lesson-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Sample number')).toHaveValue('7');
  // The starting step is for lecture links only.
  await expect(dialog.getByLabel('Lecture starts at')).toBeDisabled();
  // The pixel is picked on a preview of the sample (or typed).
  const preview = dialog.getByRole('application', { name: /^Pick the lesson's pixel on sample 7/ });
  await expect(preview).toBeVisible();
  const box = (await preview.boundingBox())!;
  await page.mouse.click(
    box.x + ((15 + 0.5) * box.width) / GRID,
    box.y + ((14 + 0.5) * box.height) / GRID,
  );
  await expect(dialog.getByLabel('Pixel (row,col)')).toHaveValue('14,15');
  // A full-page lesson that shows the Analyses area keeps its settings.
  expect(await page.getByTestId('lesson-link').inputValue()).toContain('eps=0.3');
  await dialog.getByLabel('Lecture mode').check();
  await dialog.getByLabel('Lecture starts at').selectOption({ label: '3: up to conv1_2 + pool1' });
  await dialog.getByLabel('Sample gallery').check();
  await dialog.getByLabel('Analyses').check();
  await dialog.getByLabel('Prune, layout and export options').check();
  await dialog.getByRole('combobox', { name: /^Class/ }).selectOption('3');
  const link = await page.getByTestId('lesson-link').inputValue();
  expect(link).toContain('hide=gallery%2Coptions%2Canalyses');
  expect(link).toContain('step=3');
  expect(link).not.toContain('eps=');
  const iframe = await page.getByTestId('lesson-iframe').inputValue();
  expect(iframe).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?[^"<>]*&amp;embed=1" width="600" height="400" title="Pathway Lens" loading="lazy"><\/iframe>$/,
  );
  expect(iframe).not.toContain('mode=lecture');
  expect(iframe).not.toContain('step=');
  expect(await seriousViolations(page)).toEqual([]);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  const lesson = new PathwayPage(fresh);
  await lesson.waitForModel();
  await lesson.waitForLive([14 * GRID + 15]);
  await expect(lesson.inputCaption).toHaveText(/^Sample 7 · label/);
  await expect(lesson.sankey).toHaveAttribute('data-class', '3');
  await expect(lesson.panel).toHaveAttribute('data-step', '3');
  await expect(lesson.gallery).toBeHidden();
  await expect(fresh.getByTestId('analyses')).toBeHidden();
  await expect(fresh.getByTestId('sankey-prune')).toBeHidden();
  await expect(fresh.getByTestId('lecture-toggle')).toHaveAttribute('aria-pressed', 'true');
  // Every value of the link was accepted: no notice.
  await expect(fresh.getByTestId('notices')).toHaveCount(0);
});
