// The UI benchmark's plumbing: build (or reuse) dist/, serve it with `vite preview` on a free
// localhost port, and stop the server again. Node only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { REPO_ROOT } from './shipped';

/** Builds into `outDir` (default dist/, relative to the repository), or reuses a build there. */
export function buildOrReuse(reuse: boolean, outDir = 'dist'): void {
  const index = resolvePath(REPO_ROOT, outDir, 'index.html');
  if (reuse && existsSync(index)) {
    console.log(`Reusing ${outDir}/ (built earlier).`);
    return;
  }
  console.log('Building the app (vite build)…');
  const out = outDir === 'dist' ? [] : ['--outDir', outDir, '--emptyOutDir'];
  const r = spawnSync('npx', ['vite', 'build', ...out], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Throws when something already listens on `port` (it would answer in our server's place). */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new Error(`port ${port} is taken: pass another --port, or stop what listens there`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export interface Preview {
  url: string;
  stop(): void;
}

/** `vite preview` of `outDir` (default dist/) on `port`; resolves once the page answers. */
export async function startPreview(port: number, outDir = 'dist'): Promise<Preview> {
  await assertPortFree(port);
  const child: ChildProcess = spawn(
    'npx',
    [
      ...['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
      ...['--outDir', outDir],
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    // The preview runs under npx: stop its whole process group (only the one we started).
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
  };
  // Our own server must be the one that answers: with --strictPort a taken port makes it exit,
  // and whatever else listens there (another build, another session's preview) would otherwise
  // be measured in its place.
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (let i = 0; i < 150; i++) {
    if (exited !== null) {
      throw new Error(
        `vite preview exited (code ${exited}) before serving ${outDir}/: is port ${port} taken? ` +
          'Pass another --port, or stop what listens there.',
      );
    }
    try {
      const response = await fetch(url);
      // A last check after the answer: the preview may have exited just as something else answered.
      if (response.ok && exited === null && child.exitCode === null) return { url, stop };
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}`);
}
