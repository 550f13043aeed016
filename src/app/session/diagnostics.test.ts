// The storm test's debug hook: only with ?diagnostics=1, and what it counts.
import { describe, expect, it } from 'vitest';
import { countTimers, diagnosticsRequested } from './diagnostics';

describe('diagnosticsRequested', () => {
  it('is on only for diagnostics=1', () => {
    expect(diagnosticsRequested('?diagnostics=1')).toBe(true);
    expect(diagnosticsRequested('?model=mnist&diagnostics=1')).toBe(true);
    expect(diagnosticsRequested('')).toBe(false);
    expect(diagnosticsRequested('?diagnostics=0')).toBe(false);
    expect(diagnosticsRequested('?diagnostics')).toBe(false);
  });
});

describe('countTimers', () => {
  function fakeHost() {
    const host = {
      setTimeout: globalThis.setTimeout,
      clearTimeout: globalThis.clearTimeout,
      setInterval: globalThis.setInterval,
      clearInterval: globalThis.clearInterval,
    };
    return { host, counts: countTimers(host) };
  }

  it('counts a timeout until it runs or is cleared', async () => {
    const { host, counts } = fakeHost();
    let ran = 0;
    host.setTimeout(() => (ran += 1), 1);
    const cleared = host.setTimeout(() => (ran += 10), 1);
    expect(counts()).toEqual({ timeouts: 2, intervals: 0 });
    host.clearTimeout(cleared);
    expect(counts().timeouts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(1);
    expect(counts().timeouts).toBe(0);
  });

  it('passes arguments through and counts intervals until cleared', () => {
    const { host, counts } = fakeHost();
    const id = host.setInterval(() => undefined, 1000);
    expect(counts()).toEqual({ timeouts: 0, intervals: 1 });
    host.clearInterval(id);
    expect(counts()).toEqual({ timeouts: 0, intervals: 0 });
  });
});
