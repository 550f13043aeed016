import { describe, expect, it } from 'vitest';
import { encodeImage } from '../lib/image-codec';
import type { UrlField } from './url-field';
import { URL_FIELD_GROUPS, URL_FIELDS, type UrlFieldName, type UrlState } from './url-fields';
import {
  CHECKED_FIELDS,
  checkUrlState,
  defaultUrlState,
  parseUrlState,
  serializeUrlState,
} from './url';

const ink = new Float32Array(784);
ink[300] = 1;
const IMG = encodeImage(ink, 28, 28);
const SMALL_IMG = encodeImage(new Float32Array(400).fill(1 / 15), 20, 20);

/** A non-default value for EVERY field (TypeScript asks for a new field here). */
const SAMPLES: { [K in UrlFieldName]: UrlState[K] } = {
  model: 'fashion',
  sample: 12,
  backend: 'wasm',
  modelUrl: 'models/mine/model.json',
  localModel: '3f2a9c0d1e4b5a69.grey-20',
  px: { row0: 3, col0: 4, row1: 5, col1: 6 },
  img: IMG,
  map: 'conv1_1:5',
  targetClass: 7,
  prune: { mode: 'threshold', share: 0.02 },
  poolMode: 'show',
  denseTopN: 12,
  rankBy: 'l1',
  pinned: 'conv1_1:3->pool1:3',
  reveal: 3,
  mode: 'lecture',
  embed: true,
  hide: ['gallery', 'analyses'],
  analysis: 'attack',
  epsilon: 0.25,
  attackMode: 'fgsm',
  attackTarget: 3,
  patch: { row: 6, col: 7, size: 5 },
  shift: { dx: -4, dy: 8 },
  compare: 'images',
  comparePx: { row0: 8, col0: 9, row1: 8, col1: 9 },
  compareClass: 5,
  compareImage: 'sample.12',
};

/** A refused text for every field, and what its notice must contain. */
const BAD: { [K in UrlFieldName]: string } = {
  model: '<script>',
  sample: '-1',
  backend: 'quantum',
  modelUrl: 'javascript:alert(1)',
  localModel: '3f2a9c0d<b>',
  px: '9,9,1,1',
  img: 'AQwc<b>',
  map: 'conv1:other',
  targetClass: '<b>x</b>',
  prune: 'top8;drop',
  poolMode: 'SHOW',
  denseTopN: '0',
  rankBy: '__proto__',
  pinned: '<script>:1',
  reveal: '1e3',
  mode: 'LECTURE',
  embed: 'true',
  hide: 'gallery,unknown',
  analysis: '<img src=x>',
  epsilon: '0.9',
  attackMode: 'pgd',
  attackTarget: '-1',
  patch: '1,2',
  shift: '999,0',
  compare: 'diff',
  comparePx: '9,9,1,1',
  compareClass: '<i>',
  compareImage: 'attacked.fAAAA',
};

/** What the loaded model tells the checks (a small MNIST-like network). */
const MODEL = {
  input: { height: 28, width: 28, channels: 1 },
  classCount: 10,
  layers: [
    { name: 'conv1_1', kind: 'conv', channels: 8 },
    { name: 'pool1', kind: 'pool', channels: 8 },
    { name: 'dense1', kind: 'dense', channels: 64 },
    { name: 'logits', kind: 'logits', channels: 10 },
  ],
};

type Entry = [UrlFieldName, UrlField<unknown>];
const entries = Object.entries(URL_FIELDS) as Entry[];

describe('the URL table', () => {
  it('defines every field once: distinct names across the groups, distinct query keys', () => {
    const names = Object.values(URL_FIELD_GROUPS).flatMap((g) => Object.keys(g));
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(URL_FIELDS).sort());
    const keys = entries.map(([, f]) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z]+$/);
  });

  it.each(entries)('%s round-trips a non-default value and its default', (name, f) => {
    const value = SAMPLES[name];
    expect(value).not.toEqual(f.defaultValue);
    const text = f.serialize(value);
    expect(text).not.toBeNull();
    expect(f.parse(text ?? '')).toEqual(value);
    // Defaults stay out of the link, except the model, which every link names.
    const fallback = f.serialize(f.defaultValue);
    if (name === 'model') expect(f.parse(fallback ?? '')).toEqual(f.defaultValue);
    else expect(fallback).toBeNull();
    expect(f.hint.length).toBeGreaterThan(0);
  });

  it('round-trips a link that sets every field at once', () => {
    const search = serializeUrlState(SAMPLES);
    const { state, problems } = parseUrlState(search);
    expect(problems).toEqual([]);
    expect(state).toEqual(SAMPLES);
    expect(checkUrlState(state, MODEL).problems).toEqual([]);
  });

  it('names every refused value, by parameter and value, and keeps the defaults', () => {
    const params = new URLSearchParams();
    for (const [name, f] of entries) params.set(f.key, BAD[name]);
    const { state, problems } = parseUrlState(`?${params}`);
    expect(state).toEqual(defaultUrlState());
    expect(problems.map((p) => p.name)).toEqual(entries.map(([name]) => name));
    for (const p of problems) {
      const f = URL_FIELDS[p.name];
      expect(p.key).toBe(f.key);
      expect(p.value).toBe(BAD[p.name]);
      expect(p.text).toBe(
        `The link's ${f.key} value ${JSON.stringify(BAD[p.name])} was ignored (expected ${f.hint}).`,
      );
    }
  });

  it('refuses a px outside the 28×28 image and an image of another size at once', () => {
    const { state, problems } = parseUrlState(`?px=40,3&img=${SMALL_IMG}&sample=4`);
    expect(state.px).toBeNull();
    expect(state.img).toBeNull();
    expect(state.sample).toBe(4);
    expect(problems.map((p) => p.text)).toEqual([
      'The link\'s px value "40,3" was ignored (expected a pixel inside the 28×28 image (rows 0 to 27, columns 0 to 27)).',
      `The link's img value "${SMALL_IMG.slice(0, 40)}…" was ignored (expected an image code of a 28×28 image, not 20×20).`,
    ]);
  });

  it('leaves model-dependent checks undecided until the model is known', () => {
    const { state, problems } = parseUrlState('?class=12&tgt=99&map=conv9:1&pin=conv9:1');
    expect(problems).toEqual([]);
    expect(state).toMatchObject({
      targetClass: 12,
      attackTarget: 99,
      map: 'conv9:1',
      pinned: 'conv9:1',
    });
    const early = checkUrlState(state, { input: MODEL.input });
    expect(early.problems).toEqual([]);
    expect(early.decided).not.toContain('targetClass');
    expect(early.decided).not.toContain('map');
  });

  it('checks class, tgt, map and pin against the model, naming each value', () => {
    const state: UrlState = {
      ...defaultUrlState(),
      targetClass: 12,
      attackTarget: 99,
      map: 'conv9:1',
      pinned: 'conv9:1',
    };
    const { problems, decided } = checkUrlState(state, MODEL);
    expect([...decided].sort()).toEqual([...CHECKED_FIELDS].sort());
    expect(problems.map((p) => p.text)).toEqual([
      `The link's map value "conv9:1" was ignored (expected a feature map of this model such as conv1_1:0 (layers: conv1_1, pool1, dense1)).`,
      'The link\'s class value "12" was ignored (expected a class from 0 to 9).',
      `The link's pin value "conv9:1" was ignored (expected a node of this model's diagram, such as conv1_1:0 or class:0).`,
      'The link\'s tgt value "99" was ignored (expected a class from 0 to 9).',
    ]);
  });

  it.each([
    ['conv1_1:7', true],
    ['conv1_1:8', false],
    ['conv1_1:other', true],
    ['pool1:3', true],
    ['dense1:63', true],
    ['input:0', true],
    ['input:1', false],
    ['class:9', true],
    ['class:10', false],
    ['class:other', false],
    ['logits:3', false],
    ['conv1_1:3->pool1:3', true],
    ['conv1_1:3->conv9:3', false],
  ])('pin %s fits the model: %s', (pin, fits) => {
    const { problems } = checkUrlState({ ...defaultUrlState(), pinned: pin }, MODEL);
    expect(problems.length === 0).toBe(fits);
  });

  it('accepts a map of every layer but the logits', () => {
    const fits = (map: string) =>
      checkUrlState({ ...defaultUrlState(), map }, MODEL).problems.length === 0;
    expect(['conv1_1:7', 'pool1:0', 'dense1:63'].map(fits)).toEqual([true, true, true]);
    expect(['conv1_1:8', 'logits:3', 'conv9:1'].map(fits)).toEqual([false, false, false]);
  });
});
