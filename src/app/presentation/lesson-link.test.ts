import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState } from '../../state/url';
import { embedLink, iframeCode, lessonLink } from './lesson-link';

const BASE = 'https://host/project/';

describe('lesson links', () => {
  it('carries the choices and round-trips through the URL table', () => {
    const link = lessonLink(BASE, defaultUrlState(), {
      view: 'lecture',
      hide: ['gallery', 'analyses'],
      sample: 12,
      pixel: { row0: 14, col0: 15, row1: 14, col1: 15 },
      targetClass: 3,
      step: 1,
    });
    expect(link.startsWith(BASE + '?')).toBe(true);
    const { state, problems } = parseUrlState(new URL(link).search);
    expect(problems).toEqual([]);
    expect(state.mode).toBe('lecture');
    expect(state.embed).toBe(false);
    expect(state.hide).toEqual(['gallery', 'analyses']);
    expect(state.sample).toBe(12);
    expect(state.px).toEqual({ row0: 14, col0: 15, row1: 14, col1: 15 });
    expect(state.targetClass).toBe(3);
    expect(state.reveal).toBe(1);
  });

  it('opens a lecture at its chosen step, other views at the current one', () => {
    const current = { ...defaultUrlState(), reveal: 4 };
    const choices = { hide: [], sample: 1, pixel: null, targetClass: null } as const;
    const step = (view: 'normal' | 'lecture' | 'embed', s: number | null) =>
      new URL(lessonLink(BASE, current, { ...choices, view, step: s })).searchParams.get('step');
    expect(step('lecture', 1)).toBe('1');
    expect(step('lecture', null)).toBeNull();
    expect(step('normal', 1)).toBe('4');
    expect(step('embed', 2)).toBe('4');
    expect(embedLink(`${BASE}?sample=1&mode=lecture&step=1`)).toBe(`${BASE}?sample=1&embed=1`);
  });

  it('keeps a drawn image when no sample is chosen', () => {
    const current = { ...defaultUrlState(), img: 'code' };
    const choices = {
      view: 'embed',
      hide: [],
      pixel: null,
      targetClass: null,
      step: null,
    } as const;
    const withImage = new URL(lessonLink(BASE, current, { ...choices, sample: null }));
    expect(withImage.searchParams.get('img')).toBe('code');
    expect(withImage.searchParams.get('embed')).toBe('1');
    const withSample = new URL(lessonLink(BASE, current, { ...choices, sample: 4 }));
    expect(withSample.searchParams.get('img')).toBeNull();
  });

  it('makes escaped iframe code for the embedded view', () => {
    const link = `${BASE}?sample=3&mode=lecture&px=1,2`;
    expect(embedLink(link)).toBe(`${BASE}?sample=3&px=1%2C2&embed=1`);
    expect(iframeCode(link)).toBe(
      `<iframe src="${BASE}?sample=3&amp;px=1%2C2&amp;embed=1" width="600" height="400" ` +
        `title="Pathway Lens" loading="lazy"></iframe>`,
    );
    expect(iframeCode(`${BASE}?x="><script>`)).not.toMatch(/["<>]script/);
  });
});
