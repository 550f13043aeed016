import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { MODEL_IDS } from './src/model/registry';
import { cspPlugin } from './vite/csp-plugin';
import { offlinePlugin } from './vite/offline-plugin';
import { ISOLATION_HEADERS } from './vite/isolation-headers';
import { tfjsThreadsPlugin } from './vite/tfjs-threads-plugin';

// Relative base so the built site works from any sub-path (e.g. a project page).
export default defineConfig({
  base: './',
  // offlinePlugin: sw.js with the precache list; cspPlugin: the content security policy
  // (both build only; see docs/hosting.md).
  // tfjsThreadsPlugin: keeps tfjs's threaded WASM backend working once minified (its file says
  // why); the model worker is bundled on its own, so it needs the plugin too.
  plugins: [react(), tfjsThreadsPlugin(), cspPlugin(), offlinePlugin({ shippedModels: MODEL_IDS })],
  worker: { format: 'es', plugins: () => [tfjsThreadsPlugin()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  // Cross-origin isolation (COOP + COEP), so the WASM backend may use threads (docs/hosting.md).
  preview: { host: '127.0.0.1', port: 4173, headers: ISOLATION_HEADERS },
  server: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
});
