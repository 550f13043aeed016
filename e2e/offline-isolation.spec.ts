// Cross-origin isolation on a static host that sends no headers (docs/hosting.md, "Cross-origin
// isolation"): the site's own service worker adds COOP/COEP to what it serves
// (src/offline/sw/isolation.ts), and a first visit that would gain WASM threads reloads ONCE when
// the worker is active (src/offline/isolation-reload.ts), after which it is isolated and runs the
// threaded binary. A visit that would gain nothing, or whose visitor already touched the page,
// is left alone. The host is the sub-path server of e2e/offline.spec.ts (no headers at all).
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSubpathServer, type SubpathServer } from './fixtures/subpath-server';
import { PathwayPage } from './pages/pathway-page';

const DIST = resolve(process.env.E2E_DIST ?? 'dist');

let server: SubpathServer;

test.beforeEach(async () => {
  server = await startSubpathServer(DIST, '/project/');
});

test.afterEach(async () => {
  await server.close();
});

/** Counts the page's document loads: the first one and every reload (not history updates). */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('load', () => (loads += 1));
  return () => loads;
}

const isolated = (page: Page) => page.evaluate(() => crossOriginIsolated).catch(() => null);

/** Resolves once this page's scope has an active service worker. */
async function workerActive(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

test('a first visit that gains threads reloads once, isolated by the service worker', async ({
  page,
}) => {
  const loads = countLoads(page);
  const app = new PathwayPage(page);
  // Two threads asked for: isolation gains something even on a 2-core machine.
  await page.goto(`${server.url}?sample=3&threads=2`);
  // The host sent no headers, so the first load is not isolated; once the service worker is
  // active the page reloads through it, and is.
  await expect.poll(() => isolated(page), { timeout: 60_000 }).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await app.expectBackend('wasm');
  await expect(app.backend).toHaveAttribute('data-threads', '2');
  await expect(app.backend).toContainText('WASM · 2 threads');
  await app.waitForLive();
  expect(await app.maxImbalance()).toBeLessThan(1e-4);
  // Exactly one reload, and none after it (the sessionStorage guard; the reloaded page is
  // controlled, so it would not reload anyway).
  await page.waitForTimeout(1500);
  expect(loads()).toBe(2);
  expect(
    await page.evaluate(() => sessionStorage.getItem('pathway-lens:isolation-reload')),
  ).not.toBeNull();
  // The next visit is served by the worker: isolated from the start, no reload.
  await page.reload();
  await app.expectBackend('wasm');
  expect(await isolated(page)).toBe(true);
  await page.waitForTimeout(1500);
  expect(loads()).toBe(3);
});

test('a visit that would not gain threads is not reloaded', async ({ page }) => {
  const loads = countLoads(page);
  const app = new PathwayPage(page);
  await page.goto(`${server.url}?sample=3&threads=1`);
  await app.expectBackend('wasm');
  await workerActive(page);
  await page.waitForTimeout(1500);
  expect(loads()).toBe(1);
  expect(await isolated(page)).toBe(false);
  await expect(app.backend).toContainText('WASM · 1 thread');
});

test('a visitor who already touched the page is not interrupted by a reload', async ({ page }) => {
  const loads = countLoads(page);
  const app = new PathwayPage(page);
  await page.goto(`${server.url}?sample=3&threads=2`, { waitUntil: 'domcontentloaded' });
  // Any key press before the worker is active counts (the worker registers after the load).
  await page.keyboard.press('Shift');
  await workerActive(page);
  await page.waitForTimeout(1500);
  expect(loads()).toBe(1);
  expect(await isolated(page)).toBe(false);
  await app.expectBackend('wasm');
  await expect(app.backend).toHaveAttribute('title', /not cross-origin isolated/);
});
