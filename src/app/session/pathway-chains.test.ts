import { describe, expect, it } from 'vitest';
import type { PathwayChain, PixelQueryResult } from '../../pathways/types';
import { selectShownChains, selectChainsError } from '../../state/selectors-view';
import { createAppStore } from '../../state/store';
import type { AppState } from '../../state/types';
import { CancelledError } from '../../worker/errors';
import type { ImageRef } from '../../worker/kept-images';
import {
  afterNextFrame,
  CHAINS_CHANNEL,
  createChainsAsker,
  type ChainsClient,
} from './pathway-chains';
import type { WorkerImages } from './worker-images';
import { deferred, settle } from './deferred.test-util';

interface Sent {
  op: string;
  params: { imageKey?: string; pixels: number[]; options?: { classIndex?: number } };
  channel?: string;
  answer: ReturnType<typeof deferred<{ chains: PathwayChain[] }>>;
}

function setup() {
  const store = createAppStore();
  const sent: Sent[] = [];
  const cancelled: string[] = [];
  const client = {
    request: (op: string, params: Sent['params'], options?: { channel?: string }) => {
      const answer = deferred<{ chains: PathwayChain[] }>();
      sent.push({ op, params, channel: options?.channel, answer });
      return answer.promise;
    },
    cancel: (channel: string) => cancelled.push(channel),
  } as unknown as ChainsClient;
  // The worker holds every image already: requests name it by key.
  const images = {
    send: (key: string, _pixels: Float32Array, request: (r: ImageRef, t: []) => unknown) =>
      request({ imageKey: key }, []),
    holds: () => true,
    stop: () => {},
  } as unknown as WorkerImages;
  const frames: Array<() => void> = [];
  const schedule = (run: () => void) => {
    frames.push(run);
    return () => frames.splice(frames.indexOf(run) >>> 0, 1);
  };
  const asker = createChainsAsker(store, client, images, schedule);
  /** Shows `result` as the live answer, as pathway-query.ts does, and returns its view. */
  const answer = (pixel: number, classIndex = 7) => {
    const result = { pixels: [pixel], classIndex, chains: [] } as unknown as PixelQueryResult;
    store.setState({
      image: { version: 3, pixels: new Float32Array(784) } as AppState['image'],
      selection: { region: { row0: 0, col0: pixel, row1: 0, col1: pixel }, pixels: [pixel] },
    } as Partial<AppState>);
    store.getState().patchPathways({ status: 'ready', result, key: `3|${pixel}|p` });
    return { result, sentFor: store.getState() };
  };
  return { store, sent, cancelled, asker, frames, answer };
}

const CHAIN: PathwayChain = { maps: [1, 2, 3], flow: 0.25 };

describe('createChainsAsker', () => {
  it('asks after the answer’s frame, for its pixels and class, and shows the chains with it', async () => {
    const { store, sent, asker, frames, answer } = setup();
    const { result, sentFor } = answer(40);
    asker.ask(result, sentFor);
    expect(sent).toHaveLength(0);
    expect(selectShownChains(store.getState())).toBeNull();
    frames.shift()!();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      op: 'queryChains',
      channel: CHAINS_CHANNEL,
      params: { imageKey: '3', pixels: [40], options: { classIndex: 7 } },
    });
    sent[0]!.answer.resolve({ chains: [CHAIN] });
    await settle();
    expect(selectShownChains(store.getState())).toEqual([CHAIN]);
  });

  it('drops chains whose answer is no longer on screen', async () => {
    const { store, sent, asker, frames, answer } = setup();
    const first = answer(40);
    asker.ask(first.result, first.sentFor);
    frames.shift()!();
    answer(41); // the next click's answer replaced it before the chains came
    sent[0]!.answer.resolve({ chains: [CHAIN] });
    await settle();
    expect(store.getState().chains.status).toBe('idle');
    expect(selectShownChains(store.getState())).toBeNull();
  });

  it('a new query cancels chains asked for and chains about to be asked for', () => {
    const { sent, cancelled, asker, frames, answer } = setup();
    const { result, sentFor } = answer(40);
    asker.ask(result, sentFor);
    asker.cancel();
    expect(frames).toHaveLength(0);
    expect(cancelled).toContain(CHAINS_CHANNEL);
    expect(sent).toHaveLength(0);
  });

  it('says why the chains failed, and is silent about cancelled ones', async () => {
    const { store, sent, asker, frames, answer } = setup();
    const first = answer(40);
    asker.ask(first.result, first.sentFor);
    frames.shift()!();
    sent[0]!.answer.reject(new CancelledError('queryChains'));
    await settle();
    expect(store.getState().chains.status).toBe('idle');
    asker.ask(first.result, first.sentFor);
    frames.shift()!();
    sent[1]!.answer.reject(new Error('out of memory'));
    await settle();
    expect(selectChainsError(store.getState())).toBe('out of memory');
    expect(selectShownChains(store.getState())).toBeNull();
    answer(41);
    expect(selectChainsError(store.getState())).toBeNull();
  });
});

describe('afterNextFrame', () => {
  it('runs once even where no frame comes (a hidden tab, Node), and not once cancelled', async () => {
    const runs: string[] = [];
    afterNextFrame(() => runs.push('a'));
    const cancel = afterNextFrame(() => runs.push('b'));
    cancel();
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).toEqual(['a']);
  });
});
