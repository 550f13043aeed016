// The content security policy (vite/content-security-policy.ts): the built page carries it, no
// view of the app trips it, and markup injected into the page (as if escaping ever failed)
// cannot run script, load another origin's images or connect to a host over plain http (https:
// connections are allowed so that users can open models hosted on other sites).
import { expect, test, type Page } from '@playwright/test';
import { PathwayPage } from './pages/pathway-page';

/** Records every CSP violation any page of the test reports, from before its first script. */
async function recordViolations(page: Page): Promise<() => string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    const report = (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation;
    document.addEventListener('securitypolicyviolation', (e) =>
      report(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () => [...seen];
}

test('the built page sets a strict policy and no referrer', async ({ page }) => {
  await page.goto('./');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  // Models may come from other https sites (asked first); nothing else may.
  expect(policy).toContain("connect-src 'self' https: blob: data:");
  expect(policy).toContain("img-src 'self' data: blob:");
  expect(policy).not.toContain('unsafe-inline');
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
});

test('every view works under the policy without a single violation', async ({ page }) => {
  const violations = await recordViolations(page);
  const app = new PathwayPage(page);
  await app.open({ backend: 'wasm' });
  await app.waitForModel();
  await app.waitForLive();
  await app.clickPixel(14, 14);
  await app.waitForLive([14 * 28 + 14]);
  await expect(app.sankey.locator('rect').first()).toBeVisible();

  // The Analyses area runs in its own worker (WASM compiled under 'wasm-unsafe-eval').
  await page.getByTestId('analyses-toggle').click();
  const area = page.getByTestId('analyses');
  const tabs = ['Overlap', 'Consistency', 'Portion-hot', 'Adversarial', 'Movement', 'N_total'];
  for (const tab of [...tabs, 'Occlusion']) {
    await area.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(area.getByRole('tabpanel')).toBeVisible();
  }
  await expect(page.getByTestId('run-occlusion')).toHaveAttribute('data-status', 'done', {
    timeout: 45_000,
  });

  // Lecture mode, embed mode and the other model.
  await app.open({ mode: 'lecture', backend: 'wasm' });
  await app.waitForLive();
  await app.open({ embed: '1', backend: 'wasm' });
  await app.waitForLive();
  await app.open({ model: 'fashion', backend: 'wasm' });
  await app.waitForModel();
  await app.waitForLive();
  expect(violations()).toEqual([]);
});

test('injected markup cannot run script, load foreign images or use plain http', async ({
  page,
}) => {
  const violations = await recordViolations(page);
  const app = new PathwayPage(page);
  await app.open({ backend: 'wasm' });
  await app.waitForModel();
  await page.evaluate(() => {
    const host = document.createElement('div');
    // What a failed escape of a sample name or a notice would put into the page.
    host.innerHTML =
      '<img src="x:" onerror="window.__ran = (window.__ran || 0) + 1">' +
      '<a href="#" id="injected-link" onclick="window.__ran = (window.__ran || 0) + 1">x</a>';
    document.body.append(host);
    const script = document.createElement('script');
    script.textContent = 'window.__ran = (window.__ran || 0) + 1';
    document.body.append(script);
  });
  await page.locator('#injected-link').click();
  const fetched = await page.evaluate(() =>
    fetch('http://example.com/model.json').then(
      () => 'fetched',
      () => 'refused',
    ),
  );
  expect(fetched).toBe('refused');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://example.com/tracker.png';
    document.body.append(img);
  });
  await expect
    .poll(() => violations().some((v) => v.startsWith('img-src') && v.includes('example.com')))
    .toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBe(
    undefined,
  );
  const seen = violations();
  expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
  expect(seen.some((v) => v.startsWith('connect-src') && v.includes('http://example.com'))).toBe(
    true,
  );
  // The app itself is untouched: a click still draws a live Sankey.
  await app.clickPixel(14, 14);
  await app.waitForLive([14 * 28 + 14]);
});
