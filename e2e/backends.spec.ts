// The backend choice: forced backends are used (a forced WebGPU even on Chromium's software
// adapter), a bad value falls back with a notice, and the badge says what actually runs.
import { expect, test } from '@playwright/test';
import { referencePredictions, type SampleTruth } from './fixtures/oracle';
import { AppPage } from './pages/app-page';
import { PathwayPage } from './pages/pathway-page';

let truth: SampleTruth[] = [];

test.beforeAll(async () => {
  truth = await referencePredictions('mnist', [0, 137]);
});

test('?backend=wasm runs on WASM', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ backend: 'wasm' });
  await app.expectBackend('wasm');
  await app.waitForModel();
  for (const t of truth) {
    await app.pickSample(t.index);
    expect(await app.predictedClassFor(t.index)).toBe(t.predicted);
  }
  await expect(page).toHaveURL(/backend=wasm/);
});

test('?backend=webgpu uses WebGPU, even on a software adapter', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new PathwayPage(page);
  // tfjs-webgpu warns once when a kernel falls back to a synchronous GPU → CPU read (a rank ≥ 5
  // tile did, and it broke every later read in the worker on this adapter).
  const syncReads: string[] = [];
  page.on('console', (m) => {
    if (/synchronously reading data from GPU/.test(m.text())) syncReads.push(m.text());
  });
  const first = truth[0] as SampleTruth;
  // One tiny workload only: software WebGPU is slow.
  await app.open({ backend: 'webgpu', sample: String(first.index) });
  const hasAdapter = await page.evaluate(async () => {
    const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return Boolean(gpu && (await gpu.requestAdapter()));
  });
  await expect(app.backend).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  if (hasAdapter) {
    // Chromium here has only SwiftShader's fallback adapter: forced, it must still be used.
    await expect(app.backend).toHaveAttribute('data-backend', 'webgpu');
    await expect(app.notices).toHaveCount(0);
  } else {
    await expect(app.backend).toHaveAttribute('data-backend', 'wasm');
    await expect(app.notices).toContainText('requested WebGPU backend could not start');
  }
  await expect(app.modelStatus).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  expect(await app.predictedClassFor(first.index)).toBe(first.predicted);
  // The default pixel's live pathway query (gates, diffusion, gradients, chains) on this backend:
  // the Sankey is drawn, not an error, and its flows balance at every node.
  const live = app.panel.and(page.locator('[data-origin="live"][data-query-status="ready"]'));
  const failed = app.panel.getByRole('alert');
  await expect(live.or(failed)).toBeVisible({ timeout: 90_000 });
  await expect(failed).toBeHidden();
  await expect(app.sankey.locator('[data-node-id]').first()).toBeVisible();
  expect(await app.maxImbalance()).toBeLessThan(1e-4);
  expect(syncReads).toEqual([]);
});

test('the automatic choice skips a software WebGPU adapter', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.expectBackend('wasm');
  const title = await app.backend.getAttribute('title');
  expect(title).toMatch(/WebGPU: (no WebGPU adapter|only a software \(fallback\) WebGPU adapter)/);
});

test('an unknown ?backend value falls back to the automatic choice with a notice', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ backend: 'quantum' });
  await expect(app.notices).toContainText('backend value "quantum" was ignored');
  await app.expectBackend('wasm');
  await expect(page).not.toHaveURL(/backend=/);
});
