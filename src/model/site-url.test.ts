import { describe, expect, it } from 'vitest';
import {
  checkCustomModelPath,
  checkModelUrl,
  isModelUrlText,
  isSafeRelativePath,
  resolveSiteUrl,
} from './site-url';

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

describe('model addresses (links and the Open model dialog)', () => {
  it('keeps a relative path on this site, loaded without asking', () => {
    expect(checkModelUrl('models/mine/model.json', base)).toEqual({
      ok: true,
      url: 'https://example.org/app/models/mine/model.json',
      origin: 'https://example.org',
      host: 'example.org',
      sameOrigin: true,
    });
  });

  it('names the other site an absolute URL downloads from', () => {
    expect(checkModelUrl(' https://other.example:8443/m/model.json?v=2 ', base)).toEqual({
      ok: true,
      url: 'https://other.example:8443/m/model.json?v=2',
      origin: 'https://other.example:8443',
      host: 'other.example:8443',
      sameOrigin: false,
    });
  });

  it('treats an absolute URL on this origin as this site', () => {
    const check = checkModelUrl('https://example.org/other/model.json', base);
    expect(check.ok && check.sameOrigin).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['javascript:alert(1)', /only http/],
    ['data:application/json,{}', /only http/],
    ['file:///home/me/model.json', /only http/],
    ['//other.example/model.json', /https:\/\//],
    ['https://me:secret@other.example/model.json', /user name or password/],
    ['http://other.example/model.json', /block downloads from http/],
    ['https://', /not a valid URL/],
    [`https://other.example/${'a'.repeat(1000)}`, /too long/],
    ['/models/x.json', /relative path/],
  ])('refuses %j', (text, reason) => {
    const check = checkModelUrl(text, base);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('allows http:// from a page that is itself on http (a local server)', () => {
    const check = checkModelUrl('http://localhost:8080/model.json', 'http://127.0.0.1:4173/');
    expect(check).toMatchObject({ ok: true, host: 'localhost:8080', sameOrigin: false });
  });

  it('accepts in a link what the dialog could load, and nothing else', () => {
    expect(isModelUrlText('models/mine/model.json')).toBe(true);
    expect(isModelUrlText('https://other.example/model.json')).toBe(true);
    expect(isModelUrlText('http://localhost:8080/model.json')).toBe(true);
    for (const bad of ['javascript:alert(1)', '//evil.example/m.json', 'https://a:b@x.y/m.json']) {
      expect(isModelUrlText(bad)).toBe(false);
    }
  });
});
