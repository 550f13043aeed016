// `npm test`: type check, lint (with the import-circle check), format check, unit tests, production build and end-to-end tests,
// in that order, stopping at the first failure. Ends with one plain summary line of test counts.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const REPORTS = 'test-results/reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

function step(title, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${title} failed after ${seconds}s (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`=== ${title} passed in ${seconds}s`);
}

function readCounts(file, pick) {
  try {
    return pick(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

let chromium;
try {
  chromium = findChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

step('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
step('import circles', 'node', ['scripts/check-import-cycles.mjs', 'src']);
step('format check', 'npx', ['prettier', '--check', '.']);
step('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORTS}/unit.json`,
]);
step('production build', 'npx', ['vite', 'build']);
step('end-to-end tests', 'npx', ['playwright', 'test'], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json`,
});

const unit = readCounts(`${REPORTS}/unit.json`, (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
}));
const e2e = readCounts(`${REPORTS}/e2e.json`, (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
}));
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed`);
console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(
  `total: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed, ${unit.skipped + e2e.skipped} skipped`,
);
