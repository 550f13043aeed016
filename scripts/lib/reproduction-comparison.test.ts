import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparisonMarkdown, parseSummary } from './reproduction-comparison';

const report = (verdict1: string) => `# Report

## Summary

| # | finding (paper) | on this model | numbers |
| --- | --- | --- | --- |
| 1 | The largest pathways cross the important feature maps | **${verdict1}** | 7/7 layers |
| 2 | Same-category pathways are more consistent | **partly holds** | gap 0.3 |

Criteria: …

## Setup
| 9 | not a summary row | **holds** | x |
`;

describe('parseSummary', () => {
  it('reads the finding rows of the summary table only', () => {
    expect(parseSummary(report('holds'))).toEqual([
      {
        finding: 1,
        title: 'The largest pathways cross the important feature maps',
        verdict: 'holds',
        numbers: '7/7 layers',
      },
      {
        finding: 2,
        title: 'Same-category pathways are more consistent',
        verdict: 'partly holds',
        numbers: 'gap 0.3',
      },
    ]);
  });
});

describe('comparisonMarkdown', () => {
  it("puts each report's verdict in its column and says which reports are missing", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmp-'));
    writeFileSync(join(dir, 'reproduction-mnist.md'), report('holds'));
    writeFileSync(join(dir, 'reproduction-vgg-mnist.md'), report('does not hold'));
    const md = comparisonMarkdown(dir);
    expect(md).toContain(
      '| 1 | The largest pathways cross the important feature maps | holds | does not hold | not run | not run |',
    );
    expect(md).toContain(
      '- **MNIST, VGG-16** ([report](reproduction-vgg-mnist.md)): does not hold. 7/7 layers',
    );
  });
});
