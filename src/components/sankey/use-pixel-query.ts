// Runs the pathway query for the current selection, newest request winning: a new selection,
// class or image supersedes the running query (the worker client rejects the stale promise with
// a superseded error, which is dropped here), and the last good result stays on screen meanwhile.
import { useEffect, useState } from 'react';
import type { PixelQueryResult, QueryOptions } from '../../pathways';
import { isSuperseded } from '../../worker/errors';

export type PixelQueryFn = (pixels: number[], options: QueryOptions) => Promise<PixelQueryResult>;

export interface PixelQueryState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The latest result (kept while a newer one loads, so the view does not flash). */
  result: PixelQueryResult | null;
  error: string | null;
}

export interface PixelQueryRequest {
  /** False while there is nothing to ask (no model, no image, no selection). */
  enabled: boolean;
  pixels: readonly number[];
  /** Target class, or null for the model's prediction. */
  classIndex: number | null;
  /** Changes whenever the image changes (the store's image version). */
  imageKey: number | null;
}

export function usePixelQuery(request: PixelQueryRequest, query: PixelQueryFn): PixelQueryState {
  const [state, setState] = useState<PixelQueryState>({
    status: 'idle',
    result: null,
    error: null,
  });
  const { enabled, classIndex, imageKey } = request;
  const pixelsKey = request.pixels.join(',');

  useEffect(() => {
    if (!enabled || pixelsKey === '') {
      setState({ status: 'idle', result: null, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    const pixels = pixelsKey.split(',').map(Number);
    query(pixels, classIndex === null ? {} : { classIndex }).then(
      (result) => live && setState({ status: 'ready', result, error: null }),
      (error: unknown) => {
        if (!live || isSuperseded(error)) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((s) => ({ ...s, status: 'error', error: message }));
      },
    );
    return () => {
      live = false;
    };
  }, [enabled, pixelsKey, classIndex, imageKey, query]);

  return state;
}
