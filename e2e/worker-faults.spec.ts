// A model worker that closes itself, spins in a loop or dies in the middle of a query is noticed
// within seconds (its heartbeat stops; src/worker/client.ts), restarted with the model reloaded,
// and the newest request is answered: the user's click still draws its Sankey.
import { expect, test, type Page, type Worker } from '@playwright/test';
import { PathwayPage } from './pages/pathway-page';

/** Detection (5 s of silence) + restart + model reload, with room for a loaded CI machine. */
const RECOVERY_MS = 20_000;

async function openLive(page: Page): Promise<{ app: PathwayPage; worker: Worker }> {
  const app = new PathwayPage(page);
  await app.open({ backend: 'wasm' });
  await app.waitForModel();
  await app.waitForLive();
  // The session's model worker is the first one the page started.
  const worker = page.workers()[0];
  if (!worker) throw new Error('the model runs in a worker');
  return { app, worker };
}

async function expectRecovered(app: PathwayPage, started: number): Promise<void> {
  await expect(app.notices).toContainText('no sign of life', { timeout: RECOVERY_MS });
  await expect(app.notices).toContainText('restarted');
  // The notice came well before the 60 s request timeout that used to be the only way out.
  expect(Date.now() - started).toBeLessThan(RECOVERY_MS);
}

test('a worker that closes itself is replaced, and the next click is answered', async ({
  page,
}) => {
  const { app, worker } = await openLive(page);
  const started = Date.now();
  await worker.evaluate(() => setTimeout(() => self.close(), 0));
  await app.clickPixel(14, 14);
  await expectRecovered(app, started);
  await app.waitForLive([14 * 28 + 14]);
  await expect(app.sankey.locator('rect').first()).toBeVisible();
});

test('a worker that hangs mid-query is replaced and the query is answered', async ({ page }) => {
  const { app, worker } = await openLive(page);
  const started = Date.now();
  // Spins forever on the next message, before the engine sees it: a hung engine.
  await worker.evaluate(() => {
    self.onmessage = () => {
      for (;;);
    };
  });
  await app.clickPixel(12, 16);
  await expectRecovered(app, started);
  await app.waitForLive([12 * 28 + 16]);
  // Still answering afterwards, on the fresh worker.
  await app.clickPixel(15, 17);
  await app.waitForLive([15 * 28 + 17]);
});

test('a worker killed right after a click is replaced and that click is answered', async ({
  page,
}) => {
  const { app, worker } = await openLive(page);
  const started = Date.now();
  // Dies on the next message, before it can answer it: killed mid-query.
  await worker.evaluate(() => {
    self.onmessage = () => self.close();
  });
  await app.clickPixel(16, 15);
  await expectRecovered(app, started);
  await app.waitForLive([16 * 28 + 15]);
});
