// PathwayPanel before any query: it explains what is missing instead of drawing an empty frame.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  originNote,
  PathwayPanel,
  pathwayPlaceholder,
  type PathwayPanelProps,
} from './PathwayPanel';
import { DEFAULT_SANKEY_SETTINGS } from '../../layout/sankey-types';

const noop = () => {};
const props: PathwayPanelProps = {
  drawing: null,
  targetClass: null,
  onTargetClassChange: noop,
  settings: DEFAULT_SANKEY_SETTINGS,
  onSettingsChange: noop,
  pinned: null,
  onPinNode: noop,
  reveal: null,
  onRevealChange: noop,
};

describe('PathwayPanel', () => {
  it('renders the Sankey frame and explains what is missing', () => {
    // Server rendering reads the store's initial state: nothing is selected, no model yet.
    const html = renderToStaticMarkup(createElement(PathwayPanel, props));
    expect(html).toContain('Select a pixel');
    expect(html).toContain('data-testid="sankey"');
    expect(html).toContain('data-query-status="idle"');
    expect(html).toContain('data-origin="none"');
    expect(html).toContain('blue bands raise the score');
  });

  it('words each missing piece', () => {
    expect(pathwayPlaceholder('dropout before conv', 'ready', 1)).toMatch(/cannot be traced/);
    expect(pathwayPlaceholder(null, 'error', 1)).toMatch(/No model/);
    expect(pathwayPlaceholder(null, 'ready', 0)).toMatch(/Select a pixel/);
    expect(pathwayPlaceholder(null, 'ready', 2)).toBe('Computing pathways…');
    expect(pathwayPlaceholder(null, 'loading', 1)).toMatch(/model is loading/);
  });

  it('says "updating…" only while the answer is slow, not for every click', () => {
    // A new selection makes the last answer stale at once; the status turns 'loading' only after
    // the query's pending delay (pathway-query.ts).
    expect(originNote('stale', 'ready', '')).toBe('');
    expect(originNote('stale', 'loading', '')).toBe('updating…');
    expect(originNote('live', 'ready', '')).toBe('');
    expect(originNote('precomputed', 'loading', 'precomputed — loading')).toBe(
      'precomputed — loading',
    );
  });
});
