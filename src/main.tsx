import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { viewDataOrTimeout } from './app/session/view-data';
import { PERF_BASELINE } from './lib/perf-baseline';
import { appStore } from './state/store';
import './offline/auto-register';

const root = document.getElementById('root');
if (root) {
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  // The first render waits (briefly) for the view's gallery and precomputed example, so that it
  // draws the example's Sankey (src/app/session/view-data.ts). `?perf=baseline` renders at once.
  if (PERF_BASELINE) render();
  else void viewDataOrTimeout(appStore).then(render);
}
