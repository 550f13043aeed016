// `npm run test:e2e`: builds the app and runs the Playwright specs against Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const env = { ...process.env, CHROMIUM_PATH: findChromium() };
for (const [cmd, args] of [
  ['npx', ['vite', 'build']],
  ['npx', ['playwright', 'test', ...process.argv.slice(2)]],
]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status || 1);
}
