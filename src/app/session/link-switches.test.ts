import { describe, expect, it } from 'vitest';
import { wasmThreadsFromLink } from './backend-init';
import { busyDelayFromLink, QUERY_BUSY_DELAY_MS } from './pathway-query';

describe('benchmark switches in the link', () => {
  it('?threads=N fixes the WASM threads; anything else is automatic', () => {
    expect(wasmThreadsFromLink('?threads=1')).toBe(1);
    expect(wasmThreadsFromLink('?model=mnist&threads=4')).toBe(4);
    expect(wasmThreadsFromLink('')).toBe('auto');
    expect(wasmThreadsFromLink('?threads=0')).toBe('auto');
    expect(wasmThreadsFromLink('?threads=lots')).toBe('auto');
  });

  it('?perf=baseline dims the Sankey at once, as before', () => {
    expect(busyDelayFromLink('?perf=baseline')).toBe(0);
    expect(busyDelayFromLink('')).toBe(QUERY_BUSY_DELAY_MS);
  });
});
