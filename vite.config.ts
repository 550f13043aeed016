import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { MODEL_IDS } from './src/model/registry';
import { cspPlugin } from './vite/csp-plugin';
import { offlinePlugin } from './vite/offline-plugin';

// Relative base so the built site works from any sub-path (e.g. a project page).
export default defineConfig({
  base: './',
  // offlinePlugin: sw.js with the precache list; cspPlugin: the content security policy
  // (both build only; see docs/hosting.md).
  plugins: [react(), cspPlugin(), offlinePlugin({ shippedModels: MODEL_IDS })],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  preview: { host: '127.0.0.1', port: 4173 },
  server: { host: '127.0.0.1' },
});
