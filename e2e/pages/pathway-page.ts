// Page object for the visualizer: the input canvas, the Sankey, the feature maps and the class
// panel, and how the tests wait for a live (not precomputed, not stale) answer.
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export const GRID = 28;
/** The MNIST model's Sankey columns with the default settings (pools merged into their conv). */
export const MNIST_COLUMNS = 'input,conv1_1,conv1_2 + pool1,conv2_1,conv2_2 + pool2,dense1,class';

export class PathwayPage extends AppPage {
  readonly panel: Locator;
  readonly sankey: Locator;
  readonly canvas: Locator;
  readonly maps: Locator;
  readonly classes: Locator;
  readonly copyLink: Locator;

  constructor(page: Page) {
    super(page);
    this.panel = page.getByTestId('pathway-panel');
    this.sankey = page.getByTestId('sankey');
    this.canvas = page.getByRole('application', { name: /^Input image/ });
    this.maps = page.getByRole('region', { name: 'Feature maps' });
    this.classes = page.locator('.column-classes').getByRole('group', { name: 'Classes' });
    this.copyLink = page.getByTestId('copy-link');
  }

  /** Waits until the Sankey shows the live answer for `pixels` (flat row * 28 + col), if given. */
  async waitForLive(pixels?: number[]): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-origin', 'live', { timeout: 45_000 });
    if (pixels) await expect(this.panel).toHaveAttribute('data-pixels', pixels.join(','));
    await expect(this.panel).toHaveAttribute('data-query-status', 'ready');
  }

  async selectedPixels(): Promise<number[]> {
    const text = (await this.panel.getAttribute('data-pixels')) ?? '';
    return text ? text.split(',').map(Number) : [];
  }

  /** The centre of cell (row, col) of the input canvas, in page coordinates. */
  async cellPoint(row: number, col: number): Promise<{ x: number; y: number }> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the input canvas is not visible');
    return {
      x: box.x + ((col + 0.5) * box.width) / GRID,
      y: box.y + ((row + 0.5) * box.height) / GRID,
    };
  }

  async clickPixel(row: number, col: number): Promise<void> {
    const { x, y } = await this.cellPoint(row, col);
    await this.page.mouse.click(x, y);
  }

  /** Brush strokes through the given cells (each stroke: mouse down, moves, up). */
  async drawStrokes(strokes: Array<Array<[number, number]>>): Promise<void> {
    for (const stroke of strokes) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      const start = await this.cellPoint(first[0], first[1]);
      await this.page.mouse.move(start.x, start.y);
      await this.page.mouse.down();
      for (const [row, col] of rest) {
        const p = await this.cellPoint(row, col);
        await this.page.mouse.move(p.x, p.y, { steps: 6 });
      }
      await this.page.mouse.up();
    }
  }

  async tool(name: 'Select' | 'Brush' | 'Eraser' | 'Clear' | 'Upload…'): Promise<void> {
    await this.page
      .getByRole('toolbar', { name: 'Input tools' })
      .getByRole('button', { name })
      .click();
  }

  async maxImbalance(): Promise<number> {
    return Number(await this.sankey.getAttribute('data-max-imbalance'));
  }

  /** Every drawn node's signed flow, by node id. */
  async nodeFlows(): Promise<Record<string, number>> {
    return this.sankey.evaluate((svg) => {
      const out: Record<string, number> = {};
      for (const g of svg.querySelectorAll('[data-node-id]')) {
        out[g.getAttribute('data-node-id') ?? ''] = Number(g.getAttribute('data-flow'));
      }
      return out;
    });
  }

  /** A map-like node of a Sankey column (not "other"), e.g. the first drawn conv2_1 map. */
  mapNode(column: string): Locator {
    return this.sankey
      .locator(`[data-node-id^="${column}:"]:not([data-node-id$=":other"])`)
      .first();
  }

  /** Clicks a Sankey node on its box (its label extends over the links to its right). */
  async clickNode(node: Locator): Promise<void> {
    await node.locator('.pl-node-box').click();
  }

  thumbnail(layer: string, channel: number): Locator {
    return this.maps.getByRole('button', { name: new RegExp(`^${layer} map ${channel}\\b`) });
  }
}

/**
 * An image code (src/lib/image-codec.ts) of a `width`×`height` image whose pixels are all at grey
 * level `level` (1–15): what a link made for a model of another input size would carry.
 */
export function uniformImageCode(width: number, height: number, level = 15): string {
  const symbols: number[] = new Array<number>(width * height).fill(level);
  if (symbols.length % 2) symbols.push(0);
  const bytes = [1, height, width];
  for (let i = 0; i < symbols.length; i += 2)
    bytes.push(((symbols[i] ?? 0) << 4) | (symbols[i + 1] ?? 0));
  return Buffer.from(bytes).toString('base64url');
}

/** The two flow maps agree to within float32 noise and the precomputed file's rounding. */
export function flowsClose(a: Record<string, number>, b: Record<string, number>): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === undefined || y === undefined) problems.push(`${k}: only in one view`);
    else if (Math.abs(x - y) > 1e-5 + 1e-4 * Math.max(Math.abs(x), Math.abs(y)))
      problems.push(`${k}: ${x} vs ${y}`);
  }
  return problems;
}
