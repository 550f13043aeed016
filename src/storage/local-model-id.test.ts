import { describe, expect, it } from 'vitest';
import { URL_FIELDS } from '../state/url-fields';
import { parseUrlState, serializeUrlState } from '../state/url';
import { initialData, createAppStore } from '../state/store';
import { toUrlState } from '../state/url-sync';
import {
  formatLocalModelLink,
  linkName,
  localModelAddress,
  localModelId,
  localModelLinkOf,
  localWorkerUrl,
  parseLocalModelAddress,
  parseLocalModelLink,
} from './local-model-id';

const HASH = '3f2a9c0d1e4b5a69' + '0'.repeat(48);

describe('local model ids', () => {
  it('takes the first 16 hex digits of the hash for the link, all of it for the worker', () => {
    expect(localModelId(HASH.toUpperCase())).toBe('3f2a9c0d1e4b5a69');
    expect(localWorkerUrl(HASH)).toBe(`local-model:${HASH}`);
  });

  it('reads and writes the link text, with or without a name', () => {
    expect(parseLocalModelLink('3f2a9c0d1e4b5a69')).toEqual({ id: '3f2a9c0d1e4b5a69', name: null });
    expect(parseLocalModelLink('3F2A9C0D1E4B5A69.grey-20')).toEqual({
      id: '3f2a9c0d1e4b5a69',
      name: 'grey-20',
    });
    expect(formatLocalModelLink({ id: '3f2a9c0d1e4b5a69', name: 'My model (v2)' })).toBe(
      '3f2a9c0d1e4b5a69.My-model-v2',
    );
    expect(formatLocalModelLink({ id: '3f2a9c0d1e4b5a69', name: '???' })).toBe('3f2a9c0d1e4b5a69');
  });

  it.each([
    '',
    '3f2a9c0d1e4b5a6', // 15 digits
    '3f2a9c0d1e4b5a690', // 17 digits
    '3f2a9c0d1e4b5a6g',
    '3f2a9c0d1e4b5a69.',
    '3f2a9c0d1e4b5a69.<b>',
    `3f2a9c0d1e4b5a69.${'a'.repeat(41)}`,
    '3f2a9c0d1e4b5a69.a.b',
  ])('refuses the link text %j', (text) => {
    expect(parseLocalModelLink(text)).toBeNull();
  });

  it('keeps names short and plain', () => {
    expect(linkName('  Ünïcode  Model  ')).toBe('Unicode-Model');
    expect(linkName('a'.repeat(60))).toHaveLength(40);
    expect(linkName('---')).toBeNull();
  });

  it('round-trips through the store address', () => {
    const ref = { id: '3f2a9c0d1e4b5a69', name: 'grey-20' };
    expect(localModelAddress(ref)).toBe('local-model:3f2a9c0d1e4b5a69.grey-20');
    expect(parseLocalModelAddress(localModelAddress(ref))).toEqual(ref);
    expect(parseLocalModelAddress('models/mine/model.json')).toBeNull();
    expect(parseLocalModelAddress(null)).toBeNull();
    expect(localModelLinkOf('https://other.example/model.json')).toBeNull();
  });
});

describe('the localModel link field', () => {
  it('parses strictly and serializes what it parsed', () => {
    const field = URL_FIELDS.localModel;
    expect(field.parse('3F2A9C0D1E4B5A69.grey-20')).toBe('3f2a9c0d1e4b5a69.grey-20');
    expect(field.parse('javascript:alert(1)')).toBeUndefined();
    expect(field.serialize('3f2a9c0d1e4b5a69')).toBe('3f2a9c0d1e4b5a69');
    expect(field.serialize(null)).toBeNull();
  });

  it('opens the store on the local model, and the store writes it back (not as modelUrl)', () => {
    const { state, problems } = parseUrlState('?localModel=3f2a9c0d1e4b5a69.grey-20&px=3,4');
    expect(problems).toEqual([]);
    const store = createAppStore(initialData(state));
    expect(store.getState().customModelUrl).toBe('local-model:3f2a9c0d1e4b5a69.grey-20');
    const search = serializeUrlState(toUrlState(store.getState()));
    const params = new URLSearchParams(search);
    expect(params.get('localModel')).toBe('3f2a9c0d1e4b5a69.grey-20');
    expect(params.has('modelUrl')).toBe(false);
  });

  it('names a refused value in the link notice', () => {
    const { state, problems } = parseUrlState('?localModel=12345');
    expect(state.localModel).toBeNull();
    expect(problems.map((p) => p.key)).toEqual(['localModel']);
    expect(problems[0]?.text).toContain('16 hex digits');
  });
});
