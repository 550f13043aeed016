// Threaded WASM (docs/hosting.md, docs/benchmarks.md): the production build is served cross-origin
// isolated, the badge says how many threads the WASM backend runs on, and a forced threaded
// backend starts and draws the live Sankey in the MINIFIED build (tfjs's pthread workers once
// died there with a ReferenceError and the backend waited for ever: vite/tfjs-threads-plugin.ts).
import { expect, test } from '@playwright/test';
import { PathwayPage } from './pages/pathway-page';

test('the page is cross-origin isolated and the badge names the WASM threads', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await app.expectBackend('wasm');
  const threads = Number(await app.backend.getAttribute('data-threads'));
  expect(threads).toBeGreaterThanOrEqual(1);
  await expect(app.backend).toContainText(threads === 1 ? 'WASM · 1 thread' : `${threads} threads`);
  await expect(app.backend).toHaveAttribute('title', /WASM threads: \d/);
});

test('?threads=2 starts the threaded binary and draws the live Sankey', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (/worker sent an error/.test(m.text())) errors.push(m.text());
  });
  const app = new PathwayPage(page);
  await app.open({ threads: '2' });
  await app.expectBackend('wasm');
  await expect(app.backend).toHaveAttribute('data-threads', '2');
  await expect(app.backend).toContainText('WASM · 2 threads');
  await app.waitForLive();
  expect(await app.maxImbalance()).toBeLessThan(1e-4);
  expect(errors).toEqual([]);
});

test('?threads=1 keeps the single-threaded binary and says why', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ threads: '1' });
  await app.expectBackend('wasm');
  await expect(app.backend).toContainText('WASM · 1 thread');
  await expect(app.backend).toHaveAttribute('title', /single thread requested/);
});
