// Failures are explained and contained: the page never goes blank, and what still works keeps
// working (the gallery and the input without a model; the model without a gallery).
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { PathwayPage } from './pages/pathway-page';

// A model the user opens (here from the link) that fails gives way to the built-in one, with the
// reason (src/app/session/model-loader.ts); only a failing built-in model leaves none.
test('a missing custom model says what failed and the built-in model takes over', async ({
  page,
}) => {
  const app = new AppPage(page);
  const notice = page.locator('[data-notice-id="open-model"]');
  await app.open({ modelUrl: 'models/missing/model.json' });
  await expect(notice).toContainText('could not be loaded');
  await expect(notice).toContainText('models/missing/model.json');
  await expect(notice).toContainText('Showing the MNIST model instead.');
  await app.waitForModel();
  await expect(app.error).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'MNIST', exact: true })).toBeChecked();
  await expect(page).not.toHaveURL(/modelUrl/);
  await app.pickSample(3);
  await expect(app.inputCaption).toHaveText(/^Sample 3 · label/);
  expect(await app.predictedClassFor(3)).toBeGreaterThanOrEqual(0);
});

test('a model with the wrong shape is rejected with the reason', async ({ page }) => {
  // A valid Keras model (Dense 5 → 3 with its 18 weights), just not one for 28×28 images.
  await page.route('**/models/wrong/weights.bin', (route) =>
    route.fulfill({ contentType: 'application/octet-stream', body: Buffer.alloc(18 * 4) }),
  );
  await page.route('**/models/wrong/model.json', async (route) => {
    const topology = {
      class_name: 'Sequential',
      config: {
        name: 'wrong',
        layers: [
          {
            class_name: 'Dense',
            config: { name: 'd', units: 3, batch_input_shape: [null, 5], activation: 'linear' },
          },
        ],
      },
    };
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        format: 'layers-model',
        modelTopology: topology,
        weightsManifest: [
          {
            paths: ['weights.bin'],
            weights: [
              { name: 'd/kernel', shape: [5, 3], dtype: 'float32' },
              { name: 'd/bias', shape: [3], dtype: 'float32' },
            ],
          },
        ],
      }),
    });
  });
  const app = new AppPage(page);
  await app.open({ modelUrl: 'models/wrong/model.json' });
  const notice = page.locator('[data-notice-id="open-model"]');
  await expect(notice).toContainText('input shape is [?, 5]');
  await app.waitForModel();
});

test('a cross-origin model URL is not fetched until the user agrees', async ({ page }) => {
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) external.push(r.url());
  });
  const app = new AppPage(page);
  await app.open({ modelUrl: 'https://evil.example/model.json' });
  const prompt = page.getByTestId('remote-model-prompt');
  await expect(prompt).toContainText('This link opens a model from evil.example. Load it?');
  await app.waitForModel();
  await prompt.getByRole('button', { name: 'Use the built-in model' }).click();
  await expect(prompt).toBeHidden();
  expect(external).toEqual([]);
  // A scheme other than http(s) is refused outright.
  await app.open({ modelUrl: 'javascript:alert(1)' });
  await expect(app.notices).toContainText('modelUrl value');
  await expect(app.notices).toContainText('was ignored');
});

test('hostile link values are shown as text, never as markup', async ({ page }) => {
  const app = new AppPage(page);
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await app.open({ model: hostile, sample: '99999' });
  await expect(app.notices).toContainText('model value');
  await expect(app.notices).toContainText('<img src=x');
  await expect(app.notices).toContainText('Sample 99999 does not exist');
  await app.waitForModel();
  expect(await page.locator('.notices img').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page).toHaveURL(/model=mnist/);
});

test('a link with many bad values names every one of them in one notice', async ({ page }) => {
  const bad: Record<string, string> = {
    backend: 'quantum',
    prune: 'top8;drop',
    pool: 'SHOW',
    dense: '0',
    rank: '__proto__',
    step: '1e3',
    mode: 'LECTURE',
    embed: 'true',
    hide: 'gallery,unknown',
    an: '<b>x</b>',
    eps: '0.9',
    atk: 'pgd',
    patch: '1,2',
    shift: '99,0',
  };
  const app = new AppPage(page);
  await app.open({ sample: '3', ...bad });
  await expect(app.linkNotice).toHaveCount(1);
  for (const [key, value] of Object.entries(bad)) {
    await expect(app.linkNotice).toContainText(`The link's ${key} value ${JSON.stringify(value)}`);
  }
  // The address bar is rewritten from the defaults; the good value stays.
  await expect.poll(() => [...app.linkParams().keys()].sort().join(',')).toBe('model,px,sample');
  await app.waitForModel();
  await expect(app.linkNotice).toHaveCount(1);
});

test('a broken sample file leaves the model working', async ({ page }) => {
  await page.route('**/samples/mnist.bin', (route) =>
    route.fulfill({ contentType: 'application/octet-stream', body: Buffer.alloc(100) }),
  );
  const app = new AppPage(page);
  await app.open();
  await expect(page.getByTestId('gallery-error')).toContainText('100 bytes');
  await app.waitForModel();
  await app.expectBackend('wasm');
});

test('a huge link (every field oversized, 10 kB: most servers refuse more) opens the defaults and names each field', async ({
  page,
}) => {
  const huge = (c: string) => c.repeat(1_000);
  const fields = ['model', 'sample', 'px', 'img', 'class', 'map', 'pin', 'prune', 'tgt', 'shift'];
  const app = new PathwayPage(page);
  await app.open({ backend: 'wasm', ...Object.fromEntries(fields.map((k) => [k, huge('9')])) });
  await expect(app.linkNotice).toHaveCount(1);
  for (const key of fields) {
    // Named, with the value clipped so the notice stays readable.
    await expect(app.linkNotice).toContainText(`The link's ${key} value "9999999999`);
  }
  expect(((await app.linkNotice.textContent()) ?? '').length).toBeLessThan(3_000);
  await app.waitForModel();
  await app.waitForLive();
  await app.clickPixel(15, 17);
  await app.waitForLive([15 * 28 + 17]);
  expect(page.url().length).toBeLessThan(2_000);
});
