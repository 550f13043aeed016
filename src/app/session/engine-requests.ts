// What panels call to get pathway data for the image on screen. Each kind of request has its own
// channel, so a new click supersedes the previous query (its promise rejects with a
// SupersededError: check isSuperseded(error) and ignore it) without touching the statistics.
// Type-only imports: the engine itself runs in the worker and stays out of the main bundle.
import type {
  ImageStatistics,
  PixelQueryResult,
  QueryOptions,
  StatisticsOptions,
} from '../../pathways';
import { appStore } from '../../state/store';
import { getSession } from './index';

const QUERY_TIMEOUT_MS = 60_000;
const STATS_TIMEOUT_MS = 300_000;

function currentImage(): Float32Array {
  const image = appStore.getState().image;
  if (!image) throw new Error('There is no input image yet.');
  // A copy, because the transferred buffer is detached and the store keeps its own pixels.
  return image.pixels.slice();
}

function client() {
  const session = getSession();
  if (!session) throw new Error('The session has not started.');
  return session.client;
}

/** Pathways of one pixel or a pixel set (flat positions row * W + col) of the current image. */
export function requestPixelQuery(
  pixels: number[],
  options?: QueryOptions,
): Promise<PixelQueryResult> {
  const image = currentImage();
  return client().request(
    'queryPixels',
    { image, pixels, options },
    { channel: 'query', transfer: [image.buffer], timeoutMs: QUERY_TIMEOUT_MS },
  );
}

/** Whole-image statistics of the current image; long, so it reports progress. */
export function requestImageStats(
  options?: StatisticsOptions,
  onProgress?: (fraction: number, label: string) => void,
): Promise<ImageStatistics> {
  const image = currentImage();
  return client().request(
    'imageStats',
    { image, options },
    { channel: 'stats', transfer: [image.buffer], timeoutMs: STATS_TIMEOUT_MS, onProgress },
  );
}

/** Stops a running query or statistics job (its promise rejects with CancelledError). */
export function cancelEngineRequest(kind: 'query' | 'stats'): void {
  getSession()?.client.cancel(kind);
}
