// The gallery's thumbnails are pictures drawn once (src/components/shell/SampleThumb.tsx: an <img>
// of a BMP, src/lib/rgba-image-url.ts, not a live canvas, so that they cost the page's frames nothing): each must still show
// its own sample, ink where the sample has ink.
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('each thumbnail shows its own sample', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ sample: '0' });
  await app.waitForModel();
  const pictures = app.gallery.locator('button[data-sample-index] img');
  await expect(pictures.first()).toBeVisible();
  expect(await pictures.count()).toBeGreaterThan(8);
  // Dark (ink) share of the first three thumbnails, read back from the decoded images.
  const ink = await pictures.evaluateAll(async (imgs) => {
    const first = imgs.slice(0, 3) as HTMLImageElement[];
    await Promise.all(first.map((image) => image.decode()));
    return first.map((image) => {
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
      return { size: [canvas.width, canvas.height], dark: dark / (data.length / 4) };
    });
  });
  for (const { size, dark } of ink) {
    expect(size).toEqual([28, 28]);
    // MNIST digits cover roughly 10–25 % of the grid; white paper would be 0.
    expect(dark).toBeGreaterThan(0.03);
    expect(dark).toBeLessThan(0.6);
  }
  // Different samples, different pictures.
  const sources = await pictures.evaluateAll((imgs) =>
    imgs.slice(0, 3).map((img) => (img as HTMLImageElement).src),
  );
  expect(new Set(sources).size).toBe(3);
});
