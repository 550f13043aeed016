// The build-time fix that keeps tfjs's threaded WASM backend alive once minified
// (vite/tfjs-threads-plugin.ts), run on the glue file that is actually installed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { patchThreadedGlue } from '../vite/tfjs-threads-plugin';

const require = createRequire(import.meta.url);
const gluePath = require
  .resolve('@tensorflow/tfjs-backend-wasm/package.json')
  .replace(/package\.json$/, 'wasm-out/tfjs-backend-wasm-threaded-simd.js');

describe('patchThreadedGlue', () => {
  it("leaves the factory function nothing to read from tfjs's closure", () => {
    const glue = readFileSync(gluePath, 'utf8');
    const patched = patchThreadedGlue(glue);
    const factory = patched.slice(patched.indexOf('return (') + 'return ('.length);
    expect(factory).not.toMatch(/\b_scriptDir\b/);
    // The pthread worker still loads the factory from the blob tfjs makes.
    expect(patched).toContain('"urlOrBlob":Module["mainScriptUrlOrBlob"]');
  });

  it('refuses a glue file it does not recognise (a tfjs upgrade must be looked at)', () => {
    expect(() => patchThreadedGlue('var x = 1;')).toThrow(/changed/);
  });
});
