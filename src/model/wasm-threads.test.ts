import { describe, expect, it } from 'vitest';
import {
  AUTO_MAX_WASM_THREADS,
  MAX_WASM_THREADS,
  planWasmThreads,
  threadsLabel,
} from './wasm-threads';

const isolated = { crossOriginIsolated: true, sharedArrayBuffer: true, hardwareConcurrency: 4 };

describe('planWasmThreads', () => {
  it('uses half the logical cores on an isolated page', () => {
    expect(planWasmThreads('auto', isolated)).toEqual({ threaded: true, threads: 2, reason: null });
    const eight = { ...isolated, hardwareConcurrency: 8 };
    expect(planWasmThreads('auto', eight)).toMatchObject({ threaded: true, threads: 4 });
  });

  it('stays single-threaded on two cores unless threads are forced', () => {
    const two = { ...isolated, hardwareConcurrency: 2 };
    const plan = planWasmThreads('auto', two);
    expect(plan).toMatchObject({ threaded: false, threads: 1 });
    expect(plan.reason).toMatch(/2 logical cores/);
    expect(planWasmThreads(2, two)).toMatchObject({ threaded: true, threads: 2 });
  });

  it('falls back to the single-threaded binary when the page is not isolated', () => {
    const plan = planWasmThreads('auto', { ...isolated, crossOriginIsolated: false });
    expect(plan).toMatchObject({ threaded: false, threads: 1 });
    expect(plan.reason).toMatch(/not cross-origin isolated/);
  });

  it('falls back without SharedArrayBuffer, and on one core', () => {
    expect(planWasmThreads('auto', { ...isolated, sharedArrayBuffer: false }).threaded).toBe(false);
    const one = planWasmThreads('auto', { ...isolated, hardwareConcurrency: 1 });
    expect(one).toMatchObject({ threaded: false, threads: 1 });
  });

  it('honours a forced count, capped, and a forced single thread', () => {
    expect(planWasmThreads(2, isolated)).toMatchObject({ threaded: true, threads: 2 });
    expect(planWasmThreads(64, isolated).threads).toBe(MAX_WASM_THREADS);
    expect(planWasmThreads(1, isolated)).toMatchObject({ threaded: false, threads: 1 });
    expect(planWasmThreads('auto', { ...isolated, hardwareConcurrency: 32 }).threads).toBe(
      AUTO_MAX_WASM_THREADS,
    );
  });

  it('labels the badge', () => {
    expect(threadsLabel(1)).toBe('1 thread');
    expect(threadsLabel(4)).toBe('4 threads');
  });
});
