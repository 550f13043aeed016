import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../state/store';
import type { AppState } from '../../state/types';
import { SupersededError } from '../../worker/errors';
import { watchKeyedRequest } from './keyed-request';
import { deferred, settle } from './deferred.test-util';

/** Watches the store's target class: each change sends one request, answered by the test. */
function watchClass() {
  const store = createAppStore();
  const sent: Array<{ key: string; answer: ReturnType<typeof deferred<string>> }> = [];
  const shown: string[] = [];
  const errors: string[] = [];
  const keyOf = (s: AppState) => (s.targetClass === null ? null : `class ${s.targetClass}`);
  watchKeyedRequest<string>(store, {
    keyOf,
    send: (state) => {
      const answer = deferred<string>();
      sent.push({ key: keyOf(state)!, answer });
      return answer.promise;
    },
    onResult: (result) => shown.push(result),
    onError: (message) => errors.push(message),
    onPending: () => undefined,
  });
  return { store, sent, shown, errors };
}

describe('watchKeyedRequest (newest wins)', () => {
  it('sends one request per new key, none for a repeated one', () => {
    const { store, sent } = watchClass();
    store.getState().setTargetClass(3);
    store.getState().setTargetClass(3);
    store.getState().setTargetClass(5);
    expect(sent.map((s) => s.key)).toEqual(['class 3', 'class 5']);
  });

  it('asks again when the key comes back after a pause with no request wanted', async () => {
    const { store, sent, shown } = watchClass();
    store.getState().setTargetClass(3);
    store.getState().setTargetClass(null); // e.g. the compare side is cleared while 3 is asked
    sent[0]!.answer.resolve('answer for 3'); // not current any more: dropped
    await settle();
    store.getState().setTargetClass(3);
    expect(sent.map((s) => s.key)).toEqual(['class 3', 'class 3']);
    sent[1]!.answer.resolve('answer for 3, again');
    await settle();
    expect(shown).toEqual(['answer for 3, again']);
  });

  it('never shows an old answer that arrives after a newer request', async () => {
    const { store, sent, shown } = watchClass();
    store.getState().setTargetClass(3);
    store.getState().setTargetClass(5);
    sent[1]!.answer.resolve('answer for 5');
    await settle();
    sent[0]!.answer.resolve('answer for 3'); // late: the view now asks about class 5
    await settle();
    expect(shown).toEqual(['answer for 5']);
  });

  it('drops an answer whose view was left while it was computed, even if it comes back', async () => {
    const { store, sent, shown } = watchClass();
    store.getState().setTargetClass(3);
    store.getState().setTargetClass(5);
    store.getState().setTargetClass(3); // back to 3: a new request, the first is still stale
    sent[0]!.answer.resolve('first answer for 3');
    sent[1]!.answer.resolve('answer for 5');
    await settle();
    expect(shown).toEqual(['first answer for 3']);
    sent[2]!.answer.resolve('second answer for 3');
    await settle();
    expect(shown).toEqual(['first answer for 3', 'second answer for 3']);
  });

  it('shows the error of the current request, not of a superseded one', async () => {
    const { store, sent, errors } = watchClass();
    store.getState().setTargetClass(3);
    store.getState().setTargetClass(5);
    sent[0]!.answer.reject(new Error('old failure'));
    sent[1]!.answer.reject(new SupersededError('query'));
    await settle();
    expect(errors).toEqual([]);
    store.getState().setTargetClass(7);
    sent[2]!.answer.reject(new Error('engine failed'));
    await settle();
    expect(errors).toEqual(['engine failed']);
  });
});

describe('watchKeyedRequest (busy delay)', () => {
  function watchDelayed() {
    const store = createAppStore();
    const answers: Array<ReturnType<typeof deferred<string>>> = [];
    let pending = 0;
    watchKeyedRequest<string>(store, {
      keyOf: (s) => (s.targetClass === null ? null : `class ${s.targetClass}`),
      send: () => {
        const answer = deferred<string>();
        answers.push(answer);
        return answer.promise;
      },
      onResult: () => undefined,
      onError: () => undefined,
      onPending: () => (pending += 1),
      pendingDelayMs: 100,
    });
    return { store, answers, pending: () => pending };
  }

  it('never marks a quick answer as pending', async () => {
    vi.useFakeTimers();
    const { store, answers, pending } = watchDelayed();
    store.getState().setTargetClass(3);
    answers[0]!.resolve('quick');
    await vi.advanceTimersByTimeAsync(500);
    expect(pending()).toBe(0);
    vi.useRealTimers();
  });

  it('marks a slow one once the delay has passed, and only the newest', async () => {
    vi.useFakeTimers();
    const { store, pending } = watchDelayed();
    store.getState().setTargetClass(3);
    await vi.advanceTimersByTimeAsync(50);
    store.getState().setTargetClass(5);
    await vi.advanceTimersByTimeAsync(99);
    expect(pending()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(pending()).toBe(1);
    vi.useRealTimers();
  });
});
