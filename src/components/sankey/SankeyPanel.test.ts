// Server-rendered markup of SankeyPanel's chain table and words (node environment, no DOM): the
// chains can come apart from the result (the app asks for them after the Sankey,
// src/app/session/pathway-chains.ts), and the panel shows what it has of them.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildSankeyDrawing } from '../../layout/sankey-drawing';
import { syntheticPixelQuery } from '../../layout/testing/synthetic-result';
import { DEFAULT_SANKEY_SETTINGS } from '../../layout/sankey-types';
import { SankeyPanel, type SankeyPanelProps } from './SankeyPanel';

const result = syntheticPixelQuery();
const drawing = buildSankeyDrawing(result, {}, { width: 1000, height: 520 });
const base: SankeyPanelProps = {
  drawing,
  classNames: Array.from({ length: 10 }, (_, i) => String(i)),
  predicted: result.classIndex,
  targetClass: null,
  onTargetClassChange: () => {},
  settings: DEFAULT_SANKEY_SETTINGS,
  onSettingsChange: () => {},
  pinned: null,
  onPinNode: () => {},
  reveal: null,
  onRevealChange: () => {},
};
const render = (props: Partial<SankeyPanelProps>) =>
  renderToStaticMarkup(createElement(SankeyPanel, { ...base, ...props }));

describe('SankeyPanel’s chains', () => {
  it('lists the result’s own chains when none come apart from it', () => {
    expect(result.chains.length).toBeGreaterThan(0);
    const html = render({});
    expect(html).toContain('data-testid="sankey-chains"');
    expect(html).toContain('data-testid="sankey-words"');
    expect(html).not.toContain('data-stale');
  });

  it('shows no table and no words while this result’s chains are still being found', () => {
    const html = render({ drawing, chains: null });
    expect(html).not.toContain('data-testid="sankey-chains"');
    expect(html).not.toContain('data-testid="sankey-words"');
    expect(html).toContain('data-testid="sankey"'); // the diagram does not wait for them
  });

  it('lists the chains it is given, not the result’s', () => {
    const one = [result.chains[0]!];
    const html = render({
      drawing: { ...drawing, result: { ...result, chains: [] } },
      chains: one,
    });
    expect(html.match(/<tr tabindex="0"/g)?.length).toBe(1);
  });

  it('says why the chains could not be found', () => {
    const html = render({ chains: null, chainsError: 'the worker ran out of memory' });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Could not find the largest pathways: the worker ran out of memory');
    expect(html).not.toContain('data-testid="sankey-words"');
  });
});
