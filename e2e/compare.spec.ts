// The compare mode (docs/compare.md): A, B and B − A over one layout, each kind of comparison by
// role and visible text, the balance of all three recomputed from the exported JSON alone, the
// links' compare fields and their refusals, lecture and embed. Screenshots under test-results/e2e/.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { balanceProblems, type ExportedSankey } from './fixtures/exported-sankey';
import { watchOutlineAndView } from './fixtures/watch-outline';
import { AppPage } from './pages/app-page';

const view = (page: Page) => page.getByTestId('compare-view');
const side = (page: Page, s: 'a' | 'b' | 'diff') =>
  page.getByTestId(`compare-${s}`).getByTestId('sankey');

/** Waits until all three views draw a live answer (B no longer dimmed). */
async function waitForCompare(page: Page): Promise<void> {
  for (const s of ['a', 'b', 'diff'] as const) {
    await expect(side(page, s)).toHaveAttribute('data-empty', 'false', { timeout: 45_000 });
  }
  await expect(page.getByTestId('compare-b')).not.toHaveAttribute('data-stale', 'true');
}

async function exportJson(page: Page) {
  const waiting = page.waitForEvent('download');
  await page.getByTestId('compare-export').getByRole('button', { name: 'JSON' }).click();
  const file = await waiting;
  expect(file.suggestedFilename()).toMatch(/^compare-\w+\.json$/);
  return JSON.parse(await readFile((await file.path()) ?? '', 'utf8')) as {
    format: string;
    gatesDiffer: boolean;
    totals: { a: number; b: number; diff: number };
    a: ExportedSankey;
    b: ExportedSankey;
    diff: ExportedSankey;
  };
}

/** Every view balances at every box, and the difference is B − A box by box and band by band. */
function checkExport(json: Awaited<ReturnType<typeof exportJson>>): void {
  expect(json.format).toBe('pathway-lens/compare@1');
  expect(balanceProblems(json.a, json.a.relevance)).toEqual([]);
  expect(balanceProblems(json.b, json.b.relevance)).toEqual([]);
  expect(balanceProblems(json.diff, json.b.relevance - json.a.relevance)).toEqual([]);
  // The same boxes (the class box names each side's own class when the classes differ).
  const maps = (j: ExportedSankey) => j.nodes.filter((n) => n.kind !== 'class').map((n) => n.id);
  expect(maps(json.diff)).toEqual(maps(json.a));
  expect(maps(json.b)).toEqual(maps(json.a));
  json.diff.nodes.forEach((n, i) =>
    expect(n.flow).toBeCloseTo(json.b.nodes[i]!.flow - json.a.nodes[i]!.flow, 9),
  );
  json.diff.links.forEach((l, i) =>
    expect(l.flow).toBeCloseTo(json.b.links[i]!.flow - json.a.links[i]!.flow, 9),
  );
}

/** Pairs of visible labels and headers that overlap in one view's Sankey (page px). */
async function overlappingTexts(page: Page, s: 'a' | 'b' | 'diff'): Promise<number> {
  return side(page, s).evaluate((svg) => {
    const boxes = [...svg.querySelectorAll<SVGTextElement>('text.pl-label, text.pl-header')]
      .filter((t) => t.getBBox().width > 0)
      .map((t) => t.getBoundingClientRect());
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) overlapping++;
      }
    return overlapping;
  });
}

async function axeSerious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Records, from now on, when B's picker outline and B's diagram (its caption) change. */
const watchPickAndB = (page: Page) =>
  watchOutlineAndView(page, {
    overlay: '[data-testid=compare-pick-b] .pl-input-overlay',
    view: '[data-testid=compare-b] figcaption',
    viewChanges: { subtree: true, childList: true, characterData: true },
  });

test("B's pick and B's diagrams are drawn together, as a click and its Sankey are", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const app = new AppPage(page);
  await app.open({ sample: '350', px: '15,17', compare: 'pixels', bpx: '20,14' });
  await waitForCompare(page);
  const pick = page.getByRole('application', { name: /^Pick B's pixel/ });
  const box = (await pick.boundingBox())!;
  // A pick whose answer takes longer than the outline waits (a busy machine) gets its outline
  // first (pending-selection.ts), so one of a few picks is enough.
  const gaps: number[] = [];
  // Inked pixels of sample 350: a pixel without ink sends no flow, and its view is empty.
  for (const [row, col] of [
    [8, 12],
    [9, 14],
    [12, 19],
    [14, 17],
    [16, 16],
  ] as const) {
    const changes = await watchPickAndB(page);
    await page.mouse.click(
      box.x + ((col + 0.5) * box.width) / 28,
      box.y + ((row + 0.5) * box.height) / 28,
    );
    await expect.poll(() => app.linkParams().get('bpx')).toBe(`${row},${col}`);
    await waitForCompare(page);
    await expect(page.getByTestId('compare-b').locator('figcaption')).toContainText(
      `pixel (row ${row}, col ${col})`,
    );
    const seen = await changes();
    gaps.push(Math.abs(seen.outline - seen.view));
  }
  expect(Math.min(...gaps)).toBeLessThan(1);
  // A held press is asked for before its release (press-ahead.ts), and nothing moves until then.
  const held = { x: box.x + (12.5 * box.width) / 28, y: box.y + (8.5 * box.height) / 28 };
  await page.mouse.move(held.x, held.y);
  await page.mouse.down();
  await page.waitForTimeout(300);
  expect(app.linkParams().get('bpx')).toBe('16,16');
  await expect(page.getByTestId('compare-b').locator('figcaption')).toContainText(
    'pixel (row 16, col 16)',
  );
  await page.mouse.up();
  await expect.poll(() => app.linkParams().get('bpx')).toBe('8,12');
  await waitForCompare(page);
  await expect(page.getByTestId('compare-b').locator('figcaption')).toContainText(
    'pixel (row 8, col 12)',
  );
  // The last pick is B, in the link and in the exported JSON.
  const json = await exportJson(page);
  checkExport(json);
  expect(json.b.pixels).toEqual([8 * 28 + 12]);
});

test('two pixels of one digit: header button, B picked on the image, exact and linked', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const app = new AppPage(page);
  await app.open({ sample: '7', px: '14,9' });
  await app.waitForModel();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(view(page).getByRole('heading', { name: 'Compare two pathways' })).toBeVisible();
  await waitForCompare(page);
  // B's pixel, picked on B's canvas: one more query, B's only.
  const pick = page.getByRole('application', { name: /^Pick B's pixel/ });
  const box = (await pick.boundingBox())!;
  await page.mouse.click(box.x + (12.5 * box.width) / 28, box.y + (10.5 * box.height) / 28);
  await expect.poll(() => app.linkParams().get('bpx')).toBe('10,12');
  expect(app.linkParams().get('compare')).toBe('pixels');
  await waitForCompare(page);
  // The three totals, and the difference is B − A.
  const num = async (id: string) =>
    Number((await page.getByTestId(id).textContent())!.replace(/[^\d.+−-]/g, '').replace('−', '-'));
  const [a, b, d] = [await num('total-a'), await num('total-b'), await num('total-diff')];
  expect(d).toBeCloseTo(b - a, 2);
  // One layout: the same boxes in the three views.
  for (const s of ['b', 'diff'] as const) {
    await expect(side(page, s)).toHaveAttribute(
      'data-node-count',
      (await side(page, 'a').getAttribute('data-node-count'))!,
    );
  }
  // Pinning a box in A pins the same map in B and B − A, and shows it in A, B and B − A below.
  // The largest conv2_1 box of A (a tiny one is hard to hit).
  const boxes = page.getByTestId('compare-a').locator('[data-node-id^="conv2_1:"]');
  const flows = await boxes.evaluateAll((els) =>
    els.map((e) => Math.abs(Number(e.getAttribute('data-flow')))),
  );
  const boxA = boxes.nth(flows.indexOf(Math.max(...flows)));
  const id = (await boxA.getAttribute('data-node-id'))!;
  await boxA.locator('rect.pl-node-box').click();
  for (const s of ['a', 'b', 'diff'] as const)
    await expect(side(page, s)).toHaveAttribute('data-pinned', id);
  const maps = page.getByRole('region', {
    name: /^Diffusion of conv2_1 · map \d+ in A, B and B − A$/,
  });
  await expect(maps.getByRole('img')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Largest differences in words' })).toBeVisible();
  await expect(page.getByTestId('compare-words').getByRole('listitem').first()).toContainText(
    /B gives the class [\d.]+ (more|less)/,
  );
  checkExport(await exportJson(page));
  expect(await axeSerious(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/e2e/compare-pixels-1400.png', fullPage: true });
});

test('one pixel towards two classes, from the link, stepped in lecture mode', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new AppPage(page);
  await app.open({ sample: '7', px: '14,9', compare: 'classes', bclass: '3', mode: 'lecture' });
  await app.waitForModel();
  await waitForCompare(page);
  await expect(side(page, 'b')).toHaveAttribute('data-class', '3');
  await expect(page.getByTestId('compare-class-b')).toHaveValue('3');
  const json = await exportJson(page);
  checkExport(json);
  expect((json.diff as ExportedSankey & { className: string }).className).toContain('−');
  // The clicker's keys move all three views together.
  // The clicker's Home shows the first column only, in every view; End shows them all again.
  const hidden = (s: string) =>
    page.getByTestId(`compare-${s}`).locator('[data-node-id^="dense1:"][aria-hidden="true"]');
  await page.keyboard.press('Home');
  for (const s of ['a', 'b', 'diff']) await expect(hidden(s).first()).toBeAttached();
  await page.keyboard.press('End');
  for (const s of ['a', 'b', 'diff']) await expect(hidden(s)).toHaveCount(0);
  // Lecture type needs each view's whole row: no label or header overlaps another.
  for (const s of ['a', 'b', 'diff'] as const) expect(await overlappingTexts(page, s)).toBe(0);
  await view(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/e2e/compare-lecture-1280.png' });
});

test('one pixel in two images: gallery sample as B, and the gates note', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const app = new AppPage(page);
  await app.open({ sample: '7', px: '14,9', compare: 'images', bimg: 'sample.0' });
  await app.waitForModel();
  await waitForCompare(page);
  await expect(page.getByTestId('compare-source-b')).toHaveText('B is gallery sample 0.');
  await expect(page.getByRole('note')).toContainText('the difference includes the change of gates');
  const json = await exportJson(page);
  expect(json.gatesDiffer).toBe(true);
  checkExport(json);
});

test('from the occlusion analysis one click compares the pixel with the occluded image', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const app = new AppPage(page);
  await app.open({ sample: '7', px: '14,9', an: 'occlusion' });
  await app.waitForModel();
  await page.getByRole('button', { name: /original vs occluded/ }).click();
  await waitForCompare(page);
  await expect(page.getByTestId('compare-source-b')).toHaveText('B is the occluded image.');
  expect(app.linkParams().get('bimg')).toMatch(/^occluded\.28x28x1\.b/);
  checkExport(await exportJson(page));
  // The link reopens the same comparison.
  await page.reload();
  await waitForCompare(page);
  await expect(page.getByTestId('compare-source-b')).toHaveText('B is the occluded image.');
  await page.screenshot({ path: 'test-results/e2e/compare-occluded-1400.png', fullPage: true });
});

test('from the movement analysis one click compares the pixel under the pointer', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const app = new AppPage(page);
  await app.open({ sample: '7', px: '14,9', an: 'movement' });
  await app.waitForModel();
  const entry = page.getByRole('button', { name: /original vs shifted$/ });
  // Away from the images the entry names the selected pixel, and says how to choose another.
  await expect(entry).toHaveText(
    'Compare the pathways of the selected pixel (row 14, col 9): original vs shifted',
  );
  await expect(entry).toHaveAccessibleDescription(/Point at a pixel of the image/);
  // Pointing at a pixel of the original image: the entry names that pixel, and keeps it while
  // the pointer travels to the button.
  const original = page.getByTestId('compare-pointable').first();
  await original.scrollIntoViewIfNeeded();
  const box = (await original.boundingBox())!;
  const cell = { x: (16.5 * box.width) / 28, y: (20.5 * box.height) / 28 };
  await original.hover({ position: cell });
  await expect(entry).toHaveText(
    'Compare the pathways of the pixel you pointed at (row 20, col 16): original vs shifted',
  );
  // Leaving the view forgets it: the selected pixel again.
  await page.getByRole('heading', { name: 'Pixel pathways' }).hover();
  await expect(entry).toContainText('the selected pixel (row 14, col 9)');
  await original.hover({ position: cell });
  await expect(entry).toContainText('the pixel you pointed at (row 20, col 16)');
  await entry.click();
  await waitForCompare(page);
  await expect(page.getByTestId('compare-source-b')).toHaveText('B is the shifted image.');
  expect(app.linkParams().get('px')).toBe('20,16');
  expect(app.linkParams().get('bimg')).toMatch(/^shifted\.28x28x1\.b/);
  await expect(page.getByTestId('compare-a')).toContainText('pixel (row 20, col 16)');
  checkExport(await exportJson(page));
});

test('Swap A and B, from the keyboard: the pixels, then the classes, trade places and the link follows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const app = new AppPage(page);
  await app.open({ sample: '7', px: '14,9', compare: 'pixels', bpx: '10,12' });
  await app.waitForModel();
  await waitForCompare(page);
  const totalOf = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
  const [a, b] = [await totalOf('total-a'), await totalOf('total-b')];
  const swap = page.getByRole('button', { name: 'Swap A and B' });
  await swap.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => app.linkParams().get('px')).toBe('10,12');
  expect(app.linkParams().get('bpx')).toBe('14,9');
  await waitForCompare(page);
  await expect(page.getByTestId('compare-a')).toContainText('pixel (row 10, col 12)');
  await expect(page.getByTestId('compare-b')).toContainText('pixel (row 14, col 9)');
  // Each side's total moved with it: A's is B's before, and B's A's.
  await expect(page.getByTestId('total-a')).toHaveText(b);
  await expect(page.getByTestId('total-b')).toHaveText(a);
  checkExport(await exportJson(page));
  // Two classes: A follows 3 (chosen), B the runner-up or its own; swapped, A follows B's.
  await page.getByRole('radio', { name: 'Two classes' }).check();
  await page.getByTestId('compare-class-b').selectOption('5');
  await waitForCompare(page);
  await expect(side(page, 'b')).toHaveAttribute('data-class', '5');
  const classA = (await side(page, 'a').getAttribute('data-class'))!;
  await swap.press('Space');
  await expect(side(page, 'a')).toHaveAttribute('data-class', '5');
  await waitForCompare(page);
  await expect(side(page, 'b')).toHaveAttribute('data-class', classA);
  await expect.poll(() => app.linkParams().get('class')).toBe('5');
  expect(app.linkParams().get('bclass')).toBe(classA);
});

test('an attacked B cannot become A: the swap says why instead of changing the link', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ sample: '7', px: '14,9', an: 'occlusion' });
  await app.waitForModel();
  await page.getByRole('button', { name: /original vs occluded/ }).click();
  await waitForCompare(page);
  const swap = page.getByRole('button', { name: 'Swap A and B' });
  await expect(swap).toBeDisabled();
  await expect(swap).toHaveAccessibleDescription(/cannot be A: A’s image travels in the link/);
  // A gallery sample as B can: A becomes that sample, B the original.
  const sample = page.getByRole('textbox', { name: 'Gallery sample for B' });
  await sample.fill('3');
  await page.getByRole('button', { name: 'Use as B' }).click();
  await waitForCompare(page);
  await swap.click();
  await expect.poll(() => app.linkParams().get('sample')).toBe('3');
  expect(app.linkParams().get('bimg')).toBe('sample.7');
  await waitForCompare(page);
  await expect(page.getByTestId('compare-source-b')).toHaveText('B is gallery sample 7.');
});

test('a link with bad compare values names each in one notice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ sample: '7', compare: 'classes', bpx: '40,2', bclass: '12', bimg: 'drawn.bXX' });
  await app.waitForModel();
  // bclass is refused once the class count is known (the view guard), in the same notice.
  for (const key of ['bpx', 'bclass', 'bimg'])
    await expect.poll(() => app.noticeText()).toContain(`The link's ${key} value`);
});

test('embedded and narrow, the three views stack', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 400 });
  const app = new AppPage(page);
  await app.open({ sample: '7', px: '14,9', compare: 'pixels', bpx: '10,12', embed: '1' });
  await waitForCompare(page);
  const a = (await page.getByTestId('compare-a').boundingBox())!;
  const b = (await page.getByTestId('compare-b').boundingBox())!;
  expect(b.y).toBeGreaterThan(a.y + a.height - 1);
  expect(await axeSerious(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/e2e/compare-embed-600.png', fullPage: true });
});

test('on VGG-16 too: two pixels over one layout of 17 columns, balanced; SVG and PNG export all three', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const app = new AppPage(page);
  await app.open({ model: 'vgg-mnist', px: '15,17', compare: 'pixels', bpx: '16,16' });
  await app.waitForModel();
  await waitForCompare(page);
  for (const s of ['a', 'b', 'diff'] as const) {
    expect((await side(page, s).getAttribute('data-columns'))!.split(',')).toHaveLength(17);
  }
  checkExport(await exportJson(page));
  const file = async (kind: 'SVG' | 'PNG') => {
    const waiting = page.waitForEvent('download');
    await page.getByTestId('compare-export').getByRole('button', { name: kind }).click();
    const download = await waiting;
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^compare-.*\\.${kind.toLowerCase()}$`),
    );
    return readFile((await download.path()) ?? '');
  };
  const svg = (await file('SVG')).toString('utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      text: doc.documentElement.textContent ?? '',
    };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.text).toContain('B − A');
  const png = await file('PNG');
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  await view(page).screenshot({ path: 'test-results/e2e/compare-vgg-1400.png' });
});

test('on a phone the views stack and nothing is wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new AppPage(page);
  await app.open({ sample: '7', px: '14,9', compare: 'pixels', bpx: '10,12' });
  await app.waitForModel();
  await waitForCompare(page);
  const [a, b] = await Promise.all(
    (['a', 'b'] as const).map(async (s) => (await page.getByTestId(`compare-${s}`).boundingBox())!),
  );
  expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
  expect(
    await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/e2e/compare-phone.png', fullPage: false });
});

test('on the user’s own RGB model: two pixels over one layout, balanced, with its class names', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const app = new AppPage(page);
  await app.open({ backend: 'wasm' });
  await app.waitForModel();
  // The 32×32×3, 12-class fixture (e2e/fixtures/models/rgb-32), opened from its files.
  const dir = new URL('./fixtures/models/rgb-32/', import.meta.url);
  await page.getByTestId('open-model').click();
  await page
    .getByTestId('model-files-input')
    .setInputFiles(
      ['model.json', 'group1-shard1of1.bin', 'labels.txt'].map((f) =>
        fileURLToPath(new URL(f, dir)),
      ),
    );
  await expect(page.getByTestId('open-model-dialog')).toBeHidden();
  await app.waitForModel();
  // A red stroke across row 16 (the colour brush), then pixel (16, 16) as A.
  const canvas = page.getByRole('application', { name: /^Input image/ });
  const box = (await canvas.boundingBox())!;
  const at = (r: number, c: number) => ({
    x: box.x + ((c + 0.5) * box.width) / 32,
    y: box.y + ((r + 0.5) * box.height) / 32,
  });
  await page.getByRole('button', { name: 'Brush' }).click();
  await page.getByRole('button', { name: 'Red', exact: true }).click();
  await page.mouse.move(at(16, 3).x, at(16, 3).y);
  await page.mouse.down();
  await page.mouse.move(at(16, 28).x, at(16, 28).y, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Select' }).click();
  await page.mouse.click(at(16, 16).x, at(16, 16).y);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await waitForCompare(page);
  // B: another inked pixel, picked on B's 32×32 canvas.
  const pick = page.getByRole('application', { name: /^Pick B's pixel/ });
  const pb = (await pick.boundingBox())!;
  await page.mouse.click(pb.x + (8.5 * pb.width) / 32, pb.y + (16.5 * pb.height) / 32);
  await expect.poll(() => app.linkParams().get('bpx')).toBe('16,8');
  await waitForCompare(page);
  // The class column names the model's own classes (labels.txt), not digits.
  const labels = readFileSync(fileURLToPath(new URL('labels.txt', dir)), 'utf8')
    .trim()
    .split('\n');
  await expect(side(page, 'a')).toContainText(new RegExp(labels.join('|')));
  const json = await exportJson(page);
  checkExport(json);
  expect(json.a.pixels).toEqual([16 * 32 + 16]);
  expect(json.b.pixels).toEqual([16 * 32 + 8]);
});
