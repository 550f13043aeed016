import { describe, expect, it, vi } from 'vitest';
import { registerServiceWorker, type RegisterEnv } from './register-sw';

function fakeEnv(overrides: Partial<RegisterEnv> = {}) {
  const register = vi.fn(() => Promise.resolve({} as ServiceWorkerRegistration));
  const warn = vi.fn();
  const env: RegisterEnv = {
    production: true,
    baseURI: 'https://host.example/project/?model=fashion&sample=3',
    serviceWorker: { register },
    afterLoad: (run) => run(),
    warn,
    ...overrides,
  };
  return { env, register, warn };
}

describe('registerServiceWorker', () => {
  it('registers sw.js of the page folder with that folder as scope', () => {
    const { env, register } = fakeEnv();
    registerServiceWorker(env);
    expect(register).toHaveBeenCalledWith(new URL('https://host.example/project/sw.js'), {
      scope: 'https://host.example/project/',
    });
  });

  it('does nothing under the dev server or without service workers', () => {
    const dev = fakeEnv({ production: false });
    registerServiceWorker(dev.env);
    expect(dev.register).not.toHaveBeenCalled();
    const none = fakeEnv({ serviceWorker: undefined });
    expect(() => registerServiceWorker(none.env)).not.toThrow();
  });

  it('waits for the page load', () => {
    let later: (() => void) | undefined;
    const { env, register } = fakeEnv({ afterLoad: (run) => (later = run) });
    registerServiceWorker(env);
    expect(register).not.toHaveBeenCalled();
    later?.();
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('runs onActive once the worker of its scope is active', async () => {
    let activate: (() => void) | undefined;
    const ready = new Promise<ServiceWorkerRegistration>(
      (resolve) => (activate = () => resolve({} as ServiceWorkerRegistration)),
    );
    const onActive = vi.fn();
    const register = vi.fn(() => Promise.resolve({} as ServiceWorkerRegistration));
    const { env } = fakeEnv({ serviceWorker: { register, ready }, onActive });
    registerServiceWorker(env);
    await Promise.resolve();
    await Promise.resolve();
    expect(onActive).not.toHaveBeenCalled();
    activate?.();
    await ready;
    await Promise.resolve();
    expect(onActive).toHaveBeenCalledTimes(1);
  });

  it('only warns when registration fails', async () => {
    const error = new Error('denied');
    const { env, warn } = fakeEnv({
      serviceWorker: { register: () => Promise.reject(error) },
    });
    registerServiceWorker(env);
    await Promise.resolve();
    await Promise.resolve();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('service worker'), error);
  });
});
