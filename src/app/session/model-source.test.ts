import { describe, expect, it } from 'vitest';
import { chooseModelSource, choiceKey } from './model-source';

const base = 'https://lens.example/app/?model=mnist';

describe('choosing where the model comes from', () => {
  it('loads the built-in model without an address', () => {
    const choice = chooseModelSource('fashion', null, base);
    expect(choice).toMatchObject({
      kind: 'load',
      rejected: null,
      source: {
        kind: 'built-in',
        url: 'https://lens.example/app/models/fashion/model.json',
        cardUrl: 'https://lens.example/app/models/fashion/model-card.json',
      },
    });
  });

  it('loads a path on this site as before, with the card beside it', () => {
    expect(chooseModelSource('mnist', 'models/mine/model.json', base)).toMatchObject({
      kind: 'load',
      source: {
        kind: 'site',
        url: 'https://lens.example/app/models/mine/model.json',
        label: 'models/mine/model.json',
        cardUrl: 'https://lens.example/app/models/mine/model-card.json',
      },
    });
  });

  it('asks before another site’s model, showing the built-in one meanwhile', () => {
    const address = 'https://other.example/m/model.json';
    const choice = chooseModelSource('mnist', address, base);
    expect(choice).toMatchObject({
      kind: 'ask',
      origin: 'https://other.example',
      host: 'other.example',
      fallback: { kind: 'built-in' },
    });
    // Consent to another origin does not count for this one.
    expect(chooseModelSource('mnist', address, base, ['https://third.example']).kind).toBe('ask');
  });

  it('loads another site’s model once the user agreed, without a card (the CSP refuses it)', () => {
    const choice = chooseModelSource('mnist', 'https://other.example/m/model.json', base, [
      'https://other.example',
    ]);
    expect(choice).toMatchObject({
      kind: 'load',
      source: {
        kind: 'remote',
        url: 'https://other.example/m/model.json',
        label: 'other.example: m/model.json',
        cardUrl: null,
      },
    });
  });

  it('turns a local model’s address into its id and name', () => {
    expect(chooseModelSource('mnist', 'local-model:3f2a9c0d1e4b5a69.grey-20', base)).toMatchObject({
      kind: 'local',
      ref: { id: '3f2a9c0d1e4b5a69', name: 'grey-20' },
      fallback: { kind: 'built-in' },
    });
  });

  it.each([
    ['local-model:nothex', /its id is malformed/],
    ['javascript:alert(1)', /only http/],
    ['http://other.example/model.json', /served over https/],
  ])('refuses %j and shows the built-in model, saying why', (address, reason) => {
    const choice = chooseModelSource('mnist', address, base);
    expect(choice.kind).toBe('load');
    if (choice.kind !== 'load') return;
    expect(choice.source.kind).toBe('built-in');
    expect(choice.rejected).toMatch(reason);
    expect(choice.rejected).toMatch(/Showing the MNIST model instead/);
  });

  it('keys a choice by what it loads', () => {
    const a = chooseModelSource('mnist', 'https://other.example/model.json', base);
    const b = chooseModelSource('mnist', 'https://other.example/model.json', base, [
      'https://other.example',
    ]);
    expect(choiceKey(a)).not.toBe(choiceKey(b));
    expect(choiceKey(chooseModelSource('mnist', null, base))).toBe(
      choiceKey(chooseModelSource('mnist', null, base)),
    );
  });
});
