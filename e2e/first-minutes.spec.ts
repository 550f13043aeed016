// The first five minutes of a student with the app: numbers that can be read (shares of |flow| in
// 0–100 %, a tooltip at the hovered box, words that match the diagram, every technical term
// explained, the class score beside the selection's part of it, the explainer open once), messages
// that point at things that exist (background pixels, Fashion-MNIST's garments, an empty canvas),
// an adversarial attack that works on the landing image with its defaults, exports that say where
// they come from, a page that never scrolls sideways and tools that do not move the canvas.
// Screenshots: test-results/e2e/first-minutes-*.png.
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { PathwayPage } from './pages/pathway-page';

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `test-results/e2e/first-minutes-${name}.png`, fullPage });

async function openLanding(page: Page, params: Record<string, string> = {}): Promise<PathwayPage> {
  const app = new PathwayPage(page);
  await app.open(params);
  await app.waitForModel();
  await app.waitForLive();
  return app;
}

/** The page's width beyond the window, in px (0: no sideways scrolling). */
const sideways = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

async function download(app: PathwayPage, kind: 'SVG' | 'PNG' | 'JSON'): Promise<Buffer> {
  const waiting = app.page.waitForEvent('download');
  await app.page.getByTestId('sankey-export').getByRole('button', { name: kind }).click();
  const file: Download = await waiting;
  return readFile((await file.path()) ?? '');
}

test('hovering a box shows its numbers beside it, as shares of |flow| from 0 to 100 %', async ({
  page,
}) => {
  const app = await openLanding(page);
  const tooltip = page.getByTestId('sankey-tooltip');
  await expect(tooltip).toBeHidden();
  for (const column of ['conv1_1', 'conv2_1', 'dense1']) {
    const node = app.mapNode(column);
    const box = node.locator('.pl-node-box');
    await box.hover();
    const id = await node.getAttribute('data-node-id');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveAttribute('data-item', id ?? '');
    const text = (await tooltip.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/flow [+−][\d.e−]+ logit \((raises|lowers) the class score\)/);
    expect(text).toMatch(/\d+(\.\d)?% of the \|flow\| through this column/);
    for (const m of text.matchAll(/([−-]?)([\d.]+)%/g)) {
      expect(m[1], text).toBe('');
      expect(Number(m[2]), text).toBeLessThanOrEqual(100);
    }
    if (column === 'dense1') expect(text).toContain('dense1 · unit');
    // Next to the box: level with it, and just to its right (or left, where there is no room).
    const b = (await box.boundingBox())!;
    const t = (await tooltip.boundingBox())!;
    const right = t.x >= b.x + b.width - 1 && t.x <= b.x + b.width + 24;
    const left = t.x + t.width <= b.x + 1 && t.x + t.width >= b.x - 24;
    expect(
      right || left,
      `${column}: tooltip ${JSON.stringify(t)} vs box ${JSON.stringify(b)}`,
    ).toBe(true);
    expect(t.y).toBeLessThan(b.y + Math.max(b.height, t.height));
    expect(t.y + t.height).toBeGreaterThan(b.y - 1);
    // In the window, not below the fold.
    expect(t.y + t.height).toBeLessThanOrEqual(900);
  }
  await shot(page, 'tooltip');
  // A link's tooltip shares the gap's |flow|; the class box, alone in its column, has no share.
  await page.mouse.move(5, 5);
  await expect(tooltip).toBeHidden();
  await app.sankey.locator('[data-node-id^="class:"] .pl-node-box').hover();
  await expect(tooltip).toContainText('class 7');
  await expect(tooltip).not.toContainText('%');
  // At the page's right edge the tooltip flips left: the page never scrolls sideways.
  expect(await sideways(page)).toBeLessThanOrEqual(0);
});

test('the words table keeps signs, says "unit" and lists only what the diagram draws', async ({
  page,
}) => {
  const app = await openLanding(page);
  const words = page.getByTestId('sankey-words');
  await words.getByText('Largest pathways in words').click();
  const items = words.getByRole('listitem');
  await expect(items.first()).toBeVisible();
  const labels = await app.sankey.evaluate((svg) =>
    [...svg.querySelectorAll('[data-node-id] title')].map(
      (t) => (t.textContent ?? '').split('\n')[0] ?? '',
    ),
  );
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const text = (await items.nth(i).innerText()).trim();
    expect(text).toMatch(/^Pixel \(row 15, col 17\) → /);
    expect(text).toMatch(/: [+−][\d.e−]+ logit \((raises|lowers) the class score\)$/);
    expect(text).not.toContain('%');
    expect(text).toContain('dense1 · unit ');
    const steps = text.split(': ')[0]!.split(' → ').slice(1);
    expect(steps.pop()).toBe('class 7');
    for (const step of steps) {
      const own = step.replace(/ \(in “.*”\)$/, '');
      const found =
        labels.includes(own) || labels.some((l) => step.endsWith(`(in “${l.split(' · ')[1]}”)`));
      expect(found, `${step} is in the diagram`).toBe(true);
    }
  }
  // The chains table uses the same names and no share that could exceed 100 %.
  const chains = page.getByTestId('sankey-chains');
  await expect(chains.getByRole('columnheader', { name: 'conv1_2 + pool1' })).toBeVisible();
  await expect(chains.getByRole('columnheader', { name: 'of total' })).toHaveCount(0);
  await expect(chains.getByRole('row')).toHaveCount(count + 1);
  await words.scrollIntoViewIfNeeded();
  await shot(page, 'words', true);
});

test('every technical term is explained where it first appears', async ({ page }) => {
  await openLanding(page);
  const terms: Array<[string, RegExp]> = [
    ['|class flow|', /band widths show/],
    ['ablation', /Switching one feature map off/],
    ['beam search', /few most promising partial pathways/],
    ['gradient × input', /its value times how fast the score changes/],
    ['gates fixed', /on\/off switches of the network/],
    ['Σ D', /diffusion D .* summed over every cell of the map/],
  ];
  for (const [term, gloss] of terms) {
    const buttons = page.getByRole('button', { name: `What is “${term}”?` });
    await expect(buttons.first(), term).toBeVisible();
    await buttons.first().click();
    const tip = page.locator('.pl-term[data-open] [role="tooltip"]');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText(gloss);
    // The tooltip stays in the window.
    const t = (await tip.boundingBox())!;
    expect(t.x).toBeGreaterThanOrEqual(0);
    expect(t.x + t.width).toBeLessThanOrEqual(1400);
    if (term === 'gates fixed') await shot(page, 'term');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await expect(tip).toHaveCount(0);
  }
  expect(await sideways(page)).toBeLessThanOrEqual(0);
});

test('the class panel shows the class score beside the selection’s contribution', async ({
  page,
}) => {
  await openLanding(page);
  const summary = page.getByTestId('class-summary');
  await expect(summary).toContainText(/Selection → “7”: [+−][\d.]+ logit units/);
  // The landing 7's logit z_7 = 25.35 on the shipped model (Node, wasm).
  await expect(summary).toContainText(/of the class score z = 25\.[34]; the rest of the score/);
});

test('"How to read this diagram" is open on a first visit and remembered closed', async ({
  page,
}) => {
  await openLanding(page);
  const explainer = page.getByTestId('sankey-explainer');
  await expect(explainer).toHaveAttribute('open', '');
  await expect(explainer.getByText('A pathway is the route')).toBeVisible();
  await page.reload();
  await expect(explainer).not.toHaveAttribute('open');
  // The reader's own choice is kept too (stored when the toggle event has run).
  const stored = () => page.evaluate(() => localStorage.getItem('pathway-lens:explainer'));
  await explainer.getByText('How to read this diagram').click();
  await expect(explainer).toHaveAttribute('open', '');
  await expect.poll(stored).toBe('open');
  await page.reload();
  await expect(explainer).toHaveAttribute('open', '');
  await explainer.getByText('How to read this diagram').click();
  await expect.poll(stored).toBe('closed');
  await page.reload();
  await expect(explainer).not.toHaveAttribute('open');
});

test('a background pixel says what is true, in digits and in clothes', async ({ page }) => {
  const app = await openLanding(page, { px: '0,0' });
  await expect(app.sankey).toHaveAttribute('data-empty', 'true');
  const empty = page.locator('.pl-empty');
  await expect(empty).toHaveText(
    'This pixel is 0 (background), so it sends no signal: pathways start only from inked pixels. Pick a pixel on the digit.',
  );
  await expect(page.getByText(/mean-centred/)).toHaveCount(0);
  await shot(page, 'background-digit');

  await page.getByRole('radio', { name: 'Fashion-MNIST' }).check();
  await app.waitForModel();
  await app.waitForLive();
  await app.clickPixel(0, 0);
  await expect(app.sankey).toHaveAttribute('data-empty', 'true');
  await expect(empty).toHaveText(
    'This pixel is 0 (background), so it sends no signal: pathways start only from pixels of the garment. Pick a pixel on the garment.',
  );
  // What Fashion-MNIST's panels say speaks of garments, never of ink, digits or strokes.
  const panels = [
    page.getByRole('region', { name: 'Input image' }),
    page.getByTestId('pathway-panel'),
    page.locator('.column-classes'),
    page.getByRole('region', { name: 'Feature maps' }),
  ];
  for (const panel of panels) {
    const text = await panel.innerText();
    expect(text).not.toMatch(/\bink\b|\binked\b|\bdigit\b|\bstroke\b/i);
  }
  await expect(page.getByRole('region', { name: 'Input image' })).toContainText('garment');
  await expect(page.locator('.column-classes')).toContainText('The grey is the garment');
  await shot(page, 'background-garment');
});

test('the Adversarial view fools the network on the landing image with its defaults', async ({
  page,
}) => {
  await openLanding(page);
  await page.getByTestId('analyses-toggle').click();
  const area = page.getByTestId('analyses');
  await area.getByRole('tab', { name: /^Adversarial/ }).click();
  await expect(page.getByTestId('run-attack')).toHaveAttribute('data-status', 'done');
  const original = page.getByTestId('attack-original');
  const attacked = page.getByTestId('attack-attacked');
  await expect(original).toHaveAttribute('data-prediction', '7');
  await expect(attacked).toContainText('Targeted, ε = 0.15');
  await expect(page.getByTestId('attack-target')).toHaveValue('3');
  await expect(page.getByTestId('attack-target').locator('option:checked')).toHaveText(
    '3 (runner-up)',
  );
  await expect(page.getByTestId('attack-verdict')).toHaveAttribute('data-changed', 'true');
  await expect(attacked).toHaveAttribute('data-prediction', '3');
  await expect(page.getByTestId('attack-verdict')).toContainText('The attack turned 7 into 3 in');
  // Defaults stay out of the link.
  expect(new URL(page.url()).searchParams.has('atk')).toBe(false);
  expect(new URL(page.url()).searchParams.has('eps')).toBe(false);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await area.scrollIntoViewIfNeeded();
  await area.screenshot({ path: 'test-results/e2e/first-minutes-attack.png' });

  // FGSM cannot move this image: the view says why and offers what works.
  await area.getByText('FGSM', { exact: true }).click();
  await expect(page.getByTestId('run-attack')).toHaveAttribute('data-status', 'done');
  const verdict = page.getByTestId('attack-verdict');
  await expect(verdict).toHaveAttribute('data-changed', 'false');
  await expect(verdict).toContainText(
    'the loss gradient underflows to exactly zero because the network is certain (p = 1.0000 in float32)',
  );
  await area.screenshot({ path: 'test-results/e2e/first-minutes-attack-fgsm.png' });
  await verdict.getByRole('button', { name: 'Use the targeted attack' }).click();
  await expect(attacked).toContainText('Targeted, ε = 0.15');
  await expect(page.getByTestId('run-attack')).toHaveAttribute('data-status', 'done');
  await expect(verdict).toHaveAttribute('data-changed', 'true');
});

test('SVG, PNG and JSON exports name the model, image, pixel, class and link', async ({ page }) => {
  const app = await openLanding(page);
  const svg = (await download(app, 'SVG')).toString('utf8');
  const caption = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      lines: [...doc.querySelectorAll('[data-caption]')].map((t) => t.textContent ?? ''),
      desc: doc.querySelector('desc')?.textContent ?? '',
      height: Number(doc.documentElement.getAttribute('height')),
    };
  }, svg);
  expect(caption.lines[0]).toBe(
    'Model MNIST · image: gallery sample 350 (label 7) · pixel (row 15, col 17) · class 7',
  );
  expect(caption.lines.slice(1).join('')).toMatch(/^Link: http:\/\/127\.0\.0\.1:\d+\/\?/);
  expect(caption.lines.slice(1).join('')).toContain('sample=350');
  expect(caption.desc).toContain('gallery sample 350');

  // The PNG is rasterised from the same figure: its caption strip holds dark text.
  const png = PNG.sync.read(await download(app, 'PNG'));
  expect(png.height).toBe(caption.height * 2);
  let dark = 0;
  for (let y = png.height - 2 * 15 * caption.lines.length; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if ((png.data[i] ?? 255) < 160) dark++;
    }
  }
  expect(dark).toBeGreaterThan(200);

  const json = JSON.parse((await download(app, 'JSON')).toString('utf8')) as {
    source: { model: string; modelLabel: string; image: unknown; link: string };
    pixels: number[];
    classIndex: number;
  };
  expect(json.source).toMatchObject({
    model: 'mnist',
    modelLabel: 'MNIST',
    image: { kind: 'sample', sample: 350, label: 7 },
  });
  expect(json.source.link).toContain('px=15%2C17');
  expect(json.pixels).toEqual([15 * 28 + 17]);
  expect(json.classIndex).toBe(7);

  // A drawn image says so, and its link carries it.
  await app.tool('Brush');
  await app.drawStrokes([
    [
      [6, 14],
      [20, 14],
    ],
  ]);
  await app.waitForLive();
  const drawn = JSON.parse((await download(app, 'JSON')).toString('utf8')) as typeof json;
  expect(drawn.source.image).toEqual({ kind: 'drawn' });
  expect(drawn.source.link).toContain('img=');
});

test('the page never scrolls sideways at 1400 px, with or without the analyses', async ({
  page,
}) => {
  const app = await openLanding(page);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await app.mapNode('dense1').locator('.pl-node-box').hover();
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await page.getByTestId('analyses-toggle').click();
  const area = page.getByTestId('analyses');
  for (const tab of ['Important maps', 'Adversarial', 'Occlusion', 'Movement']) {
    await area.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    expect(await sideways(page), tab).toBeLessThanOrEqual(0);
  }
  await expect(page.getByTestId('run-movement')).toHaveAttribute('data-status', 'done');
  expect(await sideways(page)).toBeLessThanOrEqual(0);
});

test('switching Brush and Select leaves the canvas where it is', async ({ page }) => {
  const app = await openLanding(page);
  const before = await app.canvas.boundingBox();
  await app.tool('Brush');
  await expect(page.getByTestId('brush-size')).toBeVisible();
  expect(await app.canvas.boundingBox()).toEqual(before);
  await shot(page, 'brush');
  await app.tool('Eraser');
  expect(await app.canvas.boundingBox()).toEqual(before);
  await app.tool('Select');
  await expect(page.getByTestId('brush-size')).toBeHidden();
  expect(await app.canvas.boundingBox()).toEqual(before);
});

test('an empty canvas says it is empty instead of predicting', async ({ page }) => {
  const app = await openLanding(page);
  await app.tool('Brush');
  await app.tool('Clear');
  const panel = page.getByRole('region', { name: 'Prediction' });
  await expect(page.getByTestId('prediction-empty')).toHaveText(
    'The canvas is empty: draw something.',
  );
  await expect(app.prediction).toHaveCount(0);
  await expect(panel).not.toContainText('%');
  await expect(page.getByTestId('classes-empty')).toContainText('The canvas is empty');
  await expect(page.locator('.pl-empty')).toHaveText('The canvas is empty: draw something.');
  await shot(page, 'empty');
  // Drawing brings the prediction back.
  await app.drawStrokes([
    [
      [6, 14],
      [20, 14],
    ],
  ]);
  await expect(app.prediction).toBeVisible();
  await expect(page.getByTestId('prediction-empty')).toHaveCount(0);
});
