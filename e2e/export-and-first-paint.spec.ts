// Exports are real files that match the figure (SVG that parses, PNG at 2×, JSON that balances),
// and the first paint shows the shipped precomputed example before the model has loaded.
import { expect, test, type Download } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { flowsClose, GRID, MNIST_COLUMNS, PathwayPage } from './pages/pathway-page';

async function download(app: PathwayPage, kind: 'SVG' | 'PNG' | 'JSON'): Promise<Buffer> {
  const waiting = app.page.waitForEvent('download');
  await app.page.getByTestId('sankey-export').getByRole('button', { name: kind }).click();
  const file: Download = await waiting;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^pathways-.*\\.${kind.toLowerCase()}$`));
  return readFile((await file.path()) ?? '');
}

test('SVG, PNG and JSON exports are valid and describe the drawn Sankey', async ({ page }) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  const drawnNodes = Number(await app.sankey.getAttribute('data-node-count'));

  const svg = (await download(app, 'SVG')).toString('utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      name: root.nodeName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      scripts: doc.getElementsByTagName('script').length,
      paths: doc.getElementsByTagName('path').length,
    };
  }, svg);
  expect(parsed).toMatchObject({ error: false, name: 'svg', scripts: 0 });
  expect(parsed.paths).toBeGreaterThan(10);

  const png = await download(app, 'PNG');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const image = PNG.sync.read(png);
  expect(image.width).toBe(Math.round(parsed.width * 2));
  expect(image.height).toBe(Math.round(parsed.height * 2));

  const json = JSON.parse((await download(app, 'JSON')).toString('utf8')) as {
    format: string;
    nodes: unknown[];
    columns: Array<{ label: string }>;
    classIndex: number;
    balance: { maxImbalance: number };
  };
  expect(json.format).toBe('pathway-lens/sankey@1');
  expect(json.nodes).toHaveLength(drawnNodes);
  expect(json.columns.map((c) => c.label).join(',')).toBe(MNIST_COLUMNS);
  expect(json.classIndex).toBe(7);
  expect(json.balance.maxImbalance).toBeLessThan(1e-5);
});

/** The parts of the JSON export (src/layout/export-data.ts) that the balance check reads. */
interface ExportedLink {
  source: string;
  target: string;
  flow: number;
  members: number;
}
interface ExportedSankey {
  pixels: number[];
  classIndex: number;
  relevance: number;
  columns: Array<{ id: string; kind: string }>;
  nodes: Array<{
    id: string;
    column: number;
    kind: string;
    members: number[];
    flow: number;
    inFlow: number;
    outFlow: number;
    hiddenIn: number;
    hiddenOut: number;
  }>;
  links: ExportedLink[];
  hiddenLinks: ExportedLink[];
}

// The engine's flows are float32 (≈1e-7 relative); sums over a column stay well inside this.
const TOL = 1e-5;

/**
 * Recomputes the balance from the file alone, trusting none of its summary numbers: each node's
 * in- and outflow are sums of the links (drawn, and pruned ones from hiddenLinks) that touch it,
 * the pixel's inflow and the class's outflow are their node flow, and every column and every gap
 * between columns carries R_c(p). "other" nodes are ordinary nodes here (their links are the
 * exact sums of their members'). Returns what does not hold, as text.
 */
function balanceProblems(json: ExportedSankey, total: number): string[] {
  const problems: string[] = [];
  const off = (a: number, b: number) => Math.abs(a - b) > TOL * Math.max(1, Math.abs(b));
  const byId = new Map(json.nodes.map((n) => [n.id, n]));
  const all = [
    ...json.links.map((l) => ({ ...l, drawn: true })),
    ...json.hiddenLinks.map((l) => ({ ...l, drawn: false })),
  ];
  const last = json.columns.length - 1;
  for (const l of all) {
    const s = byId.get(l.source);
    const t = byId.get(l.target);
    if (!s || !t) problems.push(`link ${l.source}->${l.target} has an endpoint not in nodes`);
    else if (t.column !== s.column + 1)
      problems.push(`link ${l.source}->${l.target} skips a column`);
  }
  for (const n of json.nodes) {
    const sum = (side: 'source' | 'target', drawn?: boolean) =>
      all
        .filter((l) => l[side] === n.id && (drawn === undefined || l.drawn === drawn))
        .reduce((acc, l) => acc + l.flow, 0);
    const inSum = n.column === 0 ? n.flow : sum('target');
    const outSum = n.column === last ? n.flow : sum('source');
    if (off(inSum, outSum)) problems.push(`${n.id}: in ${inSum} ≠ out ${outSum}`);
    if (off(inSum, n.flow)) problems.push(`${n.id}: in ${inSum} ≠ its flow ${n.flow}`);
    // The node's own tallies say the same as its links.
    if (n.column > 0 && off(sum('target', true), n.inFlow)) problems.push(`${n.id}: inFlow`);
    if (n.column > 0 && off(sum('target', false), n.hiddenIn)) problems.push(`${n.id}: hiddenIn`);
    if (n.column < last && off(sum('source', true), n.outFlow)) problems.push(`${n.id}: outFlow`);
    if (n.column < last && off(sum('source', false), n.hiddenOut))
      problems.push(`${n.id}: hiddenOut`);
  }
  json.columns.forEach((c, i) => {
    const members = json.nodes.filter((n) => n.column === i).flatMap((n) => n.members);
    if (new Set(members).size !== members.length) problems.push(`${c.id}: a map drawn twice`);
    const nodes = json.nodes.filter((n) => n.column === i).reduce((acc, n) => acc + n.flow, 0);
    if (off(nodes, total)) problems.push(`${c.id}: nodes carry ${nodes}, not R = ${total}`);
    if (i === 0) return;
    const gap = all.filter((l) => byId.get(l.target)?.column === i).reduce((a, l) => a + l.flow, 0);
    if (off(gap, total)) problems.push(`links into ${c.id} carry ${gap}, not R = ${total}`);
  });
  return problems;
}

/** The class panel's "contribution of the selection" to a class, and its last digit's size. */
async function shownContribution(app: PathwayPage, classIndex: number) {
  const label =
    (await app.classes
      .getByRole('button', { name: new RegExp(`^Class ${classIndex}:`) })
      .getAttribute('aria-label')) ?? '';
  const text = /contribution ([+−-]?\d+(?:\.(\d+))?)/.exec(label);
  expect(text, label).not.toBeNull();
  return {
    value: Number(text![1]!.replace('−', '-')),
    step: 10 ** -(text![2]?.length ?? 0),
  };
}

test('the exported JSON balances on its own, at every node and layer, to R_c(p)', async ({
  page,
}) => {
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  const [row, col] = [20, 14];
  await app.clickPixel(row, col);
  await app.waitForLive([row * GRID + col]);
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  // R_c(p) of the selection as the class panel computes it (one backward pass over the image,
  // not the pathway engine), to the digits it shows.
  const shown = await shownContribution(app, 7);

  const read = async () =>
    JSON.parse((await download(app, 'JSON')).toString('utf8')) as ExportedSankey;
  const topK = await read();
  expect(topK.pixels).toEqual([row * GRID + col]);
  expect(topK.classIndex).toBe(7);
  expect(Math.abs(topK.relevance - shown.value)).toBeLessThanOrEqual(shown.step / 2 + 1e-6);
  // What is drawn is what is exported: the same nodes with the same flows.
  const drawn = await app.nodeFlows();
  expect(Object.fromEntries(topK.nodes.map((n) => [n.id, n.flow]))).toEqual(drawn);
  expect(topK.links).toHaveLength(Number(await app.sankey.getAttribute('data-link-count')));
  // Top-K: the rest of each layer is in "other" nodes, nothing is hidden.
  expect(topK.nodes.some((n) => n.kind === 'other')).toBe(true);
  expect(topK.hiddenLinks).toEqual([]);
  expect(balanceProblems(topK, topK.relevance)).toEqual([]);

  // Threshold pruning: small links leave the drawing and are listed as hiddenLinks instead.
  await page.getByTestId('sankey-prune').getByRole('radio', { name: 'hide small links' }).check();
  await expect(page.getByTestId('sankey-prune-effect')).toContainText(/[1-9]\d* links? hidden/);
  const threshold = await read();
  expect(threshold.hiddenLinks.length).toBeGreaterThan(0);
  expect(threshold.relevance).toBe(topK.relevance);
  expect(balanceProblems(threshold, topK.relevance)).toEqual([]);
});

test('the first paint shows the precomputed example, then the live model replaces it', async ({
  page,
}) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  // Hold the model back: everything else (page, samples, precomputed file) loads normally.
  await page.route('**/models/mnist/model.json', async (route) => {
    await released;
    await route.continue();
  });
  const app = new PathwayPage(page);
  await app.open();
  await expect(app.panel).toHaveAttribute('data-origin', 'precomputed');
  await expect(page.getByTestId('pathway-origin')).toHaveText('precomputed — live model loading…');
  await expect(page.getByTestId('class-origin')).toBeVisible();
  await expect(app.modelStatus).not.toHaveAttribute('data-status', 'ready');
  await expect(app.sankey).toHaveAttribute('data-columns', MNIST_COLUMNS);
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  expect(await app.maxImbalance()).toBeLessThan(1e-5);
  const precomputed = await app.nodeFlows();

  release();
  await app.waitForModel();
  await app.waitForLive();
  await expect(page.getByTestId('pathway-origin')).toHaveCount(0);
  await expect(page.getByTestId('class-origin')).toHaveCount(0);
  // Same view, same numbers (to the file's 6 significant digits).
  expect(flowsClose(precomputed, await app.nodeFlows())).toEqual([]);
});
