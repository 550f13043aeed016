import { describe, expect, it } from 'vitest';
import { checkCustomModelPath, isSafeRelativePath, resolveSiteUrl } from './site-url';

const base = 'https://example.org/app/index.html?x=1';

describe('site URLs', () => {
  it('resolves against the page, so the site works from a sub-path', () => {
    expect(resolveSiteUrl('models/mnist/model.json', base)).toBe(
      'https://example.org/app/models/mnist/model.json',
    );
  });

  it('accepts a relative same-origin path', () => {
    expect(checkCustomModelPath('models/mine/model.json', base)).toEqual({
      ok: true,
      url: 'https://example.org/app/models/mine/model.json',
    });
  });

  it.each([
    'https://evil.example/model.json',
    '//evil.example/model.json',
    '/models/x.json',
    'javascript:alert(1)',
    'data:application/json,{}',
    'models/x.json?token=1',
    'models\\..\\x.json',
    'models/%2e%2e/x.json',
    '',
    'a'.repeat(400),
  ])('refuses %j', (path) => {
    expect(isSafeRelativePath(path)).toBe(false);
    expect(checkCustomModelPath(path, base).ok).toBe(false);
  });
});
