import { chromium } from '@playwright/test';
import { startPreview } from './lib/ui-bench-server';
const DIST = process.argv[2] ?? '/tmp/dist-two';
async function main() {
  const preview = await startPreview(4415, DIST);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(`(() => {
    const w = window; w.__rec = [];
    window.addEventListener('pointerup', (e) => {
      const r = { up: e.timeStamp }; w.__rec.push(r);
      const ch = new MessageChannel(); ch.port1.onmessage = () => { r.task = performance.now(); }; ch.port2.postMessage(0);
      requestAnimationFrame((t) => { r.raf = performance.now(); const c2 = new MessageChannel(); c2.port1.onmessage = () => { r.afterFrame = performance.now(); }; c2.port2.postMessage(0); });
    }, true);
    window.addEventListener('pointerup', () => { const r = w.__rec[w.__rec.length - 1]; r.handled = performance.now(); });
    window.addEventListener('click', () => { const r = w.__rec[w.__rec.length - 1]; r.click = performance.now(); });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'pathway-lens:query-answered') { const r = w.__rec[w.__rec.length - 1]; if (r) r.answered = e.startTime; } }).observe({ type: 'mark' });
  })()`);
  await page.goto(`${preview.url}?sample=350&px=20,14`);
  await page.waitForSelector('[data-testid=pathway-panel][data-origin=live]', { timeout: 120000 });
  await page.waitForTimeout(1000);
  const box = (await page.getByRole('application', { name: /^Input image/ }).boundingBox())!;
  const pixels = [200, 210, 320, 350, 400, 430, 460, 490, 515, 540, 180, 380, 408, 436, 238, 266, 294, 322, 211, 239, 201, 211, 321, 351, 401, 431, 461, 491, 516, 541];
  for (const p of pixels) {
    await page.mouse.move(box.x + ((p % 28) + 0.5) * (box.width / 28), box.y + (Math.floor(p / 28) + 0.5) * (box.height / 28));
    await page.mouse.down(); await page.mouse.up();
    await page.waitForTimeout(300);
  }
  const rec: any[] = await page.evaluate('window.__rec');
  await browser.close(); preview.stop();
  const med = (a: number[]) => { const s = a.filter(Number.isFinite).sort((x, y) => x - y); return s[Math.floor(s.length / 2)]?.toFixed(1); };
  const keys = ['handled', 'click', 'task', 'raf', 'afterFrame', 'answered'];
  console.log(keys.map((k) => `${k} ${med(rec.slice(3).map((r) => r[k] - r.up))}`).join(' | '));
}
main();
