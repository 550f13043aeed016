// Finding 1 on the Sankey: the Analyses area's important maps (top m per layer, from the cached
// ablation ranking) carry a ★ on their Sankey nodes, and "Mark them in the Sankey" turns it off.
// Screenshot: test-results/e2e/important-marks.png.
import { expect, test, type Page } from '@playwright/test';
import { PathwayPage } from './pages/pathway-page';

/** Node ids (`layer:k`) of the top maps the Important maps view lists (rows marked as top). */
async function listedTopMaps(page: Page): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const card of await page.locator('.an-card').all()) {
    const layer = await card.getAttribute('data-layer');
    for (const name of await card.locator('.an-bar-row.is-top .an-bar-name').allTextContents()) {
      ids.add(`${layer}:${name.trim().split(/\s+/).pop()}`);
    }
  }
  return ids;
}

const idsOf = async (page: Page, selector: string): Promise<string[]> =>
  (
    await page.locator(selector).evaluateAll((els) => els.map((e) => e.dataset.nodeId ?? ''))
  ).sort();

test('important maps are marked on the Sankey, as listed, until marking is turned off', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open();
  await app.waitForModel();
  await app.waitForLive();
  const marked = '[data-testid="sankey"] [data-node-id][data-important="true"]';
  await expect(page.locator(marked).first()).toBeAttached();
  await expect(page.getByTestId('sankey-legend-marker')).toContainText('important map');

  // The marks are exactly the listed top maps among the map nodes drawn (never "other").
  await page.getByTestId('analyses-toggle').click();
  await expect(page.getByTestId('importance-source')).toHaveAttribute('data-origin', 'cache');
  const listed = await listedTopMaps(page);
  expect(listed.size).toBeGreaterThan(0);
  const drawn = await idsOf(page, '[data-testid="sankey"] [data-node-id]');
  const markedIds = await idsOf(page, marked);
  expect(markedIds).toEqual(drawn.filter((id) => listed.has(id)));
  expect(markedIds.some((id) => id.endsWith(':other'))).toBe(false);
  await app.sankey.scrollIntoViewIfNeeded();
  await app.panel.screenshot({ path: 'test-results/e2e/important-marks.png' });

  await page.getByRole('checkbox', { name: 'Mark them in the Sankey' }).uncheck();
  await expect(page.locator(marked)).toHaveCount(0);
  await expect(page.getByTestId('sankey-legend-marker')).toHaveCount(0);
});
