// Fashion-MNIST through the model picker: predictions match an independent Node evaluation.
import { expect, test } from '@playwright/test';
import { correctSamplesByClass, type SampleTruth } from './fixtures/oracle';
import { AppPage } from './pages/app-page';

let fashion: SampleTruth[] = [];

test.beforeAll(async () => {
  fashion = (await correctSamplesByClass('fashion', 1)).picked;
});

test('Fashion-MNIST: picked from the model picker, predictions match labels', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.waitForModel();
  await page.getByRole('radio', { name: 'Fashion-MNIST' }).check();
  await expect(page).toHaveURL(/model=fashion/);
  await app.waitForModel();
  for (const sample of fashion.filter((_, i) => i % 3 === 0)) {
    await app.pickSample(sample.index);
    expect(await app.predictedClassFor(sample.index), `sample ${sample.index}`).toBe(sample.label);
  }
});
