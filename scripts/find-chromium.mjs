// Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, then Debian's /usr/bin/chromium,
// then a browser Playwright downloaded itself. When none exists and we run as root on a
// Debian/Ubuntu machine, installs Debian's `chromium`; otherwise explains how to get one.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const DEBIAN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function playwrightOwnChromium() {
  try {
    // Resolved lazily: playwright-core's registry knows where `npx playwright install` puts it.
    const out = execSync(
      `node -e "import('playwright-core').then(p => console.log(p.chromium.executablePath()))"`,
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
    return out && existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

function findExisting() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.`);
  }
  return DEBIAN_PATHS.find((p) => existsSync(p)) ?? playwrightOwnChromium();
}

function canAptInstall() {
  return (
    process.platform === 'linux' &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    existsSync('/usr/bin/apt-get')
  );
}

export function findChromium({ install = true } = {}) {
  const found = findExisting();
  if (found) return found;
  if (install && canAptInstall()) {
    console.log("No Chromium found; installing Debian's chromium with apt-get (root) ...");
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      {
        stdio: 'inherit',
      },
    );
    const after = findExisting();
    if (after) return after;
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROMIUM_PATH=/path/to/chromium, then run `npm test` again.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(findChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
