// "Bring your own CNN" (src/components/open-model, src/storage): a small TF.js Layers classifier
// opened from files (the picker, or dropped on the page), from another site after the user
// agrees, kept in this browser for a reload, and every broken file named while the model shown
// before stays. The models are e2e/fixtures/models (scripts/make-model-fixtures.ts).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { PathwayPage } from './pages/pathway-page';

interface ModelFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const SHARD = 'group1-shard1of1.bin';
const fixture = (model: string, name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/models/${model}/${name}`, import.meta.url)));
const json = (buffer: Buffer | string): ModelFile => ({
  name: 'model.json',
  mimeType: 'application/json',
  buffer: Buffer.from(buffer),
});
const shard = (buffer: Buffer): ModelFile => ({
  name: SHARD,
  mimeType: 'application/octet-stream',
  buffer,
});
const modelFiles = (model: string): ModelFile[] => [
  json(fixture(model, 'model.json')),
  shard(fixture(model, SHARD)),
];

const GREY_CLASSES = ['circle', 'square', 'triangle', 'cross'];
const RGB_CLASSES = readFileSync(
  fileURLToPath(new URL('./fixtures/models/rgb-32/labels.txt', import.meta.url)),
  'utf8',
)
  .trim()
  .split('\n');

class OwnModelPage extends PathwayPage {
  readonly dialog = this.page.getByTestId('open-model-dialog');
  readonly dialogError = this.page.getByTestId('open-model-error');
  readonly picker = this.page.getByTestId('model-files-input');

  async openDialog(): Promise<void> {
    await this.page.getByTestId('open-model').click();
    await expect(this.dialog).toBeVisible();
  }

  async pick(files: ModelFile[]): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.openDialog();
    await this.picker.setInputFiles(files);
  }

  /** The model on screen is `label`, loaded (the header's status line says so in its tooltip). */
  async expectModel(label: RegExp): Promise<void> {
    await this.waitForModel();
    await expect(this.modelStatus).toHaveAttribute('title', label);
  }

  /** Brush strokes on a `grid`×`grid` input, then a click on one inked pixel with Select. */
  async inkAndSelect(grid: number, row: number, col: number): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the input canvas is not visible');
    const at = (r: number, c: number) => ({
      x: box.x + ((c + 0.5) * box.width) / grid,
      y: box.y + ((r + 0.5) * box.height) / grid,
    });
    await this.tool('Brush');
    const start = at(row, 2);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    const end = at(row, grid - 3);
    await this.page.mouse.move(end.x, end.y, { steps: 8 });
    await this.page.mouse.up();
    await this.tool('Select');
    const p = at(row, col);
    await this.page.mouse.click(p.x, p.y);
  }

  /**
   * The Classes panel names the model's classes: all of them, or (a long list shows its top 10)
   * `shown` of them and none of another model's.
   */
  async expectClassNames(names: readonly string[], shown = names.length): Promise<void> {
    await expect(this.classes).toContainText(names.length > 10 ? `of ${names.length}` : names[0]!);
    await expect
      .poll(async () => {
        const text = (await this.classes.textContent()) ?? '';
        return names.filter((name) => text.includes(name)).length;
      })
      .toBeGreaterThanOrEqual(shown);
    await expect(this.classes).not.toContainText('class 0');
  }

  localModelParam(): string | null {
    return this.linkParams().get('localModel');
  }

  /** The link's localModel once the address bar has caught up (it trails the store by 120 ms). */
  async linkedLocalModel(pattern: RegExp): Promise<string> {
    await expect.poll(() => this.localModelParam()).toMatch(pattern);
    return this.localModelParam() ?? '';
  }
}

/** Drops `files` on the page as a file manager would: dragenter, dragover, drop. */
async function dropFiles(page: Page, files: ModelFile[]): Promise<void> {
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: f.mimeType }));
      }
      return dt;
    },
    files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })),
  );
  const target = page.getByTestId('pathway-view');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByTestId('model-drop-overlay')).toHaveText(
    /Drop model\.json and its weight files/,
  );
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('model-drop-overlay')).toHaveCount(0);
}

test.describe('a model opened from files', () => {
  test('the picker opens it: header, link, class names, a live Sankey; copy link warns', async ({
    page,
  }) => {
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm' });
    await app.waitForModel();
    await app.pick(modelFiles('grey-20'));
    await app.expectModel(/grey_20/);
    await expect(app.dialog).toBeHidden();
    await app.linkedLocalModel(/^[0-9a-f]{16}\.grey_20$/);
    await expect(page.getByRole('radio', { name: 'MNIST', exact: true })).not.toBeChecked();
    await app.expectClassNames(GREY_CLASSES);
    await app.inkAndSelect(20, 10, 10);
    await app.waitForLive([10 * 20 + 10]);
    await expect(app.sankey.locator('rect').first()).toBeVisible();
    // The Analyses area runs in a worker of its own: the model's files reach it too.
    await page.getByTestId('analyses-toggle').click();
    await page
      .getByTestId('analyses')
      .getByRole('tab', { name: /^Movement/ })
      .click();
    await expect(page.getByTestId('run-movement')).toHaveAttribute('data-status', 'done', {
      timeout: 45_000,
    });
    // A link to this view needs the same files.
    await app.copyLink.getByRole('button').click();
    await expect(app.copyLink.getByTestId('local-link-note')).toContainText(
      'whoever opens it needs the same files',
    );
    await page.getByTestId('lesson-open').click();
    await expect(page.getByTestId('lesson-dialog').getByTestId('local-link-note')).toBeVisible();
  });

  test('dropped on the page, with labels.txt: the RGB model and its class names', async ({
    page,
  }) => {
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm' });
    await app.waitForModel();
    await dropFiles(page, [
      ...modelFiles('rgb-32'),
      { name: 'labels.txt', mimeType: 'text/plain', buffer: fixture('rgb-32', 'labels.txt') },
    ]);
    await app.expectModel(/rgb_32/);
    await app.linkedLocalModel(/^[0-9a-f]{16}\.rgb_32$/);
    await app.expectClassNames(RGB_CLASSES, 10);
    await app.inkAndSelect(32, 16, 16);
    await app.waitForLive([16 * 32 + 16]);
    await expect(app.sankey.locator('rect').first()).toBeVisible();
  });

  test('a sample set opened with the model becomes its gallery', async ({ page }) => {
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm' });
    await app.waitForModel();
    // Six 20×20 grey samples: sample i has a bright row at 3 + 2i (the format of public/samples).
    const count = 6;
    const bin = Buffer.alloc(count * 20 * 20);
    for (let i = 0; i < count; i++)
      bin.fill(255, i * 400 + (3 + 2 * i) * 20, i * 400 + (4 + 2 * i) * 20);
    const meta = {
      dataset: 'shapes',
      count,
      height: 20,
      width: 20,
      classNames: GREY_CLASSES,
      labels: [0, 1, 2, 3, 0, 1],
    };
    await app.pick([
      ...modelFiles('grey-20'),
      {
        name: 'samples.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(meta)),
      },
      { name: 'samples.bin', mimeType: 'application/octet-stream', buffer: bin },
    ]);
    await app.expectModel(/grey_20/);
    const thumbs = page.locator('button[data-sample-index]');
    await expect(thumbs).toHaveCount(count);
    // The gallery's first sample is the input, and picking another one makes it the input.
    await expect(page.getByTestId('input-caption')).toContainText('Sample 0');
    await page.locator('button[data-sample-index="3"]').click();
    await expect(page.getByTestId('input-caption')).toContainText('Sample 3');
    await expect(page.getByTestId('input-caption')).toContainText(GREY_CLASSES[3]!);
  });

  test('a layer the engine cannot trace: the model still predicts, the view names the layer', async ({
    page,
  }) => {
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm' });
    await app.waitForModel();
    // grey-20 with a tanh on its first convolution: Keras runs it, the pathway engine cannot.
    const model = JSON.parse(fixture('grey-20', 'model.json').toString('utf8')) as {
      modelTopology: {
        config: { layers: Array<{ class_name: string; config: Record<string, unknown> }> };
      };
    };
    const conv = model.modelTopology.config.layers.find((l) => l.class_name === 'Conv2D')!;
    conv.config['activation'] = 'tanh';
    await app.pick([json(JSON.stringify(model)), shard(fixture('grey-20', SHARD))]);
    await app.expectModel(/grey_20/);
    await app.expectClassNames(GREY_CLASSES);
    await expect(app.classes).toContainText('%');
    const pathways = page.getByRole('region', { name: 'Pixel pathways' });
    await expect(pathways.getByRole('note')).toContainText(
      `This model cannot be traced: Unsupported layer '${String(conv.config['name'])}' (Conv2D): activation 'tanh'`,
    );
    // Nothing to choose, prune, lay out or export for it: no controls that would do nothing.
    await expect(pathways.getByRole('combobox')).toHaveCount(0);
    await expect(pathways.getByRole('button')).toHaveCount(0);
    await expect(pathways.getByRole('radio')).toHaveCount(0);
  });

  test('an image dropped on the page is not a model', async ({ page }) => {
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm' });
    await app.waitForModel();
    const dispatched = await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(8)], 'digit.png', { type: 'image/png' }));
      const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
      document.querySelector('[data-testid="pathway-view"]')?.dispatchEvent(drop);
      return drop.defaultPrevented;
    });
    // Left to the input panel (nothing here claimed it), and no model was opened.
    expect(dispatched).toBe(false);
    await expect(page.getByTestId('model-drop-overlay')).toHaveCount(0);
    expect(app.localModelParam()).toBeNull();
  });

  test('kept in this browser: a reload restores it, and Remove forgets it', async ({ page }) => {
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm' });
    await app.waitForModel();
    await app.pick(modelFiles('grey-20'));
    await app.expectModel(/grey_20/);
    const id = await app.linkedLocalModel(/^[0-9a-f]{16}\.grey_20$/);

    await page.reload();
    await app.expectModel(/grey_20/);
    expect(app.localModelParam()).toBe(id);
    await app.expectClassNames(GREY_CLASSES);

    await app.openDialog();
    const kept = app.dialog.getByTestId('kept-models').getByRole('listitem');
    await expect(kept).toHaveCount(1);
    await expect(kept).toContainText('grey_20');
    await expect(kept).toContainText(/\d+(\.\d)? KB/);
    await kept.getByRole('button', { name: 'Remove grey_20' }).click();
    await expect(app.dialog.getByTestId('kept-models-empty')).toBeVisible();

    // Forgotten: the same link now asks for the files.
    await page.reload();
    await expect(page.getByTestId('open-model-missing')).toHaveText(
      'This link shows a model opened from a file (grey_20). Open the same files to see it.',
    );
  });

  test('kept models need no network: a reload offline restores it', async ({ page, context }) => {
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm' });
    await app.waitForModel();
    await app.pick(modelFiles('grey-20'));
    await app.expectModel(/grey_20/);
    const id = await app.linkedLocalModel(/^[0-9a-f]{16}\.grey_20$/);
    // The site itself comes from the service worker's copy (e2e/offline.spec.ts).
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (worker && worker.state !== 'activated') {
        await new Promise<void>((resolve) =>
          worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
        );
      }
    });
    await context.setOffline(true);
    await page.reload();
    await app.expectModel(/grey_20/);
    expect(app.localModelParam()).toBe(id);
    await app.expectClassNames(GREY_CLASSES);
  });

  test('a link to a model this browser does not keep asks for its files', async ({ page }) => {
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm', localModel: '0123456789abcdef' });
    await expect(app.dialog).toBeVisible();
    await expect(page.getByTestId('open-model-missing')).toHaveText(
      'This link shows a model opened from a file. Open the same files to see it.',
    );
    await expect(app.notices).toContainText('Open the same files to see it.');
    // Meanwhile the built-in model, and the link no longer names the missing one.
    await app.expectModel(/MNIST/);
    await expect.poll(() => app.localModelParam()).toBeNull();
    // Other files than the link's: said, and opened as the user chose.
    await app.pick(modelFiles('grey-20'));
    await expect(app.notices).toContainText("These files differ from the link's model");
    await app.expectModel(/grey_20/);
  });
});

test.describe('broken model files', () => {
  const grey = modelFiles('grey-20');
  const greyJson = JSON.parse(fixture('grey-20', 'model.json').toString('utf8')) as {
    modelTopology: { config: { layers: Array<{ config: Record<string, unknown> }> } };
  };
  const nanShard = Buffer.from(fixture('grey-20', SHARD));
  new Float32Array(nanShard.buffer, nanShard.byteOffset, nanShard.length / 4).fill(NaN);

  const cases: Array<[string, ModelFile[], RegExp]> = [
    ['invalid JSON', [json('{"modelTopology": [1, 2'), grey[1]!], /model\.json is not valid JSON/],
    [
      'an HTML page instead of model.json',
      [json('<!doctype html><title>Sign in</title>'), grey[1]!],
      /model\.json is an HTML page, not a model/,
    ],
    ['a missing shard', [grey[0]!], /weight file is missing: group1-shard1of1\.bin/],
    [
      'a truncated shard',
      [grey[0]!, shard(fixture('grey-20', SHARD).subarray(0, 1000))],
      /Truncated or wrong shard: group1-shard1of1\.bin \(1000 bytes\)/,
    ],
    ['NaN weights', [grey[0]!, shard(nanShard)], /Layer “conv1” has a NaN weight/],
    [
      'an input of 300×300',
      modelFiles('wide-300'),
      /300 × 300 pixels, but the height and width must be from 8 to 256 pixels/,
    ],
  ];

  test('each says what is wrong, and the model shown before stays with its link', async ({
    page,
  }) => {
    expect(greyJson.modelTopology.config.layers.length).toBeGreaterThan(0);
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm' });
    await app.waitForModel();
    await app.pick(modelFiles('rgb-32'));
    await app.expectModel(/rgb_32/);
    const link = await app.linkedLocalModel(/^[0-9a-f]{16}\.rgb_32$/);
    for (const [what, files, reason] of cases) {
      await test.step(what, async () => {
        await app.pick(files);
        await expect(app.dialogError).toHaveText(reason, { timeout: 30_000 });
        await expect(app.notices.locator('[data-notice-id="open-model"]')).toContainText(reason);
        await app.expectModel(/rgb_32/);
        expect(app.localModelParam()).toBe(link);
      });
    }
    // Still usable: a click draws its live Sankey.
    await page.keyboard.press('Escape');
    await app.inkAndSelect(32, 16, 16);
    await app.waitForLive([16 * 32 + 16]);
  });
});

/** A second origin (localhost rather than 127.0.0.1) serving the fixtures, with CORS or not. */
async function startModelHost(options: { cors: boolean; shardDelayMs?: number }) {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const match = /^\/(grey-20|rgb-32)\/(model\.json|group1-shard1of1\.bin)$/.exec(path);
    const headers: Record<string, string> = options.cors
      ? { 'access-control-allow-origin': '*' }
      : {};
    if (!match) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    const body = fixture(match[1]!, match[2]!);
    const send = () =>
      res
        .writeHead(200, {
          ...headers,
          'content-type':
            match[2] === 'model.json' ? 'application/json' : 'application/octet-stream',
        })
        .end(body);
    if (match[2] !== 'model.json' && options.shardDelayMs) setTimeout(send, options.shardDelayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `localhost:${port}`,
    url: (model: string) => `http://localhost:${port}/${model}/model.json`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test.describe('a model on another site', () => {
  test('loads only after the user agrees, with its progress and name in the header', async ({
    page,
  }) => {
    const other = await startModelHost({ cors: true, shardDelayMs: 1500 });
    try {
      const app = new OwnModelPage(page);
      await app.open({ backend: 'wasm', modelUrl: other.url('grey-20') });
      const prompt = page.getByTestId('remote-model-prompt');
      await expect(prompt).toContainText(`This link opens a model from ${other.host}. Load it?`);
      // Nothing from the other site yet: the built-in model is shown meanwhile.
      await app.expectModel(/MNIST/);
      await prompt.getByRole('button', { name: 'Load' }).click();
      await expect(app.modelStatus).toHaveAttribute('data-status', 'loading');
      await expect(app.modelStatus).toContainText(
        new RegExp(`Loading ${other.host}: grey-20/model\\.json… \\d+ %`),
      );
      await app.expectModel(new RegExp(`${other.host}: grey-20/model\\.json`));
      expect(app.linkParams().get('modelUrl')).toBe(other.url('grey-20'));
      await app.expectClassNames(GREY_CLASSES);
    } finally {
      await other.close();
    }
  });

  test('"Use the built-in model" keeps the built-in one and drops the address', async ({
    page,
  }) => {
    const app = new OwnModelPage(page);
    await app.open({ backend: 'wasm', modelUrl: 'https://other.example/m/model.json' });
    const prompt = page.getByTestId('remote-model-prompt');
    await expect(prompt).toContainText('This link opens a model from other.example. Load it?');
    await prompt.getByRole('button', { name: 'Use the built-in model' }).click();
    await expect(prompt).toBeHidden();
    await app.expectModel(/MNIST/);
    await expect.poll(() => app.linkParams().get('modelUrl')).toBeNull();
  });

  test('a host that refuses CORS: the message says so, and the model before stays', async ({
    page,
  }) => {
    const other = await startModelHost({ cors: false });
    try {
      const app = new OwnModelPage(page);
      await app.open({ backend: 'wasm' });
      await app.waitForModel();
      await app.openDialog();
      await page.getByTestId('model-url-input').fill(other.url('grey-20'));
      await expect(page.getByTestId('model-url-origin')).toContainText(
        `Downloads from http://${other.host}`,
      );
      await app.dialog.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(app.dialogError).toContainText('did not let this site read the file');
      await expect(app.notices).toContainText('did not let this site read the file');
      await app.expectModel(/MNIST/);
      expect(app.linkParams().get('modelUrl')).toBeNull();
    } finally {
      await other.close();
    }
  });
});
