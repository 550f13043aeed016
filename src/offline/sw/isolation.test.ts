import { describe, expect, it } from 'vitest';
import { withIsolationHeaders } from './isolation';

describe('withIsolationHeaders', () => {
  it('adds COOP and COEP to a response that lacks them, keeping status, headers and body', async () => {
    const original = new Response('<!doctype html>', {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'text/html' },
    });
    const isolated = withIsolationHeaders(original);
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(isolated.headers.get('content-type')).toBe('text/html');
    expect(isolated.status).toBe(200);
    expect(isolated.statusText).toBe('OK');
    expect(await isolated.text()).toBe('<!doctype html>');
  });

  it('leaves headers the host sent as they are', () => {
    const original = new Response('x', {
      headers: {
        'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
        'Cross-Origin-Embedder-Policy': 'credentialless',
      },
    });
    expect(withIsolationHeaders(original)).toBe(original);
    const half = withIsolationHeaders(
      new Response('x', { headers: { 'Cross-Origin-Opener-Policy': 'same-origin-allow-popups' } }),
    );
    expect(half.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin-allow-popups');
    expect(half.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });

  it('keeps error statuses and bodyless statuses intact', async () => {
    const missing = withIsolationHeaders(new Response('not found', { status: 404 }));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('not found');
    const empty = withIsolationHeaders(new Response(null, { status: 204 }));
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('passes a network error through untouched (it cannot be rewritten)', () => {
    const error = Response.error();
    expect(withIsolationHeaders(error)).toBe(error);
  });
});
