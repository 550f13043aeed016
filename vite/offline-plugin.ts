// Build-only plugin: after the site is written, lists dist/ (hashed assets, index.html and the
// files copied from public/), keeps what selectPrecacheFiles allows, and builds
// src/offline/sw/service-worker.ts on its own into dist/sw.js with that list inlined. The list's
// version hashes every file's bytes, so any change to the site gives a byte-different sw.js, which
// is how browsers notice an update.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import {
  SERVICE_WORKER_FILE,
  selectPrecacheFiles,
  type PrecacheManifest,
} from '../src/offline/precache-manifest';

export interface OfflineOptions {
  /** Built-in model ids whose models/<id>/ and samples/<id>.* are stored for offline use. */
  shippedModels: readonly string[];
}

const ENTRY = 'src/offline/sw/service-worker.ts';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

async function makeManifest(outDir: string, files: string[]): Promise<PrecacheManifest> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(outDir, file)));
  }
  return { version: hash.digest('hex').slice(0, 16), files };
}

async function bundleServiceWorker(root: string, manifest: PrecacheManifest): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: { __PRECACHE_MANIFEST__: JSON.stringify(manifest) },
    build: {
      write: false,
      copyPublicDir: false,
      target: 'es2022',
      // A classic script (no imports left), the form every browser accepts for a service worker.
      rolldownOptions: { input: resolve(root, ENTRY), output: { format: 'iife' } },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.isEntry);
  if (!chunk || chunk.type !== 'chunk')
    throw new Error('offline: the service worker did not build');
  return chunk.code;
}

export function offlinePlugin(options: OfflineOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'pathway-lens:offline',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    // closeBundle: by then Vite has written the bundle and copied public/ into outDir.
    async closeBundle(error?: Error) {
      if (error || config.build.write === false || config.build.ssr) return;
      const outDir = resolve(config.root, config.build.outDir);
      const files = selectPrecacheFiles(await listFiles(outDir), options.shippedModels);
      const manifest = await makeManifest(outDir, files);
      await writeFile(
        join(outDir, SERVICE_WORKER_FILE),
        await bundleServiceWorker(config.root, manifest),
      );
      config.logger.info(
        `offline: ${SERVICE_WORKER_FILE} precaches ${files.length} files (version ${manifest.version})`,
      );
    },
  };
}
