// The input panel for a model the user brings (docs/own-model.md), whatever its input: a 32×32
// RGB model gets a colour grid, a colour brush and uploads resized in colour; a 20×20 grey model
// gets a 20×20 grid and no colour tools. The models are scripts/make-model-fixtures.ts's files in
// e2e/fixtures/models, served to the page (and its worker) at a same-origin path.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { AppPage } from './pages/app-page';

const MODELS = fileURLToPath(new URL('./fixtures/models/', import.meta.url));
const SHOTS = process.env.E2E_SHOTS;

/** Serves e2e/fixtures/models/<name>/<file> at own-models/<name>/<file>; anything else is 404. */
async function serveOwnModels(page: Page): Promise<void> {
  await page.route('**/own-models/**', async (route) => {
    const rel = new URL(route.request().url()).pathname.split('/own-models/')[1] ?? '';
    const file = join(MODELS, rel);
    if (!/^[\w-]+\/[\w.-]+$/.test(rel) || !existsSync(file)) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    const json = rel.endsWith('.json');
    await route.fulfill({
      body: readFileSync(file),
      contentType: json
        ? 'application/json'
        : rel.endsWith('.txt')
          ? 'text/plain'
          : 'application/octet-stream',
    });
  });
}

/**
 * big-<side>: rgb-32's layers on a side×side×3 input (256 is the largest the app takes), so the
 * dense layer reads (side/4)×(side/4)×8 values; small seeded weights. Made here: 1.5 MB is no file
 * to keep in the repo.
 */
async function serveBigModel(page: Page, side: number): Promise<void> {
  const base = JSON.parse(readFileSync(join(MODELS, 'rgb-32', 'model.json'), 'utf8'));
  base.modelTopology.config.layers[0].config.batch_input_shape = [null, side, side, 3];
  const weights = base.weightsManifest[0].weights as Array<{ name: string; shape: number[] }>;
  const dense = weights.find((w) => w.name.endsWith('logits/kernel'))!;
  dense.shape = [(side / 4) * (side / 4) * 8, dense.shape[1]!];
  const count = weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  const values = new Float32Array(count);
  let seed = 7;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    values[i] = (seed / 2 ** 31 - 0.5) * 0.02;
  }
  await page.route(`**/own-models/big-${side}/model.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(base) }),
  );
  await page.route(`**/own-models/big-${side}/group1-shard1of1.bin`, (route) =>
    route.fulfill({ contentType: 'application/octet-stream', body: Buffer.from(values.buffer) }),
  );
}

async function openOwnModel(page: Page, name: string): Promise<AppPage> {
  await serveOwnModels(page);
  const big = /^big-(\d+)$/.exec(name);
  if (big) await serveBigModel(page, Number(big[1]));
  const app = new AppPage(page);
  await app.open({ modelUrl: `own-models/${name}/model.json` });
  await app.waitForModel();
  return app;
}

function inputCanvas(page: Page): Locator {
  return page.getByRole('application', { name: /^Input image/ });
}

async function tool(page: Page, name: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Input tools' }).getByRole('button', { name }).click();
}

/** The page point at the centre of cell (row, col) of a size×size input grid. */
async function cellPoint(page: Page, size: number, row: number, col: number) {
  const box = await inputCanvas(page).boundingBox();
  if (!box) throw new Error('the input canvas is not visible');
  return {
    x: box.x + ((col + 0.5) * box.width) / size,
    y: box.y + ((row + 0.5) * box.height) / size,
  };
}

/** The colour the input's raster canvas shows at cell (row, col), as [r, g, b] bytes. */
async function shownColour(page: Page, row: number, col: number): Promise<number[]> {
  return inputCanvas(page)
    .locator('canvas')
    .evaluate(
      (canvas: HTMLCanvasElement, [r, c]) => [
        ...canvas.getContext('2d')!.getImageData(c!, r!, 1, 1).data.slice(0, 3),
      ],
      [row, col],
    );
}

/** A PNG whose four quadrants are red, green, blue and white. */
function quadrantsPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const top = y < height / 2;
      const left = x < width / 2;
      const rgb = top ? (left ? [255, 0, 0] : [0, 255, 0]) : left ? [0, 0, 255] : [255, 255, 255];
      png.data.set([...rgb, 255], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

/** Serious or critical accessibility violations inside `selector`. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  if (!SHOTS) return;
  const path = join(SHOTS, `${name}.png`);
  await (target ? target.screenshot({ path }) : page.screenshot({ path }));
}

test('an RGB 32×32 model gets a colour grid, and the colour brush paints the chosen colour', async ({
  page,
}) => {
  await openOwnModel(page, 'rgb-32');
  const canvas = inputCanvas(page);
  await expect(canvas).toHaveAccessibleName('Input image, 32 by 32 pixels, in colour');
  await expect(canvas.locator('canvas')).toHaveJSProperty('width', 32);
  // No sample set came with the model: the canvas is offered to draw on, all black (0).
  await expect(page.getByTestId('input-caption')).toContainText(/drawing|no sample images/);
  await expect(page.getByTestId('gallery-none')).toContainText('without sample images');
  expect(await shownColour(page, 16, 16)).toEqual([0, 0, 0]);

  await tool(page, 'Brush');
  const colours = page.getByRole('group', { name: 'Brush colour' });
  await expect(colours).toBeVisible();
  await expect(colours.getByRole('button', { name: 'White' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await colours.getByRole('button', { name: 'Red' }).click();
  await expect(colours.getByRole('button', { name: 'Red' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await seriousViolations(page, '.pl-input-panel')).toEqual([]);
  // The brush grows with the image: 32 px images get a wider range than MNIST's 1–5 px.
  await expect(page.getByTestId('brush-size').getByRole('slider')).toHaveAttribute('max', '5.5');

  const start = await cellPoint(page, 32, 16, 4);
  const end = await cellPoint(page, 32, 16, 27);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByTestId('input-caption')).toHaveText('Your drawing');
  expect(await shownColour(page, 16, 15)).toEqual([255, 0, 0]);
  expect(await shownColour(page, 2, 2)).toEqual([0, 0, 0]);

  // Another colour from the browser's own chooser, painted across the red.
  await colours.getByLabel('Other colour').fill('#0000ff');
  const top = await cellPoint(page, 32, 4, 10);
  const bottom = await cellPoint(page, 32, 28, 10);
  await page.mouse.move(top.x, top.y);
  await page.mouse.down();
  await page.mouse.move(bottom.x, bottom.y, { steps: 12 });
  await page.mouse.up();
  expect(await shownColour(page, 8, 10)).toEqual([0, 0, 255]);
  expect(await shownColour(page, 16, 20)).toEqual([255, 0, 0]);

  // The readout names the channels of the pixel under the pointer.
  await tool(page, 'Select');
  const red = await cellPoint(page, 32, 16, 20);
  await page.mouse.move(red.x, red.y);
  await expect(page.locator('.pl-readout-hover')).toContainText('R 1 · G 0 · B 0');
  await expect(page.locator('.pl-input-hint')).toContainText('black is 0');
  await shot(page, 'own-input-rgb-drawn', page.locator('.pl-input-panel'));

  // The eraser paints black, the background; Clear makes the whole canvas black.
  await tool(page, 'Eraser');
  await expect(colours).toBeHidden();
  await tool(page, 'Clear');
  expect(await shownColour(page, 16, 20)).toEqual([0, 0, 0]);
});

test('a picture uploaded for an RGB 32×32 model is resized in colour, with the fit chosen', async ({
  page,
}) => {
  await openOwnModel(page, 'rgb-32');
  const chooser = page.waitForEvent('filechooser');
  await tool(page, 'Upload…');
  await (
    await chooser
  ).setFiles({ name: 'quadrants.png', mimeType: 'image/png', buffer: quadrantsPng(96, 48) });
  const dialog = page.getByRole('dialog', { name: 'Use a picture as input' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The network reads 32×32 colour (RGB) pixels');
  await expect(dialog).not.toContainText(/digit|garment|\bink\b/i);
  await expect(dialog.getByRole('button', { name: /^Crop to/ })).toHaveCount(0);
  await expect(dialog.getByRole('radio', { name: /^Fit \(letterbox\)/ })).toBeChecked();
  await expect(dialog.getByTestId('upload-grid-caption')).toHaveText(
    'What the network sees: exactly these 32×32 pixels, 512 not black (0)',
  );
  await shot(page, 'own-input-rgb-upload-letterbox', dialog);
  expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);

  await dialog.getByRole('radio', { name: /^Fill \(crop\)/ }).check();
  await expect(dialog.getByTestId('upload-grid-caption')).toContainText('1024 not black');
  await dialog.getByRole('radio', { name: /^Stretch/ }).check();
  await shot(page, 'own-input-rgb-upload-stretch', dialog);
  await dialog.getByRole('button', { name: 'Use this input' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('input-caption')).toHaveText('Uploaded: quadrants.png');
  await expect(inputCanvas(page).locator('canvas')).toHaveJSProperty('width', 32);
  // Stretched: each quadrant of the picture is a 16×16 quadrant of the grid, colours kept.
  expect(await shownColour(page, 4, 4)).toEqual([255, 0, 0]);
  expect(await shownColour(page, 4, 27)).toEqual([0, 255, 0]);
  expect(await shownColour(page, 27, 4)).toEqual([0, 0, 255]);
  expect(await shownColour(page, 27, 27)).toEqual([255, 255, 255]);
  await expect(page.getByTestId('prediction')).toBeVisible();
  await shot(page, 'own-input-rgb-uploaded');
});

test('a grey 20×20 model gets a 20×20 grid with the grey brush', async ({ page }) => {
  await openOwnModel(page, 'grey-20');
  const canvas = inputCanvas(page);
  await expect(canvas).toHaveAccessibleName('Input image, 20 by 20 pixels');
  await expect(canvas.locator('canvas')).toHaveJSProperty('width', 20);
  await expect(canvas.locator('canvas')).toHaveJSProperty('height', 20);
  // Whole CSS pixels per cell, so every cell is equally wide.
  const box = await canvas.boundingBox();
  expect(box && box.width % 20).toBe(0);
  await expect(page.locator('.pl-axis-top span').last()).toHaveText('19');

  await tool(page, 'Brush');
  await expect(page.getByRole('group', { name: 'Brush colour' })).toHaveCount(0);
  const a = await cellPoint(page, 20, 10, 3);
  const b = await cellPoint(page, 20, 10, 16);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('input-caption')).toHaveText('Your drawing');
  // Grey ink on white paper, as for the built-in models.
  const ink = await shownColour(page, 10, 10);
  expect(ink[0]).toBeLessThan(60);
  expect(await shownColour(page, 2, 2)).toEqual([255, 255, 255]);
  await shot(page, 'own-input-grey-20', page.locator('.pl-input-panel'));

  // Uploads are resized plainly here too (luma), not searched for a digit.
  const chooser = page.waitForEvent('filechooser');
  await tool(page, 'Upload…');
  await (
    await chooser
  ).setFiles({ name: 'quadrants.png', mimeType: 'image/png', buffer: quadrantsPng(40, 40) });
  const dialog = page.getByRole('dialog', { name: 'Use a picture as input' });
  await expect(dialog).toContainText('The network reads 20×20 grey pixels');
  await expect(dialog.getByRole('radio', { name: /^Fit \(letterbox\)/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Use this input' }).click();
  // White (luma 1) is drawn darkest, like ink; pure blue (luma 0.07) is light.
  expect((await shownColour(page, 15, 15))[0]).toBeLessThan(60);
  expect((await shownColour(page, 15, 4))[0]).toBeGreaterThan(200);
});

test('a 256×256 RGB model shows its whole input in the panel, with a brush to match', async ({
  page,
}) => {
  await openOwnModel(page, 'big-256');
  const canvas = inputCanvas(page);
  await expect(canvas).toHaveAccessibleName('Input image, 256 by 256 pixels, in colour');
  await expect(canvas.locator('canvas')).toHaveJSProperty('width', 256);
  // Shrunk to the panel's 224 px slot, smoothly (no rows dropped from view).
  const box = await canvas.boundingBox();
  expect(box?.width).toBe(224);
  await expect(canvas.locator('canvas')).toHaveCSS('image-rendering', 'auto');
  // One canvas and one overlay, whatever the size: no element per cell, no grid lines.
  expect(await canvas.locator('*').count()).toBeLessThan(12);
  await expect(canvas.locator('.pl-grid')).toHaveCount(0);
  expect(await page.locator('.pl-axis-top span').count()).toBeLessThanOrEqual(6);

  await tool(page, 'Brush');
  const slider = page.getByTestId('brush-size').getByRole('slider');
  expect(Number(await slider.getAttribute('max'))).toBeGreaterThanOrEqual(40);
  await expect(page.getByTestId('brush-size')).toContainText('23 px');
  await page
    .getByRole('group', { name: 'Brush colour' })
    .getByRole('button', { name: 'Yellow' })
    .click();
  const from = await cellPoint(page, 256, 128, 20);
  const to = await cellPoint(page, 256, 128, 236);
  const started = Date.now();
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 40 });
  await page.mouse.up();
  await expect(page.getByTestId('input-caption')).toHaveText('Your drawing');
  const took = Date.now() - started;
  expect(await shownColour(page, 128, 128)).toEqual([255, 255, 0]);
  expect(await shownColour(page, 122, 128)).toEqual([255, 255, 0]); // 23 px wide
  expect(await shownColour(page, 100, 128)).toEqual([0, 0, 0]);
  // 40 pointer moves with a 23-pixel brush on 65,536 pixels: well under a few seconds.
  expect(took).toBeLessThan(5000);
  await shot(page, 'own-input-big-256', page.locator('.pl-input-panel'));
});

test('a 152×152 model fills the panel’s slot too, and a click still finds its pixel', async ({
  page,
}) => {
  await openOwnModel(page, 'big-152');
  const canvas = inputCanvas(page);
  await expect(canvas).toHaveAccessibleName('Input image, 152 by 152 pixels, in colour');
  // Scaled up to the 224 px slot, smoothly (one pixel a cell would have filled two thirds of it).
  const box = await canvas.boundingBox();
  expect(box?.width).toBeCloseTo(224, 0);
  await expect(canvas.locator('canvas')).toHaveCSS('image-rendering', 'auto');
  // With no gallery of its own it opens on the brush: select, then click one pixel.
  await tool(page, 'Select');
  const at = await cellPoint(page, 152, 100, 37);
  expect(new URL(page.url()).searchParams.get('px')).not.toBe('100,37');
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => new URL(page.url()).searchParams.get('px')).toBe('100,37');
  await shot(page, 'own-input-big-152', page.locator('.pl-input-panel'));
});

test('an RGB model’s own gallery shows colour thumbnails, and a pick becomes the input', async ({
  page,
}) => {
  // Four solid-colour 32×32 samples beside the model: red, green, blue, yellow.
  const colours = [
    [255, 0, 0],
    [0, 255, 0],
    [0, 0, 255],
    [255, 255, 0],
  ];
  const bytes = Buffer.alloc(colours.length * 32 * 32 * 3);
  colours.forEach((rgb, i) => {
    for (let p = 0; p < 32 * 32; p++) bytes.set(rgb, (i * 32 * 32 + p) * 3);
  });
  const meta = {
    dataset: 'colours',
    count: 4,
    height: 32,
    width: 32,
    channels: 3,
    classNames: readFileSync(join(MODELS, 'rgb-32', 'labels.txt'), 'utf8')
      .trim()
      .split('\n'),
    labels: [0, 1, 2, 3],
  };
  await serveOwnModels(page);
  await page.route('**/own-models/rgb-32/samples.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(meta) }),
  );
  await page.route('**/own-models/rgb-32/samples.bin', (route) =>
    route.fulfill({ contentType: 'application/octet-stream', body: bytes }),
  );
  const app = new AppPage(page);
  await app.open({ modelUrl: 'own-models/rgb-32/model.json' });
  await app.waitForModel();

  // A thumbnail is a picture drawn once (SampleThumb.tsx): read a pixel back from the decoded image.
  const thumbColour = (index: number) =>
    app
      .thumb(index)
      .locator('img')
      .evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return [...ctx.getImageData(5, 5, 1, 1).data];
      });
  await expect(app.thumb(3)).toBeVisible();
  expect(await thumbColour(0)).toEqual([255, 0, 0, 255]);
  expect(await thumbColour(2)).toEqual([0, 0, 255, 255]);
  await app.thumb(3).click();
  await expect(app.inputCaption).toHaveText(/^Sample 3/);
  expect(await shownColour(page, 10, 10)).toEqual([255, 255, 0]);
  await shot(page, 'own-input-rgb-gallery', app.gallery);
});
