// The top chains of each live answer (definition 6), asked for once its Sankey is on the page.
// The diagram needs none of them, and the beam search was most of a one-pixel query's time on the
// small model (docs/benchmarks.md, "Speed, fifth pass"): the query leaves them out
// (pathway-query.ts) and this asks for them just after the frame that draws the answer. Every new
// query cancels them first (`cancel`), so that a click never waits behind a search nobody will
// see, and a chains request never stands in for a query. They fill the chain table and the
// words under the diagram (SankeyPanel.tsx), which keep the last chains they had until these
// arrive.
import type { WorkerClient } from '../../worker/client';
import { isSuperseded, WorkerCrashedError } from '../../worker/errors';
import type { PixelQueryResult } from '../../pathways/types';
import type { AppStore } from '../../state/store';
import type { AppState } from '../../state/types';
import type { ImageRef } from '../../worker/kept-images';
import type { WorkerImages } from './worker-images';

const CHAINS_TIMEOUT_MS = 60_000;
/** Hidden tabs get no frames: ask anyway after this long. */
const NO_FRAME_FALLBACK_MS = 100;

export interface ChainsAsker {
  /** Asks for the chains of `result`, the answer just applied for the view `sentFor`. */
  ask(result: PixelQueryResult, sentFor: AppState): void;
  /** Drops the chains asked for or about to be (a new query is on its way). */
  cancel(): void;
}

export type ChainsClient = Pick<WorkerClient, 'request' | 'cancel'>;

/** The worker channel of the chain requests (a new query cancels it). */
export const CHAINS_CHANNEL = 'chains';

/** Runs `run` once, in a task after the next frame has been produced (or after a fallback). */
export function afterNextFrame(run: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    run();
  };
  const fallback = setTimeout(once, NO_FRAME_FALLBACK_MS);
  // A timeout set in a frame callback runs after that frame's paint.
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => setTimeout(once, 0))
      : null;
  return () => {
    done = true;
    clearTimeout(fallback);
    if (frame !== null) cancelAnimationFrame(frame);
  };
}

export function createChainsAsker(
  store: AppStore,
  client: ChainsClient,
  images: WorkerImages,
  schedule: (run: () => void) => () => void = afterNextFrame,
): ChainsAsker {
  let cancelScheduled: (() => void) | null = null;
  const current = (result: PixelQueryResult) => store.getState().pathways.result === result;

  const send = (result: PixelQueryResult, sentFor: AppState) => {
    const image = sentFor.image;
    if (!image || !current(result)) return;
    const request = (ref: ImageRef, transfer: Transferable[]) =>
      client.request(
        'queryChains',
        { ...ref, pixels: result.pixels, options: { classIndex: result.classIndex } },
        { channel: CHAINS_CHANNEL, transfer, timeoutMs: CHAINS_TIMEOUT_MS },
      );
    void images
      .send(String(image.version), image.pixels, request)
      .then((answer) => {
        if (!current(result)) return;
        store
          .getState()
          .patchChains({ status: 'ready', of: result, list: answer.chains, error: null });
      })
      .catch((error: Error) => {
        // A newer click (it cancelled these), or a restarted worker (which asks the query again),
        // is not news.
        if (isSuperseded(error) || error instanceof WorkerCrashedError || !current(result)) return;
        store
          .getState()
          .patchChains({ status: 'error', of: result, list: [], error: error.message });
      });
  };

  const cancel = () => {
    cancelScheduled?.();
    cancelScheduled = null;
    client.cancel(CHAINS_CHANNEL);
  };

  return {
    ask(result, sentFor) {
      cancel();
      cancelScheduled = schedule(() => {
        cancelScheduled = null;
        send(result, sentFor);
      });
    },
    cancel,
  };
}
