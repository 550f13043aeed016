// Hosting and offline use (docs/hosting.md): after one visit the service worker has the whole
// site, so the app starts and predicts with the network off; the build works from a sub-path; and
// no request, the service worker's own included, ever leaves the site (its origin and folder).
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { referencePredictions, type SampleTruth } from './fixtures/oracle';
import { startSubpathServer } from './fixtures/subpath-server';
import { AppPage } from './pages/app-page';

let mnist: SampleTruth[] = [];
let fashion: SampleTruth[] = [];

test.beforeAll(async () => {
  mnist = await referencePredictions('mnist', [3, 60]);
  fashion = await referencePredictions('fashion', [5]);
});

function sample(list: SampleTruth[], i: number): SampleTruth {
  const found = list[i];
  if (!found) throw new Error(`no reference prediction ${i}`);
  return found;
}

/** Every URL the context asks for: pages, the model worker and the service worker alike. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Requests that are neither under `site` nor local (data:, blob:). */
function outside(urls: string[], site: string): string[] {
  return urls.filter((u) => !u.startsWith(site) && !/^(data|blob):/.test(u));
}

/** Waits until the service worker has stored the site and is active; returns its scope. */
async function waitForOfflineCopy(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) => {
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
        });
      });
    }
    return registration.scope;
  });
}

async function expectPrediction(app: AppPage, truth: SampleTruth): Promise<void> {
  // Right after a model switch the model can be ready before its gallery has drawn (the samples
  // file comes after model.json): wait until the gallery shows the sample or offers to show all,
  // or pickSample mistakes "not drawn yet" for "hidden" and waits for a button that is not there.
  const shown = app.thumb(truth.index).or(app.gallery.getByRole('button', { name: /^Show all/ }));
  await expect(shown.first()).toBeVisible();
  await app.pickSample(truth.index);
  expect(await app.predictedClassFor(truth.index), `sample ${truth.index}`).toBe(truth.predicted);
}

test('after one visit the app starts and predicts offline, both models', async ({
  page,
  context,
  baseURL,
}) => {
  const site = new URL('./', baseURL).href;
  const urls = recordRequests(context);
  const app = new AppPage(page);
  await app.open({ sample: String(sample(mnist, 0).index) });
  await app.waitForModel();
  expect(await app.predictedClassFor(sample(mnist, 0).index)).toBe(sample(mnist, 0).predicted);
  expect(await waitForOfflineCopy(page)).toBe(site);

  await context.setOffline(true);
  const fromNetwork: string[] = [];
  page.on('response', (r) => {
    if (!r.fromServiceWorker()) fromNetwork.push(r.url());
  });
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await app.expectBackend('wasm');
  await app.waitForModel();
  expect(await app.predictedClassFor(sample(mnist, 0).index)).toBe(sample(mnist, 0).predicted);
  await expectPrediction(app, sample(mnist, 1));
  // The second shipped model and its gallery were stored too.
  await page.getByRole('radio', { name: 'Fashion-MNIST' }).check();
  await app.waitForModel();
  await expectPrediction(app, sample(fashion, 0));

  expect(fromNetwork.filter((u) => !u.startsWith('data:'))).toEqual([]);
  expect(outside(urls, site)).toEqual([]);
});

test('from a sub-path: everything resolves under it, online and with the host gone', async ({
  page,
  context,
}) => {
  const server = await startSubpathServer(join(process.cwd(), 'dist'), '/project/');
  let running = true;
  try {
    const urls = recordRequests(context);
    const app = new AppPage(page);
    // One WASM thread: this host sends no isolation headers, and a first visit that would gain
    // threads reloads once when the service worker is active (e2e/offline-isolation.spec.ts
    // tests that), which would race this test's steps on a machine with 4 or more cores.
    await page.goto(`${server.url}?sample=${sample(mnist, 0).index}&threads=1`);
    await app.expectBackend('wasm');
    await app.waitForModel();
    expect(await app.predictedClassFor(sample(mnist, 0).index)).toBe(sample(mnist, 0).predicted);
    // The service worker lives in the folder and controls only it.
    expect(await waitForOfflineCopy(page)).toBe(server.url);

    // The host disappears: from now on only the service worker's copy can answer.
    await server.close();
    running = false;
    await context.setOffline(true);
    await page.reload();
    await app.expectBackend('wasm');
    await app.waitForModel();
    await expectPrediction(app, sample(mnist, 1));
    await page.getByRole('radio', { name: 'Fashion-MNIST' }).check();
    await app.waitForModel();
    await expectPrediction(app, sample(fashion, 0));

    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.filter((path) => !path.startsWith('/project/'))).toEqual([]);
    expect(outside(urls, server.url)).toEqual([]);
  } finally {
    if (running) await server.close();
  }
});
