import { describe, expect, it } from 'vitest';
import { chooseBackend, type BackendEnv } from './backend';
import type { AdapterReport, BackendName } from './backend-types';

function env(adapter: AdapterReport | null, working: BackendName[]) {
  const tried: BackendName[] = [];
  const e: BackendEnv = {
    probeAdapter: async () => adapter,
    trySet: async (name) => {
      tried.push(name);
      return working.includes(name) ? { ok: true } : { ok: false, reason: `${name} broke` };
    },
  };
  return { env: e, tried };
}

const software: AdapterReport = { description: 'Google SwiftShader', isFallback: true };
const hardware: AdapterReport = { description: 'nvidia hopper', isFallback: false };
const all: BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];

describe('chooseBackend', () => {
  it('auto: uses WebGPU on a hardware adapter', async () => {
    const { env: e } = env(hardware, all);
    const info = await chooseBackend('auto', e);
    expect(info.name).toBe('webgpu');
    expect(info.fallbackNotice).toBeNull();
  });

  it('auto: skips a software adapter without trying it, and says nothing about it', async () => {
    const { env: e, tried } = env(software, all);
    const info = await chooseBackend('auto', e);
    expect(info.name).toBe('wasm');
    expect(tried).toEqual(['wasm']);
    expect(info.attempts[0]).toMatchObject({ name: 'webgpu', skipped: true });
    expect(info.fallbackNotice).toBeNull();
  });

  it('auto: walks the chain and reports real failures', async () => {
    const { env: e, tried } = env(null, ['cpu']);
    const info = await chooseBackend('auto', e);
    expect(tried).toEqual(['wasm', 'webgl', 'cpu']);
    expect(info.name).toBe('cpu');
    expect(info.fallbackNotice).toContain('WASM (wasm broke)');
    expect(info.fallbackNotice).toContain('using CPU');
  });

  it('forced: uses WebGPU even on a software adapter', async () => {
    const { env: e } = env(software, all);
    const info = await chooseBackend('webgpu', e);
    expect(info.name).toBe('webgpu');
    expect(info.adapter).toEqual(software);
    expect(info.fallbackNotice).toBeNull();
  });

  it('forced: falls back down the chain when the forced one fails, and says so', async () => {
    const { env: e, tried } = env(null, ['wasm', 'cpu']);
    const info = await chooseBackend('webgl', e);
    expect(tried).toEqual(['webgl', 'wasm']);
    expect(info.name).toBe('wasm');
    expect(info.requested).toBe('webgl');
    expect(info.fallbackNotice).toBe(
      'The requested WebGL backend could not start (webgl broke); using WASM instead.',
    );
  });

  it('forced WebGPU without an adapter falls back to WASM', async () => {
    const { env: e } = env(null, ['wasm', 'webgl', 'cpu']);
    const info = await chooseBackend('webgpu', e);
    expect(info.name).toBe('wasm');
    expect(info.fallbackNotice).toContain('requested WebGPU backend could not start');
  });

  it('throws with every reason when nothing starts', async () => {
    const { env: e } = env(null, []);
    await expect(chooseBackend('auto', e)).rejects.toThrow(/CPU: cpu broke/);
  });
});
