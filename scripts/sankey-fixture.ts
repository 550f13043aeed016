// Dev harness for the Sankey: builds the standalone SVG export of a synthetic conserved flow and an
// interactive page (scripts/sankey-harness.tsx bundled with esbuild) into an output folder, then
// screenshots them in headless Chromium (idle, hovered, pinned, pruned, canvas, empty, playback)
// so the rendering can be looked at. Usage: npx tsx scripts/sankey-fixture.ts [outDir=/tmp/sankey]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { buildNetwork, computeGates, queryPixels } from '../src/pathways';
import type { PixelQueryResult } from '../src/pathways/types';
import { hasShippedModel, loadShippedModel, readSampleSet, sampleInput } from './lib/shipped';
import { buildSankeyGraph } from '../src/layout/sankey-graph';
import { layoutSankey } from '../src/layout/sankey-layout';
import { describePruneEffect } from '../src/layout/prune-spec';
import { syntheticPixelQuery } from '../src/layout/testing/synthetic-result';
import { sankeyTitle } from '../src/render/describe';
import { sankeyToSvgString } from '../src/render/svg-export';

const out = resolve(process.argv[2] ?? '/tmp/sankey');
mkdirSync(out, { recursive: true });
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const names = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const graph = buildSankeyGraph(syntheticPixelQuery(), { classNames: names });
const layout = layoutSankey(graph, { width: 1200, height: 560 });
const svg = sankeyToSvgString(layout, {
  title: sankeyTitle(graph),
  subtitle: describePruneEffect(graph.stats),
});
writeFileSync(join(out, 'export.svg'), svg);
writeFileSync(
  join(out, 'export.html'),
  `<body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`,
);

await build({
  entryPoints: [resolve(import.meta.dirname, 'sankey-harness.tsx')],
  bundle: true,
  // A classic script: Chromium refuses ES modules from file:// URLs.
  format: 'iife',
  outfile: join(out, 'harness.js'),
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"development"' },
  logLevel: 'warning',
});
/** A real query on the shipped MNIST model (sample 3, its first bright pixel below row 10). */
async function realQuery(): Promise<PixelQueryResult | null> {
  if (!hasShippedModel('mnist')) return null;
  const net = buildNetwork(await loadShippedModel('mnist'));
  const image = sampleInput(readSampleSet('mnist'), 3);
  const pixel = image.findIndex((v, p) => p > 300 && v > 0.9);
  return queryPixels(net, await computeGates(net, image), [pixel]);
}

// Typed arrays become plain arrays; the harness turns them back (see reviveResult there).
const real = await realQuery();
const realJson = JSON.stringify(real, (_key, value: unknown) =>
  value instanceof Float32Array ? Array.from(value) : value,
).replace(/</g, '\\u003c');
writeFileSync(
  join(out, 'index.html'),
  '<!doctype html><meta charset="utf-8"><title>Sankey harness</title>' +
    `<script type="application/json" id="real-result">${realJson}</script>` +
    '<body style="margin:0;background:#fff"><div id="root"></div><script src="harness.js"></script>',
);

const shots: Array<{ name: string; query: string; act?: string; width?: number }> = [
  { name: 'export', query: '' },
  { name: 'idle', query: '' },
  { name: 'hover-node', query: '', act: 'hover:conv2_1:3' },
  { name: 'pinned', query: 'pin=dense1:53' },
  { name: 'threshold', query: 'prune=min0.03' },
  { name: 'pool-shown', query: 'pool=show' },
  { name: 'wide-canvas', query: 'fixture=wide&prune=top24', act: 'hover-canvas' },
  { name: 'rgb', query: 'fixture=rgb' },
  { name: 'zero', query: 'fixture=zero' },
  { name: 'reveal-3', query: 'reveal=3' },
  { name: 'narrow', query: '', width: 760 },
  { name: 'real', query: 'fixture=real' },
  { name: 'real-pinned', query: 'fixture=real&pin=conv2_1:other' },
  { name: 'real-chain', query: 'fixture=real', act: 'hover-chain' },
];
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width ?? 1400, height: 900 } });
    const url =
      shot.name === 'export'
        ? `file://${join(out, 'export.html')}`
        : `file://${join(out, 'index.html')}?${shot.query}`;
    page.on('pageerror', (e) => console.error(`${shot.name}: ${e.message}`));
    await page.goto(url);
    if (shot.name !== 'export') await page.waitForSelector('[data-testid="sankey"]');
    if (shot.act?.startsWith('hover:')) {
      await page.hover(`[data-node-id="${shot.act.slice(6)}"] .pl-node-box`);
    }
    if (shot.act === 'hover-canvas') await page.mouse.move(420, 330);
    if (shot.act === 'hover-chain') await page.hover('[data-testid="sankey-chains"] tbody tr');
    await page.screenshot({ path: join(out, `${shot.name}.png`), fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${out}: ${shots.map((s) => s.name).join(', ')}`);
