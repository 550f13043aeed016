// Embed mode (?embed=1) in a real 600×400 iframe: the input and the whole pathway, pixel to
// class, visible at once and readable (no text under 11 px); clicks select pixels; "Open full
// view" opens the same view without embed. Also axe on the embedded page itself.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { GRID, PathwayPage } from './pages/pathway-page';

const FRAME = { width: 600, height: 400 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function inside(box: Box | null, frame: Box): boolean {
  return (
    box !== null &&
    box.x >= frame.x - 0.5 &&
    box.y >= frame.y - 0.5 &&
    box.x + box.width <= frame.x + frame.width + 0.5 &&
    box.y + box.height <= frame.y + frame.height + 0.5
  );
}

/** Every visible text in the frame's viewport whose rendered size is under `min` px. */
async function smallTexts(body: Locator, min: number): Promise<string[]> {
  return body.evaluate((root, min) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (!el || text === '' || !el.checkVisibility({ opacityProperty: true })) continue;
      // Screen-reader-only text is clipped to a pixel; icon glyphs (an "i" in a circle) are
      // hidden from screen readers and are not text to read (the Sankey's own text is SVG).
      if (el.closest('.visually-hidden, .pl-visually-hidden, .pl-sr-only')) continue;
      if (!(el instanceof SVGElement) && el.closest('[aria-hidden="true"]')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width < 1 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0) continue;
      if (r.left >= innerWidth) continue;
      const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      const size = parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (size < min - 0.01) out.push(`${text.slice(0, 30)}: ${size.toFixed(1)}px`);
    }
    return out;
  }, min);
}

test('embedded in a 600×400 iframe it shows the input and the whole pathway', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 800, height: 560 });
  const src = new URL('./?sample=7&embed=1', baseURL).toString();
  // A page of someone else's (a course site) with the iframe code the lesson dialog gives.
  await page.setContent(
    `<!doctype html><title>Course page</title><body style="margin:20px">` +
      `<iframe src="${src}" width="600" height="400" title="Pathway Lens" style="border:0"></iframe>`,
  );
  const frame = page.frameLocator('iframe[title="Pathway Lens"]');
  const app = {
    panel: frame.getByTestId('pathway-panel'),
    sankey: frame.getByTestId('sankey'),
    canvas: frame.getByRole('application', { name: /^Input image/ }),
  };
  await expect(app.panel).toHaveAttribute('data-origin', 'live', { timeout: 45_000 });
  await expect(app.panel).toHaveAttribute('data-query-status', 'ready');
  const frameBox = (await page.locator('iframe').boundingBox())!;
  expect(frameBox.width).toBe(FRAME.width);
  expect(frameBox.height).toBe(FRAME.height);

  // The input, the first column and the class column at once, without scrolling or panning.
  await expect(app.canvas).toBeVisible();
  expect(inside(await app.canvas.boundingBox(), frameBox)).toBe(true);
  const first = app.sankey.locator('[data-node-id^="input:"] .pl-node-box');
  const last = app.sankey.locator('[data-node-id^="class:"] .pl-node-box');
  expect(inside(await first.boundingBox(), frameBox)).toBe(true);
  expect(inside(await last.boundingBox(), frameBox)).toBe(true);
  expect(inside(await app.sankey.boundingBox(), frameBox)).toBe(true);
  for (const header of ['input', 'conv1_1', 'conv2_1', 'dense1', 'class'])
    await expect(app.sankey.getByText(header, { exact: true })).toBeVisible();
  await expect(frame.getByRole('link', { name: 'Open full view' })).toBeVisible();
  const scroll = await frame
    .locator('body')
    .evaluate(() => [document.scrollingElement!.scrollWidth - innerWidth, scrollY]);
  expect(scroll).toEqual([0, 0]);

  // Readable: no text in the frame is smaller than 11 px (Sankey labels included).
  expect(await smallTexts(frame.locator('body'), 11)).toEqual([]);
  const labelSizes = await app.sankey.evaluate((svg) =>
    [...svg.querySelectorAll('.pl-label, .pl-header, .pl-header-note')].map((t) =>
      parseFloat(getComputedStyle(t).fontSize),
    ),
  );
  expect(labelSizes.length).toBeGreaterThan(20);
  expect(Math.min(...labelSizes)).toBeGreaterThanOrEqual(11);
  // The labels that did not fit beside their boxes are shortened, never drawn over each other.
  await page.screenshot({ path: 'test-results/e2e/embed.png' });

  // A click in the frame selects another pixel.
  const pixels = (await app.panel.getAttribute('data-pixels')) ?? '';
  const next = Number(pixels.split(',')[0]) + 1;
  const box = (await app.canvas.boundingBox())!;
  const row = Math.floor(next / GRID);
  const col = next % GRID;
  await page.mouse.click(
    box.x + ((col + 0.5) * box.width) / GRID,
    box.y + ((row + 0.5) * box.height) / GRID,
  );
  await expect(app.panel).toHaveAttribute('data-pixels', String(next));
  await expect(app.panel).toHaveAttribute('data-query-status', 'ready');

  // "Open full view": the same view (the new pixel included) as a full page, in a new tab.
  const [full] = await Promise.all([
    page.waitForEvent('popup'),
    frame.getByRole('link', { name: 'Open full view' }).click(),
  ]);
  const fullView = new PathwayPage(full);
  await fullView.waitForLive([next]);
  expect(new URL(full.url()).searchParams.get('embed')).toBeNull();
  expect(new URL(full.url()).searchParams.get('px')).toBe(`${row},${col}`);
  await expect(fullView.gallery).toBeVisible();
  await expect(fullView.inputCaption).toHaveText(/^Sample 7 · label/);
});

test('embed mode passes axe and has no horizontal overflow at 600×400', async ({ page }) => {
  await page.setViewportSize(FRAME);
  const app = new PathwayPage(page);
  await app.open({ sample: '7', embed: '1' });
  // No model status in the embedded header: a live answer means the model is ready.
  await app.waitForLive();
  await expect(app.gallery).toBeHidden();
  await expect(page.getByTestId('analyses')).toBeHidden();
  await expect(page.getByTestId('lesson-open')).toHaveCount(0);
  await expect(page.getByTestId('sankey-pan-hint')).toHaveCount(0);
  const full = page.getByTestId('embed-full-view');
  await full.focus();
  await expect(full).toHaveAttribute('href', /sample=7/);
  expect(await full.getAttribute('href')).not.toContain('embed');
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth)).toBe(0);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
});
