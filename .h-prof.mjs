import { chromium } from '@playwright/test';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
await page.goto(`${base}?sample=350&px=0,0`);
await page.waitForSelector('[data-testid=pathway-panel][data-origin=live]', { timeout: 120000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const box = await page.getByRole('application', { name: /^Input image/ }).boundingBox();
const pix = [];
for (let i = 0; i < 784 && pix.length < 25; i += 37) pix.push(i);
for (const p of [180,210,235,262,290,320,348,375,400,430,460,490,515,545,570,155,185,215,240,270]) {
  const x = box.x + ((p % 28) + 0.5) * (box.width / 28), y = box.y + (Math.floor(p / 28) + 0.5) * (box.height / 28);
  await page.mouse.move(x, y); await page.mouse.down(); await page.mouse.up();
  await page.waitForTimeout(400);
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const dt = profile.timeDeltas; const idx = new Map(profile.nodes.map((n,i)=>[n.id,n]));
const counts = new Map(); profile.samples.forEach((id,i)=>counts.set(id,(counts.get(id)||0)+(dt[i]||0)));
for (const n of profile.nodes) { const k = `${n.callFrame.functionName||'(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k,(self.get(k)||0)+(counts.get(n.id)||0)); }
// inclusive by function name
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children||[]) parent.set(c,n.id);
const incl = new Map();
for (const n of profile.nodes) { const t = counts.get(n.id)||0; if(!t) continue; const seen=new Set(); let id=n.id; while(id!==undefined){const m=idx.get(id); const k=m.callFrame.functionName||'(anon)'; if(!seen.has(k)){seen.add(k); incl.set(k,(incl.get(k)||0)+t);} id=parent.get(id);} }

const under=(root)=>{const res=new Map();for(const n of profile.nodes){const t=counts.get(n.id)||0;if(!t)continue;let id=n.id;const chain=[];let inRoot=false;while(id!==undefined){const m=idx.get(id);chain.push(m.callFrame.functionName);if(m.callFrame.functionName===root){inRoot=true;break;}id=parent.get(id);}if(!inRoot)continue;const seen=new Set();for(const k of chain){if(/^[A-Z]/.test(k)&&!seen.has(k)){seen.add(k);res.set(k,(res.get(k)||0)+t);}}}return res;};
for (const r of ['performSyncWorkOnRoot','performWorkOnRootViaSchedulerTask','flushMutationEffects']) { console.log('UNDER',r); [...under(r)].sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([k,v])=>console.log((v/1000).toFixed(1).padStart(8),k)); }
console.log('SELF'); [...self].sort((a,b)=>b[1]-a[1]).slice(0,30).forEach(([k,v])=>console.log((v/1000).toFixed(1).padStart(8),k));
console.log('INCL'); [...incl].sort((a,b)=>b[1]-a[1]).slice(0,70).forEach(([k,v])=>console.log((v/1000).toFixed(1).padStart(8),k));
await browser.close();
