// Storms (docs/reliability.md, "Storms and soaks"): rapid pixel clicks and arrow-key moves, model
// switches, analysis start/cancel cycles and ε changes, none waiting for an answer. Afterwards the
// view answers the LAST input (newest wins), each worker's tensor count is back at its value after
// warm-up, the JS heaps after GC (page and both workers) are within 10 % of it, and nothing is left
// pending or running. The same storms with the full counts: `npm run soak` (scripts/soak.ts).
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import {
  CI_PLAN,
  compare,
  inkPixels,
  STORM_QUERY,
  StormSession,
  WARM_UP_PLAN,
} from '../scripts/lib/storms';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('storms end on the last input and leave nothing behind', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const plan = CI_PLAN;
  // Uncaught errors of the page and of its workers (Playwright reports both here).
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const storm = new StormSession(page, browser, inkPixels(ROOT), (m) => console.log(m));
  const started = Date.now();
  await storm.open('./');
  expect(await storm.warmUp(WARM_UP_PLAN)).toEqual([]);
  const baseline = await storm.snapshot();
  const timings: Record<string, number> = { warmUp: Date.now() - started };

  let t = Date.now();
  expect(await storm.pixelStorm(plan.clicks, plan.keys), 'after the pixel storm').toEqual([]);
  expect(await storm.checkPathways(), 'after the closing inputs').toEqual([]);
  timings.pixels = Date.now() - t;

  t = Date.now();
  await storm.modelStorm(plan.switches, async () => {
    expect(await storm.checkModel(), 'on Fashion-MNIST, one switch before the end').toEqual([]);
  });
  expect(await storm.checkModel(), 'after the model storm').toEqual([]);
  timings.models = Date.now() - t;

  t = Date.now();
  await storm.cancelStorm(plan.cycles);
  expect(await storm.checkCancelled(), 'after the start/cancel cycles').toEqual([]);
  const epsilon = await storm.epsilonStorm(plan.epsilons);
  expect(await storm.checkEpsilon(epsilon), 'after the ε changes').toEqual([]);
  timings.analyses = Date.now() - t;

  const after = await storm.snapshot();
  const { rows, problems } = compare(baseline, after);
  const mark = (ok: boolean | null) => (ok === null ? '   ' : ok ? 'ok ' : 'BAD');
  const table = rows.map((r) => `${mark(r.ok)} ${r.figure}: ${r.baseline} → ${r.after}`);
  const report = [...table, `times (ms): ${JSON.stringify(timings)}`].join('\n');
  console.log(report);
  await test.info().attach('storm-figures', { body: report, contentType: 'text/plain' });
  expect(problems).toEqual([]);
  expect(errors, 'uncaught errors').toEqual([]);
});

test('a model switch that aborts a download leaves no uncaught error', async ({ page }) => {
  // Slow weight shards, so that every switch but the last aborts a download in flight (tfjs's
  // progress monitor used to leave an unhandled AbortError per aborted shard in the worker).
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`./?${STORM_QUERY}`);
  await page
    .locator('[data-testid=model-status][data-status=ready]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  await page.context().route('**/*shard*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue().catch(() => undefined);
  });
  for (let i = 0; i < 6; i++) {
    const name = i % 2 === 0 ? 'Fashion-MNIST' : 'MNIST';
    await page.getByRole('radio', { name, exact: true }).check();
    await page.waitForTimeout(300);
  }
  await page
    .locator('[data-testid=model-status][data-status=ready]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  await expect(page).toHaveURL(/model=mnist/);
  await page.waitForTimeout(1000);
  expect(errors).toEqual([]);
});
