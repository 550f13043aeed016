// Picking gallery samples gives the same class as an independent Node evaluation of the same
// model, and the label for samples the model gets right. Runs on the automatic backend (WASM here).
import { expect, test } from '@playwright/test';
import { correctSamplesByClass, type SampleTruth } from './fixtures/oracle';
import { AppPage } from './pages/app-page';

let mnist: SampleTruth[] = [];
let mnistWrong: SampleTruth | undefined;

test.beforeAll(async () => {
  const m = await correctSamplesByClass('mnist', 1);
  mnist = m.picked;
  mnistWrong = m.all.find((t) => t.predicted !== t.label);
});

test('MNIST: one correctly classified sample of every class, on the automatic backend', async ({
  page,
}) => {
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('data:')) {
      external.push(r.url());
    }
  });
  const app = new AppPage(page);
  await app.open();
  // No hardware WebGPU adapter here, so the automatic choice is WASM.
  await app.expectBackend('wasm');
  await app.waitForModel();
  expect(mnist.length).toBeGreaterThanOrEqual(10);
  for (const sample of mnist) {
    await app.pickSample(sample.index);
    await expect(app.inputCaption).toHaveText(`Sample ${sample.index} · label ${sample.label}`);
    expect(await app.predictedClassFor(sample.index), `sample ${sample.index}`).toBe(sample.label);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-correct', 'true');
  }
  // The link follows the selection.
  await expect(page).toHaveURL(new RegExp(`sample=${mnist.at(-1)?.index}`));
  // Everything, the WASM binary included, came from this site.
  expect(external).toEqual([]);
});

test('MNIST: a misclassified sample says so', async ({ page }) => {
  test.skip(!mnistWrong, 'the model classifies every gallery sample correctly');
  const wrong = mnistWrong as SampleTruth;
  const app = new AppPage(page);
  await app.open({ sample: String(wrong.index) });
  await app.waitForModel();
  expect(await app.predictedClassFor(wrong.index)).toBe(wrong.predicted);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-correct', 'false');
});

test('main view screenshot at 1400×900', async ({ page }) => {
  const app = new AppPage(page);
  const sample = mnist.find((t) => t.label === 7) ?? mnist[0];
  await app.open({ sample: String(sample?.index ?? 0) });
  await app.waitForModel();
  await app.predictedClassFor(sample?.index ?? 0);
  await expect(app.pathwayView).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/main-view.png' });
  await page.setViewportSize({ width: 420, height: 900 });
  await page.screenshot({ path: 'test-results/e2e/main-view-narrow.png', fullPage: true });
});
