// Build-only: puts the content security policy (vite/content-security-policy.ts) into the built
// index.html. Not in `npm run dev`, whose hot-reload preamble is an inline script.
import type { Plugin } from 'vite';
import { securityMetaTags } from './content-security-policy';

export function cspPlugin(): Plugin {
  return {
    name: 'pathway-lens-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(/<meta charset="UTF-8" \/>/i, (tag) => `${tag}\n    ${securityMetaTags()}`),
    },
  };
}
