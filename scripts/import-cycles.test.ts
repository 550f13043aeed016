import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCycles, findCycles, importGraph } from './lib/import-cycles.mjs';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const cyclesIn = (root: string): string[] => describeCycles(findCycles(importGraph(root)), root);

describe('import circle check', () => {
  it('finds a circle made of type-only imports (which ESLint cycle rules skip)', () => {
    const root = tree({
      'state/a.ts': "import type { B } from './b';\nexport const A = 1;",
      'state/b.ts': "import { A } from './a';\nexport type B = typeof A;",
    });
    expect(cyclesIn(root)).toEqual(['state/a.ts ↔ state/b.ts']);
  });

  it('follows index files, re-exports and dynamic imports across folders', () => {
    const root = tree({
      'x/index.ts': "export * from './x1';",
      'x/x1.ts': "export const load = () => import('../y/y1');",
      'y/y1.ts': "import { load } from '../x';\nexport default load;",
      'z.tsx': "import '../outside';\nimport React from 'react';",
    });
    expect(cyclesIn(root)).toEqual(['x/index.ts ↔ x/x1.ts ↔ y/y1.ts']);
  });

  it('reports nothing for a layered graph, and ignores imports in comments', () => {
    const root = tree({
      'low.ts': "// import { top } from './top';\nexport const low = 1;",
      'mid.ts': "import { low } from './low';\nexport const mid = low;",
      'top.ts': "import { mid } from './mid';\nexport const top = mid;",
    });
    expect(cyclesIn(root)).toEqual([]);
  });
});
