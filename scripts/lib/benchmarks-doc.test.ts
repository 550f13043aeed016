import { describe, expect, it } from 'vitest';
import { replaceSection } from './benchmarks-doc';

const engine = (body: string) =>
  `<!-- pathway-engine:begin x -->\n${body}\n<!-- pathway-engine:end -->`;
const ui = (body: string) => `<!-- ui-bench:begin y -->\n${body}\n<!-- ui-bench:end -->`;

describe('replaceSection', () => {
  it('replaces only its own section and keeps the others', () => {
    const doc = `# Benchmarks\n\n${engine('old engine')}\n\n${ui('old ui')}\n`;
    const next = replaceSection(doc, 'ui-bench', ui('new ui'));
    expect(next).toContain('old engine');
    expect(next).toContain('new ui');
    expect(next).not.toContain('old ui');
    expect(next.match(/ui-bench:begin/g)).toHaveLength(1);
  });

  it('appends a section the document does not have yet', () => {
    const next = replaceSection(`# Benchmarks\n\n${engine('e')}\n`, 'ui-bench', ui('u'));
    expect(next.indexOf('pathway-engine:end')).toBeLessThan(next.indexOf('ui-bench:begin'));
    expect(next.endsWith('<!-- ui-bench:end -->\n')).toBe(true);
  });
});
