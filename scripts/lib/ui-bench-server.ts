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

export interface Preview {
  url: string;
  stop(): void;
}

/** `vite preview` of `outDir` (default dist/) on `port`; resolves once the page answers. */
export async function startPreview(port: number, outDir = 'dist'): Promise<Preview> {
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
  for (let i = 0; i < 150; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return { url, stop };
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}`);
}
