// Makes tfjs's threaded WASM backend survive minification. tfjs starts each pthread as a worker
// that evaluates `wasmFactoryThreadedSimd.toString()` (tfjs-backend-wasm/dist/backend_wasm.js):
// the factory function's own source, outside the closure it was written in. Emscripten's factory
// reads one variable of that closure, `_scriptDir`, guarded by `typeof _scriptDir !== "undefined"`;
// a minifier that sees the variable declared rewrites the guard to `e !== void 0`, which throws a
// ReferenceError in the pthread worker, where no `e` exists. The backend then waits for its
// threads for ever: the "threaded build hung in a minified production build" of docs/benchmarks.md.
// This transform removes the two reads (in a browser worker `_scriptDir` is undefined anyway, and
// tfjs always sets `mainScriptUrlOrBlob`), so the factory refers to nothing outside itself. It
// fails the build if tfjs's glue changes shape, rather than shipping a hang.
import type { Plugin } from 'vite';

const GLUE = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

const EDITS: Array<[from: string, to: string]> = [
  ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
  [
    '"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir',
    '"urlOrBlob":Module["mainScriptUrlOrBlob"]',
  ],
];

/** The glue with its factory made self-contained; throws when an expected snippet is missing. */
export function patchThreadedGlue(code: string): string {
  let out = code;
  for (const [from, to] of EDITS) {
    if (!out.includes(from)) {
      throw new Error(`tfjs-threads-plugin: tfjs's threaded glue changed; "${from}" not found`);
    }
    out = out.split(from).join(to);
  }
  const inner = out.slice(out.indexOf('return (') + 1);
  if (/\b_scriptDir\b/.test(inner)) {
    throw new Error('tfjs-threads-plugin: the threaded factory still reads _scriptDir');
  }
  return out;
}

export function tfjsThreadsPlugin(): Plugin {
  return {
    name: 'pathway-lens:tfjs-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!GLUE.test(id.split('?')[0] ?? id)) return null;
      return { code: patchThreadedGlue(code), map: null };
    },
  };
}
