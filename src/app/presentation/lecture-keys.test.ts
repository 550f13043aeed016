import { describe, expect, it } from 'vitest';
import { lectureAction, stepReveal, type KeyInfo } from './lecture-keys';

const key = (k: string, extra: Partial<KeyInfo> = {}): KeyInfo => ({
  key: k,
  defaultPrevented: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...extra,
});

describe('lecture keys', () => {
  it('maps clicker keys', () => {
    expect(['ArrowRight', 'PageDown', ' '].map((k) => lectureAction(key(k)))).toEqual([
      'next',
      'next',
      'next',
    ]);
    expect(['ArrowLeft', 'PageUp'].map((k) => lectureAction(key(k)))).toEqual([
      'previous',
      'previous',
    ]);
    expect(['Home', 'End'].map((k) => lectureAction(key(k)))).toEqual(['first', 'last']);
    expect(lectureAction(key('f'))).toBe('fullscreen');
    expect(lectureAction(key('x'))).toBeNull();
  });

  it('stays out of typing, focused controls and shortcuts', () => {
    expect(lectureAction(key('ArrowRight', { targetTag: 'INPUT' }))).toBeNull();
    expect(lectureAction(key('f', { targetTag: 'TEXTAREA' }))).toBeNull();
    expect(lectureAction(key('f', { targetEditable: true }))).toBeNull();
    expect(lectureAction(key(' ', { targetTag: 'BUTTON' }))).toBeNull();
    expect(lectureAction(key('ArrowRight', { targetTag: 'BUTTON' }))).toBe('next');
    expect(lectureAction(key('ArrowRight', { defaultPrevented: true }))).toBeNull();
    expect(lectureAction(key('f', { ctrlKey: true }))).toBeNull();
  });

  it('steps the reveal between 1 and all (null)', () => {
    expect(stepReveal(null, 5, 'previous')).toBe(4);
    expect(stepReveal(null, 5, 'next')).toBeNull();
    expect(stepReveal(1, 5, 'previous')).toBe(1);
    expect(stepReveal(3, 5, 'next')).toBe(4);
    expect(stepReveal(4, 5, 'next')).toBeNull();
    expect(stepReveal(9, 5, 'previous')).toBe(4);
    expect(stepReveal(2, 0, 'next')).toBe(2);
  });

  it('goes to the first step and to all (Home, End)', () => {
    expect(stepReveal(null, 5, 'first')).toBe(1);
    expect(stepReveal(3, 5, 'first')).toBe(1);
    expect(stepReveal(1, 5, 'last')).toBeNull();
    expect(stepReveal(null, 5, 'last')).toBeNull();
    expect(stepReveal(null, 1, 'first')).toBeNull();
  });
});
