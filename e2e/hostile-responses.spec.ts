// Broken model, sample and precomputed responses (docs/reliability.md): each case renders the
// page, says what happened, and leaves it usable: a click (or the other model) draws a Sankey.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page, type Route } from '@playwright/test';
import { PathwayPage } from './pages/pathway-page';

const SHARD = 'public/models/mnist/group1-shard1of1.bin';
const html = (route: Route) =>
  route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Welcome</h1>' });

/** A click on an inked pixel of the default 7 draws a live Sankey for it. */
async function expectClickDraws(app: PathwayPage): Promise<void> {
  await app.clickPixel(15, 17);
  await app.waitForLive([15 * 28 + 17]);
  await expect(app.sankey.locator('rect').first()).toBeVisible();
}

/** The MNIST model is broken: the page says why, and Fashion-MNIST still works. */
async function expectModelRefused(page: Page, reason: RegExp): Promise<void> {
  const app = new PathwayPage(page);
  await app.open({ backend: 'wasm' });
  await expect(app.notices).toContainText('could not be loaded', { timeout: 45_000 });
  await expect(app.notices).toContainText(reason);
  await expect(app.modelStatus).toHaveAttribute('data-status', 'error');
  // The first-paint example does not pretend the live model is on its way.
  await expect(page.getByTestId('pathway-origin')).not.toContainText('loading');
  await page.getByRole('radio', { name: 'Fashion-MNIST' }).check();
  await app.waitForModel();
  await app.waitForLive();
  await app.clickPixel(14, 14);
  await app.waitForLive([14 * 28 + 14]);
}

test.describe('a broken MNIST model', () => {
  test('404', async ({ page }) => {
    await page.route('**/models/mnist/model.json', (r) => r.fulfill({ status: 404, body: '' }));
    await expectModelRefused(page, /404/);
  });

  test('an HTML page served as model.json', async ({ page }) => {
    await page.route('**/models/mnist/model.json', html);
    await expectModelRefused(page, /did not send a model.json/);
  });

  test('invalid JSON', async ({ page }) => {
    await page.route('**/models/mnist/model.json', (r) =>
      r.fulfill({ contentType: 'application/json', body: '{"modelTopology": [1, 2' }),
    );
    await expectModelRefused(page, /did not send a model.json/);
  });

  test('a truncated weight shard', async ({ page }) => {
    const bytes = await readFile(SHARD);
    await page.route('**/models/mnist/*.bin', (r) =>
      r.fulfill({ contentType: 'application/octet-stream', body: bytes.subarray(0, 1000) }),
    );
    await expectModelRefused(page, /weight files do not match model.json/);
  });

  test('a shard full of NaN', async ({ page }) => {
    const bytes = Buffer.from(await readFile(SHARD));
    new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).fill(NaN);
    await page.route('**/models/mnist/*.bin', (r) =>
      r.fulfill({ contentType: 'application/octet-stream', body: bytes }),
    );
    await expectModelRefused(page, /Layer “conv1_1” has a NaN weight/);
  });

  test('a download that never answers does not block the other model', async ({ page }) => {
    await page.route('**/models/mnist/*.bin', () => undefined); // never fulfilled
    const app = new PathwayPage(page);
    await app.open({ backend: 'wasm' });
    await expect(app.modelStatus).toHaveAttribute('data-status', 'loading');
    await page.getByRole('radio', { name: 'Fashion-MNIST' }).check();
    await app.waitForModel();
    await app.waitForLive();
    await app.clickPixel(14, 14);
    await app.waitForLive([14 * 28 + 14]);
  });
});

test.describe('a broken sample gallery', () => {
  for (const [name, fulfil] of [
    ['404', (r: Route) => r.fulfill({ status: 404, body: '' })],
    ['HTML', html],
    ['invalid JSON', (r: Route) => r.fulfill({ contentType: 'application/json', body: '{' })],
  ] as const) {
    test(`metadata: ${name}: draw on an empty canvas instead`, async ({ page }) => {
      await page.route('**/samples/mnist.json', fulfil);
      const app = new PathwayPage(page);
      await app.open({ backend: 'wasm' });
      await expect(page.getByTestId('gallery-error')).toContainText('could not be loaded');
      await expect(app.inputCaption).toContainText('Draw here with the Brush');
      await app.waitForModel();
      await app.drawStrokes([
        [
          [6, 14],
          [22, 14],
        ],
      ]);
      await expect(app.inputCaption).toHaveText('Your drawing');
      await app.tool('Select');
      await app.clickPixel(14, 14);
      await app.waitForLive([14 * 28 + 14]);
    });
  }
});

test.describe('a broken precomputed first paint', () => {
  for (const [name, fulfil] of [
    ['404', (r: Route) => r.fulfill({ status: 404, body: '' })],
    ['HTML', html],
    ['invalid JSON', (r: Route) => r.fulfill({ contentType: 'application/json', body: '[' })],
    [
      'numbers that overflow',
      async (r: Route) => {
        const text = await readFile('public/precomputed/mnist-default.json', 'utf8');
        await r.fulfill({
          contentType: 'application/json',
          body: text.replace(/"relevance":\s*(-?[\d.]+)/, '"relevance": 1e300'),
        });
      },
    ],
  ] as const) {
    test(`${name}: skipped with a notice, the live view follows`, async ({ page }) => {
      await page.route('**/precomputed/mnist-default.json', fulfil);
      const app = new PathwayPage(page);
      await app.open({ backend: 'wasm' });
      await expect(app.notices).toContainText('The precomputed example was skipped');
      await app.waitForModel();
      await app.waitForLive();
      await expectClickDraws(app);
      expect(await app.maxImbalance()).toBeLessThan(1e-4);
    });
  }
});

test('a gallery and an example that never answer do not hold the first render', async ({
  page,
}) => {
  // The first render waits for them briefly (src/app/session/view-data.ts), then draws without.
  await page.route('**/samples/mnist.bin', () => undefined);
  await page.route('**/precomputed/mnist-default.json', () => undefined);
  const app = new PathwayPage(page);
  await app.open({ backend: 'wasm' });
  await expect(page.getByRole('heading', { name: 'Test samples' })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByText('Loading samples…')).toBeVisible();
  await expect(page.getByText('Loading Pathway Lens…')).toHaveCount(0);
  // The model still loads; with no image yet, the brush is the way in.
  await app.waitForModel();
  await expect(app.modelStatus).toHaveAttribute('data-status', 'ready');
});
