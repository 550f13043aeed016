// Uploads, for a student with a phone photo and for a hostile file (docs/reliability.md,
// "Uploads"): a photographed digit on unevenly lit paper is read right; a crop box chooses the
// region from the mouse or the keyboard; every bad file gets a plain message and the app stays
// usable (a click on a pixel afterwards still draws a Sankey).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { PathwayPage } from './pages/pathway-page';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const PHOTO_7 = fixture('photos/photo-7.jpg');

interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A PNG of any size with little memory: 1-bit grey rows, `ink(x, y)` true for black. */
function bilevelPng(width: number, height: number, ink: (x: number, y: number) => boolean): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, grey, deflate, no filter, no interlace
  const stride = Math.ceil(width / 8) + 1;
  const raw = Buffer.alloc(stride * height, 0xff);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0;
    for (let x = 0; x < width; x++) {
      if (ink(x, y)) raw[y * stride + 1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function rgbaPng(width: number, height: number, pixel: (x: number, y: number) => number[]): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) png.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(png);
}

/** A "7" drawn as two thick bars in a w×h box at (x0, y0). */
function seven(x0: number, y0: number, w: number, h: number) {
  const t = Math.max(1, Math.round(w / 7));
  return (x: number, y: number) => {
    const u = x - x0;
    const v = y - y0;
    if (u < 0 || v < 0 || u >= w || v >= h) return false;
    if (v < t) return true; // the bar
    const stem = w - t - ((w - 2 * t) * v) / h; // the stem, leaning left as it goes down
    return u >= stem && u < stem + t;
  };
}

const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Every content-security-policy violation of the page, from before its first script. */
const violations = new WeakMap<Page, string[]>();

async function openApp(page: Page): Promise<PathwayPage> {
  const seen: string[] = [];
  violations.set(page, seen);
  await page.exposeFunction('__cspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    const report = (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation;
    document.addEventListener('securitypolicyviolation', (e) =>
      report(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const app = new PathwayPage(page);
  await app.open({ sample: '350' });
  await app.waitForModel();
  await app.waitForLive();
  return app;
}

async function upload(app: PathwayPage, file: string | Upload): Promise<Locator> {
  const chooser = app.page.waitForEvent('filechooser');
  await app.tool('Upload…');
  await (await chooser).setFiles(file);
  const dialog = app.page.getByRole('dialog', { name: 'Use a picture as input' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a phone photo of a 7 is read as 7; the crop box works by keyboard', async ({ page }) => {
  const app = await openApp(page);
  const dialog = await upload(app, PHOTO_7);
  await expect(dialog.getByText('JPEG, 400×300 pixels.')).toBeVisible();
  // Dark ink on light paper is detected: the invert box is ticked by itself.
  await expect(dialog.getByRole('checkbox', { name: /Invert/ })).toBeChecked();
  await expect(dialog.getByText('Detected: dark strokes on light paper')).toBeVisible();
  await expect(
    dialog.getByText(/What the network sees: exactly these 28×28 pixels, \d+ with ink/),
  ).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveCount(0); // no warning for a clear photo
  await dialog.screenshot({ path: 'test-results/e2e/upload-photo.png' });

  // The crop box, from the keyboard: Tab to it, Shift + arrows shrink it, arrows move it.
  const crop = dialog.getByRole('application', { name: /^Crop box/ });
  await expect(crop).toHaveAccessibleName('Crop box: 400×300 pixels at 0, 0 of 400×300');
  await crop.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(crop).toHaveAccessibleName('Crop box: 392×292 pixels at 0, 0 of 400×300');
  await page.keyboard.press('ArrowRight');
  await expect(crop).toHaveAccessibleName('Crop box: 392×292 pixels at 8, 0 of 400×300');
  // Crop to the digit, then back to the whole picture.
  await dialog.getByRole('button', { name: 'Crop to the digit' }).click();
  await expect(crop).not.toHaveAccessibleName(/400×300 pixels at/);
  await expect(dialog.getByRole('button', { name: 'Whole picture' })).toBeEnabled();

  await dialog.getByRole('button', { name: 'Use this input' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.inputCaption).toHaveText('Uploaded: photo-7.jpg');
  await expect(app.prediction).toHaveAttribute('data-class-index', '7');
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('7');
  await app.waitForLive();
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  await expect(app.sankey).toHaveAttribute('data-class', '7');
  expect(violations.get(page)).toEqual([]);
});

test('dragging the crop box onto a small digit clears the "small" warning', async ({ page }) => {
  const app = await openApp(page);
  // A 7 of 40×50 pixels in the corner of a 400×300 sheet.
  const small = rgbaPng(400, 300, (x, y) =>
    seven(300, 200, 40, 50)(x, y) ? [30, 30, 30, 255] : [235, 232, 225, 255],
  );
  const dialog = await upload(app, { name: 'small-7.png', mimeType: 'image/png', buffer: small });
  const warning = dialog.getByRole('status');
  await expect(warning).toContainText('drag the crop box closer around it');
  await dialog.screenshot({ path: 'test-results/e2e/upload-warning.png' });
  // The dialog, its crop box and its warning pass axe (no serious or critical violation).
  const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
  expect(serious).toEqual([]);
  // Drag a box around the digit with the mouse (picture pixels → screen through the box).
  const crop = dialog.getByRole('application', { name: /^Crop box/ });
  const box = (await crop.boundingBox())!;
  const at = (x: number, y: number) =>
    [box.x + (x / 400) * box.width, box.y + (y / 300) * box.height] as const;
  await page.mouse.move(...at(280, 185));
  await page.mouse.down();
  await page.mouse.move(...at(360, 265), { steps: 5 });
  await page.mouse.up();
  await expect(crop).toHaveAccessibleName(
    /^Crop box: [78]\d×[78]\d pixels at 2[78]\d, 18\d of 400×300$/,
  );
  await expect(warning).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Use this input' }).click();
  await expect(app.prediction).toHaveAttribute('data-class-index', '7');
});

test('bad uploads each get a clear message, and the app stays usable', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await openApp(page);
  const digit = readFileSync(fixture('digit-3.png'));
  const cases: Array<{ file: Upload; message: RegExp }> = [
    {
      file: { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
      message: /The file is empty \(0 bytes\)/,
    },
    {
      file: {
        name: 'notes.png',
        mimeType: 'image/png',
        buffer: Buffer.from('Homework: digits 0-9\n'),
      },
      message: /This file is text, not a picture.*PNG and JPEG/,
    },
    {
      file: {
        name: 'cut.png',
        mimeType: 'image/png',
        buffer: digit.subarray(0, digit.length >> 1),
      },
      message: /The PNG file is incomplete/,
    },
    {
      file: { name: 'dot.png', mimeType: 'image/png', buffer: rgbaPng(1, 1, () => [0, 0, 0, 255]) },
      message: /The picture is 1×1 pixels: too small to hold a digit.*at least 8×8/,
    },
    {
      file: {
        name: 'huge.png',
        mimeType: 'image/png',
        buffer: bilevelPng(10000, 10000, () => false),
      },
      message: /10000×10000 pixels \(100 megapixels\); pictures up to 40 megapixels are read/,
    },
    {
      file: {
        name: 'clear.png',
        mimeType: 'image/png',
        buffer: rgbaPng(64, 64, () => [0, 0, 0, 0]),
      },
      message: /fully transparent: nothing is drawn on it/,
    },
    {
      file: {
        name: 'seven.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28"><text y="20">7</text></svg>',
        ),
      },
      message: /This is an SVG \(vector\) drawing.*PNG and JPEG pictures only/,
    },
    {
      file: { name: 'dot.gif', mimeType: 'image/gif', buffer: GIF_1X1 },
      message: /This is a GIF file.*PNG and JPEG pictures only/,
    },
  ];
  for (const { file, message } of cases) {
    const started = Date.now();
    const dialog = await upload(app, file);
    await expect(dialog.getByRole('alert'), file.name).toHaveText(message);
    expect(Date.now() - started, `${file.name} answered quickly`).toBeLessThan(10_000);
    await expect(dialog.getByRole('button', { name: 'Use this input' })).toBeDisabled();
    if (file.name === 'huge.png')
      await dialog.screenshot({ path: 'test-results/e2e/upload-error.png' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }
  // The input is unchanged and still works: a click on a stroke pixel draws a Sankey.
  await expect(app.inputCaption).toContainText('Sample 350');
  await app.clickPixel(15, 17);
  await app.waitForLive([15 * 28 + 17]);
  await expect(app.sankey).toHaveAttribute('data-empty', 'false');
  expect(violations.get(page)).toEqual([]);
});

test('a 24-megapixel photo is read downscaled without freezing the page', async ({ page }) => {
  const app = await openApp(page);
  const big = bilevelPng(6000, 4000, seven(2400, 1200, 1200, 1600));
  const started = Date.now();
  const dialog = await upload(app, { name: 'big-7.png', mimeType: 'image/png', buffer: big });
  await expect(dialog.getByText('PNG, 6000×4000 pixels, read at 512×341.')).toBeVisible();
  // The page answers while and after the picture is decoded.
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  expect(Date.now() - started).toBeLessThan(20_000);
  await dialog.getByRole('button', { name: 'Use this input' }).click();
  await expect(app.prediction).toHaveAttribute('data-class-index', '7');
});

test('on Fashion-MNIST the upload dialog speaks of the garment, not of a digit', async ({
  page,
}) => {
  const app = await openApp(page);
  await page.getByRole('radio', { name: 'Fashion-MNIST' }).check();
  await app.waitForModel();
  const dialog = await upload(app, PHOTO_7);
  await expect(dialog.getByRole('button', { name: 'Crop to the garment' })).toBeVisible();
  await expect(
    dialog.getByText(/What the network sees: exactly these 28×28 pixels, \d+ on the garment/),
  ).toBeVisible();
  await expect(dialog.getByText(/the dashed line the garment found/)).toBeVisible();
});
