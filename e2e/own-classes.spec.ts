// Class names, the class panel and the analyses for the user's own models (e2e/fixtures/models,
// made by scripts/make-model-fixtures.ts): rgb-32 (32×32 RGB, 12 classes named in labels.txt)
// with a small sample set, and grey-20 (20×20 grey, 4 classes named in model.json's metadata)
// without one. The built site does not hold the fixtures, so the page's requests for
// own-models/<name>/<file> are answered from that folder here (same origin, as ?modelUrl needs).
// Screenshots go to $E2E_SHOTS (default test-results/e2e)/own-classes-*.png.
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

const FIXTURES = join('e2e', 'fixtures', 'models');
const SHOTS = process.env['E2E_SHOTS'] ?? join('test-results', 'e2e');
const shotPath = (name: string) => join(SHOTS, `own-classes-${name}.png`);
const RGB_NAMES = 'apple boat cloud daisy eagle fern guitar house island jacket kite lamp'.split(
  ' ',
);

/**
 * A sample set for rgb-32 (samples.json + samples.bin, src/model/samples.ts): two images per
 * class, each a coloured square on black whose colour and place depend on the class, so every
 * image has colour and non-zero pixels to attack, occlude and shift.
 */
function rgbSampleSet(): { meta: object; bin: Buffer } {
  const [H, W, C] = [32, 32, 3];
  const perClass = 2;
  const count = RGB_NAMES.length * perClass;
  const bin = Buffer.alloc(count * H * W * C);
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = i % RGB_NAMES.length;
    labels.push(label);
    const colour = [(label * 97) % 256, (label * 53 + 80) % 256, (label * 31 + 160) % 256];
    const top = 4 + ((label * 5 + i) % 14);
    const left = 4 + ((label * 3) % 14);
    for (let r = top; r < top + 12; r++) {
      for (let c = left; c < left + 12; c++) {
        for (let k = 0; k < C; k++) bin[((i * H + r) * W + c) * C + k] = colour[k]!;
      }
    }
  }
  const meta = {
    dataset: 'rgb-32 test squares',
    count,
    height: H,
    width: W,
    channels: C,
    classNames: RGB_NAMES,
    labels,
  };
  return { meta, bin };
}

/** The name of class c of the 1,000-class model (one far too long for the table's column). */
const manyName = (c: number) =>
  c === 777 ? 'a remarkably long class name that no table column could hold' : `species ${c}`;

/**
 * A 1,000-class model made from grey-20 (its convolutions, a new seeded logits layer of 1,000
 * units, names in its metadata): the largest class count the app is built for.
 */
async function thousandClassModel(): Promise<{ json: string; bin: Buffer }> {
  const dir = join(FIXTURES, 'grey-20');
  const model = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  const K = 1000;
  const layers = model.modelTopology.config.layers as Array<{
    config: { name: string; units?: number };
  }>;
  layers.find((l) => l.config.name === 'logits')!.config.units = K;
  for (const w of model.weightsManifest[0].weights as Array<{ name: string; shape: number[] }>) {
    if (w.name === 'logits/kernel') w.shape = [150, K];
    if (w.name === 'logits/bias') w.shape = [K];
  }
  model.userDefinedMetadata = { classNames: Array.from({ length: K }, (_, c) => manyName(c)) };
  const convBytes = (36 + 4 + 216 + 6) * 4;
  const convs = (await readFile(join(dir, 'group1-shard1of1.bin'))).subarray(0, convBytes);
  const logits = seededWeights(150 * K + K);
  return { json: JSON.stringify(model), bin: Buffer.concat([convs, Buffer.from(logits.buffer)]) };
}

/**
 * A 128×128 RGB model made from rgb-32 (its convolutions; a new seeded logits layer for the
 * 32×32×8 maps the larger input gives): large maps, for the feature maps and the relevance map.
 */
async function largeInputModel(): Promise<{ json: string; bin: Buffer }> {
  const dir = join(FIXTURES, 'rgb-32');
  const model = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  const layers = model.modelTopology.config.layers as Array<{
    config: { batch_input_shape?: number[] };
  }>;
  layers[0]!.config.batch_input_shape = [null as unknown as number, 128, 128, 3];
  const flat = 32 * 32 * 8;
  for (const w of model.weightsManifest[0].weights as Array<{ name: string; shape: number[] }>) {
    if (w.name === 'logits/kernel') w.shape = [flat, 12];
  }
  const convBytes = (108 + 4 + 288 + 8) * 4;
  const convs = (await readFile(join(dir, 'group1-shard1of1.bin'))).subarray(0, convBytes);
  return {
    json: JSON.stringify(model),
    bin: Buffer.concat([convs, Buffer.from(seededWeights(flat * 12 + 12).buffer)]),
  };
}

/** Small reproducible weights in [−0.2, 0.2] (a linear congruential generator). */
function seededWeights(count: number): Float32Array {
  const out = new Float32Array(count);
  let seed = 7;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out[i] = (seed / 2147483648 - 0.5) * 0.4;
  }
  return out;
}

/** Serves own-models/<name>/<file> from the fixtures (and rgb-32's sample set); else 404. */
async function serveOwnModels(page: Page, withSamples: boolean): Promise<void> {
  const samples = rgbSampleSet();
  const derived: Record<string, { json: string; bin: Buffer }> = {
    'classes-1000': await thousandClassModel(),
    'rgb-128': await largeInputModel(),
  };
  await page.route('**/own-models/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const [, name, file] = /\/own-models\/([\w-]+)\/([\w.-]+)$/.exec(path) ?? [];
    const made = name ? derived[name] : undefined;
    if (made && file === 'model.json') {
      return route.fulfill({ contentType: 'application/json', body: made.json });
    }
    if (made && file === 'group1-shard1of1.bin') {
      return route.fulfill({ contentType: 'application/octet-stream', body: made.bin });
    }
    if (withSamples && name === 'rgb-32' && file === 'samples.json') {
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify(samples.meta) });
    }
    if (withSamples && name === 'rgb-32' && file === 'samples.bin') {
      return route.fulfill({ contentType: 'application/octet-stream', body: samples.bin });
    }
    const body = name && file ? await readFile(join(FIXTURES, name, file)).catch(() => null) : null;
    if (!body) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    const type = file!.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return route.fulfill({ contentType: type, body });
  });
}

async function openOwnModel(
  page: Page,
  name: string,
  params: Record<string, string> = {},
  withSamples = true,
): Promise<AppPage> {
  await serveOwnModels(page, withSamples);
  const app = new AppPage(page);
  await app.open({ modelUrl: `own-models/${name}/model.json`, backend: 'wasm', ...params });
  await app.waitForModel();
  return app;
}

/** Without a sample set the input is the canvas: one brush stroke across its side × side cells. */
async function drawStroke(page: Page, side: number): Promise<void> {
  const canvas = page.getByRole('application', { name: /^Input image/ });
  const box = (await canvas.boundingBox())!;
  const cell = (row: number, col: number) => ({
    x: box.x + ((col + 0.5) * box.width) / side,
    y: box.y + ((row + 0.5) * box.height) / side,
  });
  const [from, to] = [cell(side / 4, side / 5), cell((side * 3) / 4, (side * 3) / 4)];
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

function classPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Classes' });
}

/** The colours a canvas shows: true when some pixel is clearly not grey. */
async function hasColour(canvas: Locator): Promise<boolean> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!data) return false;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) return true;
    }
    return false;
  });
}

test('an RGB model with 12 classes: top 10, the other two, search that chooses the target', async ({
  page,
}) => {
  await openOwnModel(page, 'rgb-32');
  const panel = classPanel(page);
  const table = panel.getByRole('group', { name: 'Classes' });
  // The names come from labels.txt: ten rows and one "other" row, never twelve buttons.
  await expect(table.locator('button.pl-class-row')).toHaveCount(10);
  await expect(panel.getByTestId('class-other')).toContainText('other (2 classes)');
  const shown = await table.locator('button.pl-class-row .pl-class-label').allTextContents();
  for (const name of shown) expect(RGB_NAMES).toContain(name);

  // A class outside the top ten, found by name and chosen with the keyboard.
  const all = new Set(shown);
  const hidden = RGB_NAMES.find((n) => !all.has(n))!;
  const index = RGB_NAMES.indexOf(hidden);
  const search = panel.getByRole('combobox', { name: 'Find a class' });
  await search.fill(hidden.slice(0, 3));
  await expect(panel.getByRole('listbox')).toBeVisible();
  await expect(panel.getByRole('option').first()).toContainText(hidden);
  // The open search and the table have no serious accessibility violations (axe).
  const axe = await new AxeBuilder({ page }).include('.column-classes').analyze();
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
  await search.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-activedescendant', /option-0$/);
  await search.press('Enter');
  await expect(panel.getByRole('listbox')).toBeHidden();
  // The chosen class stays in the table (as an extra row), and it is the Sankey's target now.
  const chosen = table.locator(`button[data-class-index="${index}"]`);
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  await expect(chosen).toHaveClass(/pl-class-pinned/);
  await expect(panel.getByTestId('class-other')).toContainText('other (1 classes)');
  await expect(page.getByTestId('sankey-class')).toHaveValue(String(index));
  await expect(page).toHaveURL(new RegExp(`class=${index}\\b`));
  await expect(
    panel.getByRole('heading', { name: `Which pixels speak for “${hidden}”?` }),
  ).toBeVisible();

  // Search by number, with the mouse.
  await search.fill('11');
  await panel.getByRole('option', { name: /lamp/ }).click();
  await expect(page.getByTestId('sankey-class')).toHaveValue('11');

  // The relevance map lies over the image in colour.
  const map = panel.getByTestId('relevance-map');
  await expect(map).toHaveAttribute('data-underlay', 'colour');
  expect(await hasColour(map.locator('canvas'))).toBe(true);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: shotPath('panel') });
});

test('occlusion and the attack run on the RGB model, shown in colour', async ({ page }) => {
  await openOwnModel(page, 'rgb-32', { an: 'occlusion' });
  const area = page.getByTestId('analyses');
  // The patch scales with the 32-pixel side (9 cells at first, at most 16).
  const size = area.getByTestId('patch-size');
  await expect(size).toHaveValue('9');
  await expect(size).toHaveAttribute('max', '16');
  await expect(area.getByTestId('run-occlusion')).toHaveAttribute('data-status', 'done', {
    timeout: 45_000,
  });
  await expect(area.getByTestId('occlusion-facts')).toContainText(/Intact .*·/);
  await expect(area.getByTestId('occlusion-table').locator('tbody tr').first()).toBeVisible();
  expect(await hasColour(area.getByTestId('patch-editor').locator('canvas'))).toBe(true);
  await area.scrollIntoViewIfNeeded();
  await area.screenshot({ path: shotPath('occlusion') });

  await area.getByRole('tab', { name: /^Adversarial/ }).click();
  await expect(area.getByTestId('run-attack')).toHaveAttribute('data-status', 'done', {
    timeout: 45_000,
  });
  for (const card of ['attack-original', 'attack-attacked', 'attack-natural']) {
    await expect(area.getByTestId(card)).toContainText(/predicted \S+/);
    expect(await hasColour(area.getByTestId(card).locator('canvas'))).toBe(true);
  }
  // The target picker names the model's classes.
  await expect(area.getByTestId('attack-target').locator('option')).toHaveCount(12);
  await expect(area.getByTestId('attack-target').locator('option').nth(10)).toHaveText(/kite/);
  await area.screenshot({ path: shotPath('attack') });

  // The population analyses run on the model's own RGB sample set (two images per class here).
  await area.getByRole('tab', { name: /^Consistency/ }).click();
  await area.getByTestId('sample-set-run').click();
  await expect(area.getByTestId('run-sampleSet')).toHaveAttribute('data-status', 'done', {
    timeout: 45_000,
  });
  await expect(area.getByTestId('consistency-table').locator('tbody tr')).toHaveCount(5);
  await expect(area).toContainText('over 24 images');
});

test('a grey model named in its metadata, without a sample set, says so', async ({ page }) => {
  await openOwnModel(page, 'grey-20', { an: 'consistency' }, false);
  await drawStroke(page, 20);
  const panel = classPanel(page);
  const table = panel.getByRole('group', { name: 'Classes' });
  // Four classes: every one has a row, in class order, and there is no search.
  await expect(table.locator('button.pl-class-row .pl-class-label')).toHaveText([
    'circle',
    'square',
    'triangle',
    'cross',
  ]);
  await expect(panel.getByRole('combobox')).toHaveCount(0);
  await expect(panel.getByTestId('relevance-map')).toHaveAttribute('data-underlay', 'grey');

  const area = page.getByTestId('analyses');
  await expect(area.getByTestId('no-sample-set')).toContainText('This model has no sample set');
  await area.getByRole('tab', { name: /^Adversarial/ }).click();
  await expect(area.getByTestId('attack-blocked')).toContainText('This model has no sample set');
  await area.scrollIntoViewIfNeeded();
  await area.screenshot({ path: shotPath('no-samples') });
});

test('1,000 classes: a few rows, any class found and chosen at once', async ({ page }) => {
  await openOwnModel(page, 'classes-1000', {}, false);
  await drawStroke(page, 20);
  const panel = classPanel(page);
  const table = panel.getByRole('group', { name: 'Classes' });
  await expect(table.locator('button.pl-class-row')).toHaveCount(10);
  await expect(panel.getByTestId('class-other')).toContainText('other (990 classes)');
  // The panel stays small: no element per class anywhere in it.
  expect(await panel.locator('*').count()).toBeLessThan(400);

  const search = panel.getByRole('combobox', { name: 'Find a class' });
  await search.fill('remarkably');
  await expect(panel.getByRole('option')).toHaveCount(1);
  const started = Date.now();
  await search.press('Enter');
  const chosen = table.locator('button[data-class-index="777"]');
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  // Choosing re-renders the panel for 1,000 classes; it must feel immediate.
  expect(Date.now() - started).toBeLessThan(1500);
  await expect(chosen.locator('.pl-class-label')).toHaveAttribute('title', manyName(777));
  await expect(page.getByTestId('sankey-class')).toHaveValue('777');

  // Many matches are counted, and the list shows only the first few.
  await search.fill('species 1');
  await expect(panel.getByRole('option')).toHaveCount(8);
  await expect(panel.locator('.pl-class-search-status')).toContainText('111 classes match');
  await search.press('Escape');
  await expect(panel.getByRole('listbox')).toBeHidden();
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: shotPath('1000') });
});

test('a 128×128 RGB model: large maps fit their frames, with few axis labels, and redraw fast', async ({
  page,
}) => {
  await openOwnModel(page, 'rgb-128', {}, false);
  await drawStroke(page, 128);
  const panel = page.getByTestId('pathway-panel');
  await expect(panel).toHaveAttribute('data-origin', 'live', { timeout: 45_000 });

  // The relevance map fits the narrow column at its usual size.
  const map = classPanel(page).getByTestId('relevance-map');
  const plot = (await map.locator('.pl-heatmap-plot').boundingBox())!;
  expect(plot.width).toBeCloseTo(224, 0);
  await expect(map.locator('.pl-axis-top span')).toHaveText(['0', '32', '64', '96', '127']);

  // conv1's 128×128 maps: thumbnails drawn at 64 px, the large map with the same few labels.
  const maps = page.getByRole('region', { name: 'Feature maps' });
  // Thumbnails are painted once their strip is near the screen (MapStrip).
  await maps.scrollIntoViewIfNeeded();
  const thumb = maps.getByRole('button', { name: /^conv1 map 0\b/ }).locator('canvas');
  await expect(thumb).toBeVisible();
  expect((await thumb.boundingBox())!.width).toBeCloseTo(64, 0);
  await expect(thumb).toHaveCSS('image-rendering', 'auto');
  const large = maps.locator('.pl-map-view .pl-axis-top span');
  await expect(large).toHaveText(['0', '32', '64', '96', '127']);

  // Another pixel: the Sankey and the maps follow without a long wait.
  await page
    .getByRole('toolbar', { name: 'Input tools' })
    .getByRole('button', { name: 'Select' })
    .click();
  const canvas = page.getByRole('application', { name: /^Input image/ });
  const box = (await canvas.boundingBox())!;
  const started = Date.now();
  await page.mouse.click(box.x + (64.5 * box.width) / 128, box.y + (64.5 * box.height) / 128);
  await expect(panel).toHaveAttribute('data-pixels', String(64 * 128 + 64));
  await expect(panel).toHaveAttribute('data-origin', 'live');
  await expect(maps.locator('.pl-map-stats')).toContainText('Pathway size');
  const took = Date.now() - started;
  expect(took).toBeLessThan(10_000);
  test.info().annotations.push({
    type: 'click to live Sankey and maps, 128×128 RGB',
    description: `${took} ms`,
  });
  await maps.scrollIntoViewIfNeeded();
  await maps.screenshot({ path: shotPath('maps-128') });
});
