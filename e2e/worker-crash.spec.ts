// A crashed model worker is restarted with a visible notice, the model is re-loaded, and the
// page keeps answering.
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('the worker restarts after a crash and the model is reloaded', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ sample: '0' });
  await app.waitForModel();
  await app.predictedClassFor(0);

  const [worker] = page.workers();
  expect(worker, 'the model runs in a worker').toBeDefined();
  const restarted = page.waitForEvent('worker');
  // An uncaught error inside the worker: what a real crash looks like to the page.
  await worker?.evaluate(() => {
    setTimeout(() => {
      throw new Error('test crash');
    }, 0);
  });
  await restarted;
  await expect(app.notices).toContainText('was restarted; the model was reloaded');
  await expect(app.notices).toContainText('test crash');

  // Recovery: the fresh worker answers new requests.
  await app.pickSample(60);
  expect(await app.predictedClassFor(60)).toBeGreaterThanOrEqual(0);
  await app.expectBackend('wasm');
});
