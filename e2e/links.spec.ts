// Every view is a link: Copy link, then open it in a fresh page and get the same Sankey; a
// malformed or hostile link falls back to defaults with a notice and never injects markup.
import { expect, test } from '@playwright/test';
import { GRID, MNIST_COLUMNS, PathwayPage, uniformImageCode } from './pages/pathway-page';

test('Copy link round trip: same selection, class and prune give the same Sankey', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  await app.clickPixel(20, 14);
  await app.waitForLive([20 * GRID + 14]);
  await app.classes.getByRole('button', { name: /^Class 2:/ }).click();
  await page.getByTestId('sankey-prune').getByRole('radio', { name: 'hide small links' }).check();
  await expect(page).toHaveURL(/prune=min/);
  await app.waitForLive([20 * GRID + 14]);
  await expect(app.sankey).toHaveAttribute('data-class', '2');
  const columns = await app.sankey.getAttribute('data-columns');
  const flows = await app.nodeFlows();
  const links = await app.sankey.getAttribute('data-link-count');

  await app.copyLink.getByRole('button', { name: 'Copy link' }).click();
  await expect(app.copyLink.getByRole('button')).toHaveText('Copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(link).toMatch(/px=20%2C14/);
  expect(link).toMatch(/class=2/);

  const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const fresh = new PathwayPage(await other.newPage());
  await fresh.page.goto(link);
  await fresh.waitForModel();
  await fresh.waitForLive([20 * GRID + 14]);
  await expect(fresh.sankey).toHaveAttribute('data-class', '2');
  await expect(fresh.sankey).toHaveAttribute('data-columns', columns ?? '');
  await expect(fresh.sankey).toHaveAttribute('data-link-count', links ?? '');
  await expect(
    fresh.page.getByTestId('sankey-prune').getByRole('radio', { name: 'hide small links' }),
  ).toBeChecked();
  expect(await fresh.nodeFlows()).toEqual(flows);
  await other.close();
});

test('without clipboard access, Copy link shows the link to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
  });
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  // The view settles first (the default pixel joins the link once the model is there), so that
  // the link shown is the address bar's.
  await app.waitForLive();
  await app.copyLink.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByTestId('copy-link-field');
  await expect(field).toBeVisible();
  await expect(field).toHaveValue(page.url());
  await expect(field).toBeFocused();
});

test('malformed px, img and class fall back to defaults with notices, as text only', async ({
  page,
}) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  const app = new PathwayPage(page);
  await page.goto(
    `./?px=${encodeURIComponent('1,2;<b>')}&img=${encodeURIComponent('AQ<svg/onload=alert(1)>')}&class=${encodeURIComponent(hostile)}&map=${encodeURIComponent('<i>:1')}`,
  );
  await expect(app.notices).toContainText("The link's px value");
  await expect(app.notices).toContainText("The link's img value");
  await expect(app.notices).toContainText("The link's class value");
  await expect(app.notices).toContainText("The link's map value");
  await expect(app.notices).toContainText('<img src=x');
  await app.waitForModel();
  // Defaults: the default sample, a pixel chosen for it, the predicted class.
  await expect(app.inputCaption).toHaveText('Sample 350 · label 7');
  await app.waitForLive();
  await expect(app.sankey).toHaveAttribute('data-class', '7');
  await expect(app.sankey).toHaveAttribute('data-columns', MNIST_COLUMNS);
  expect(await page.locator('.notices img, .notices svg, .notices b, .notices i').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page).not.toHaveURL(/img=|class=|map=/);
});

test('well-formed but impossible values (outside the image, unknown class) are also refused', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350', px: '40,3', class: '12' });
  await expect(app.linkNotice).toContainText(
    'The link\'s px value "40,3" was ignored (expected a pixel inside the 28×28 image',
  );
  await expect(app.linkNotice).toContainText(
    'The link\'s class value "12" was ignored (expected a class from 0 to 9).',
  );
  await app.waitForModel();
  await app.waitForLive();
  await expect(app.sankey).toHaveAttribute('data-class', '7');
  const [pixel] = await app.selectedPixels();
  expect(pixel).toBeLessThan(GRID * GRID);
  await expect(page).not.toHaveURL(/px=40/);
});

test('values impossible for the model (pin, img size, tgt, px, class, map) are named, dropped from the link, and the view works', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  const img = uniformImageCode(20, 20);
  await app.open({
    img,
    px: '40,3',
    class: '12',
    map: 'conv9_9:1',
    pin: 'conv9_9:1',
    atk: 'fgsm',
    tgt: '99',
  });
  // Known before the model loads: every model here reads 28×28 images.
  await expect(app.linkNotice).toContainText(
    `The link's img value "${img.slice(0, 40)}…" was ignored (expected an image code of a 28×28 image, not 20×20).`,
  );
  await expect(app.linkNotice).toContainText(
    'The link\'s px value "40,3" was ignored (expected a pixel inside the 28×28 image',
  );
  // Known once the model is: its classes and its layers.
  await app.waitForModel();
  await expect(app.linkNotice).toContainText(
    'The link\'s class value "12" was ignored (expected a class from 0 to 9).',
  );
  await expect(app.linkNotice).toContainText(
    'The link\'s tgt value "99" was ignored (expected a class from 0 to 9).',
  );
  await expect(app.linkNotice).toContainText(
    'The link\'s map value "conv9_9:1" was ignored (expected a feature map of this model',
  );
  await expect(app.linkNotice).toContainText(
    'The link\'s pin value "conv9_9:1" was ignored (expected a node of this model\'s diagram',
  );
  await expect(app.linkNotice).toHaveCount(1);
  // The default sample stands in for the 20×20 image; the link keeps only valid values.
  await expect(app.inputCaption).toHaveText('Sample 350 · label 7');
  await expect
    .poll(() => [...app.linkParams().keys()].sort().join(','))
    .toBe('atk,model,px,sample');
  expect(app.linkParams().get('atk')).toBe('fgsm');
  // And a click on the image draws its Sankey.
  await app.waitForLive();
  await app.clickPixel(20, 14);
  await app.waitForLive([20 * GRID + 14]);
  await expect(app.sankey).toHaveAttribute('data-class', '7');
  await expect(app.sankey).toHaveAttribute('data-columns', MNIST_COLUMNS);
  await expect(app.sankey).toHaveAttribute('data-pinned', '');
  await expect(app.notices).not.toContainText('Could not compute');
  await expect.poll(() => app.linkParams().get('px')).toBe('20,14');
});
