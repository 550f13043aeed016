// Fetches the gallery on the main thread and picks the image to show first (the link's sample,
// else the same index as before, else the model's default sample). A built-in model shows its
// dataset's gallery; the user's own model shows the sample set it brought (samples.json and
// samples.bin beside its model.json, docs/own-model.md) once it has loaded, or none.
import { modelEntry, samplePaths } from '../../model/registry';
import { loadSampleSet, parseSampleSet, sampleShape, type SampleSet } from '../../model/samples';
import { samplesForModelUrl } from '../../storage/opened-models';
import { resolveSiteUrl } from '../../model/site-url';
import { sameShape, valueCount } from '../../state/input-shape';
import type { AppStore } from '../../state/store';
import type { AppState } from '../../state/types';
import { isOwnModel } from '../../state/own-model';

/** The loaded own model's address when it is an http(s) URL (a local model's key is not). */
function ownModelUrl(s: AppState): string | null {
  const url = s.model.status === 'ready' ? s.model.summary?.url : undefined;
  return url && /^https?:/i.test(url) ? url : null;
}

/** Which gallery the state calls for: a dataset's, an own model's (by its URL), or none yet. */
function galleryKey(s: AppState): string {
  if (!isOwnModel(s)) return `dataset:${modelEntry(s.modelId).dataset}`;
  if (s.model.status !== 'ready' || !s.model.summary) return 'pending';
  const url = ownModelUrl(s);
  // A model from files brings no gallery yet: a blank canvas of its size instead.
  return url ? `beside:${url}` : `none:${s.model.summary.url}`;
}

/** The sample files of a gallery key, or null when there are none to fetch. */
function galleryUrls(key: string, s: AppState): { bin: string; meta: string } | null {
  if (key.startsWith('dataset:')) {
    const paths = samplePaths(s.modelId);
    return {
      bin: resolveSiteUrl(paths.bin, document.baseURI),
      meta: resolveSiteUrl(paths.meta, document.baseURI),
    };
  }
  if (key.startsWith('beside:')) {
    const modelUrl = key.slice('beside:'.length);
    return {
      bin: new URL('samples.bin', modelUrl).href,
      meta: new URL('samples.json', modelUrl).href,
    };
  }
  return null;
}

/**
 * The sample set opened together with a model from files (src/storage/opened-models.ts), parsed
 * as strictly as a fetched one; null when the files held none.
 */
function localGallery(modelUrl: string): Promise<SampleSet> | null {
  const files = samplesForModelUrl(modelUrl);
  if (!files) return null;
  return Promise.resolve().then(() => {
    let meta: unknown;
    try {
      meta = JSON.parse(files.meta);
    } catch {
      throw new Error('The sample set is broken: samples.json is not valid JSON.');
    }
    return parseSampleSet(meta, files.bin);
  });
}

/** Shows the wanted sample of a freshly loaded gallery (when it fits the model's input). */
function showFirstSample(store: AppStore, set: SampleSet): void {
  const state = store.getState();
  const source = state.image?.source;
  const wanted = state.pendingSample ?? (source?.kind === 'sample' ? source.index : null);
  const own = isOwnModel(state);
  const fallback = Math.min(own ? 0 : modelEntry(state.modelId).defaultSample, set.count - 1);
  if (wanted !== null && wanted >= set.count) {
    state.notify({
      id: 'sample-range',
      level: 'warning',
      text: `Sample ${wanted} does not exist (this gallery has ${set.count}); showing sample ${fallback}.`,
    });
  }
  // A drawn or uploaded image stays when the model changes, if it fits the new one.
  const keeps =
    source && source.kind !== 'sample' && state.pendingSample === null && state.image
      ? sameShape(state.image.shape, sampleShape(set)) && !blankAfterModelChange(state)
      : false;
  if (keeps) return;
  state.selectSample(wanted !== null && wanted < set.count ? wanted : fallback);
}

/** The blank canvas the store puts up when a model of another input geometry loads. */
function blankAfterModelChange(s: AppState): boolean {
  return s.image?.source.kind === 'drawn' && s.image.pixels.every((v) => v === 0);
}

/**
 * An own model without a gallery: a blank canvas of its size (unless an image of that size is
 * already there), so the prediction and the pathways have an input and the brush is ready.
 */
function showBlankCanvas(store: AppStore): void {
  const s = store.getState();
  if (!s.image || !sameShape(s.image.shape, s.input)) {
    s.setImage(new Float32Array(valueCount(s.input)), { kind: 'drawn' });
  }
  if (s.inputMode !== 'draw') s.setInputMode('draw');
}

/**
 * How long a gallery may take to arrive (its .bin is 392 KB for MNIST): past this the panel says
 * so and offers the brush, instead of "Loading samples…" forever on a server that never answers.
 */
export const GALLERY_TIMEOUT_MS = 60_000;

function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `The server did not send it within ${ms / 1000} s: reload the page to try again.`,
          ),
        ),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export interface SamplesLoader {
  stop: () => void;
  /** Settles once the first gallery is in the store, or failed, or there is none (never rejects). */
  first: Promise<void>;
}

export function startSamplesLoader(store: AppStore): SamplesLoader {
  let token = 0;
  let loadedKey: string | null = null;

  const load = (): Promise<void> => {
    const state = store.getState();
    const key = galleryKey(state);
    if (key === loadedKey) return Promise.resolve();
    loadedKey = key;
    const mine = ++token;
    const urls = galleryUrls(key, state);
    const own = isOwnModel(state);
    const local = key.startsWith('none:') ? localGallery(key.slice('none:'.length)) : null;
    if (!urls && !local) {
      // An own model before it has loaded, or one without a gallery: draw or upload instead.
      state.patchSamples({ status: 'idle', modelId: state.modelId, set: null, error: null });
      if (own && state.model.status === 'ready') showBlankCanvas(store);
      return Promise.resolve();
    }
    state.patchSamples({ status: 'loading', modelId: state.modelId, set: null, error: null });
    return (local ?? withinTime(loadSampleSet(urls!), GALLERY_TIMEOUT_MS))
      .then((set) => {
        if (mine !== token) return;
        const s = store.getState();
        if (own && !sameShape(sampleShape(set), s.input)) {
          s.patchSamples({
            status: 'error',
            error: `The model's sample set holds ${set.width}×${set.height}×${set.channels} images, but the model reads ${s.input.width}×${s.input.height}×${s.input.channels}: it is not shown.`,
          });
          showBlankCanvas(store);
          return;
        }
        s.patchSamples({ status: 'ready', set });
        showFirstSample(store, set);
      })
      .catch((error: Error) => {
        if (mine !== token) return;
        const s = store.getState();
        if (own) {
          // A sample set is optional for an own model: without one (none beside its model.json),
          // the canvas is the input. One the user opened with the model but broken is named.
          s.patchSamples(
            local
              ? {
                  status: 'error',
                  set: null,
                  error: `The model's sample set was not shown. ${error.message}`,
                }
              : { status: 'idle', set: null, error: null },
          );
          showBlankCanvas(store);
          return;
        }
        s.patchSamples({
          status: 'error',
          error: `The sample gallery could not be loaded. ${error.message}`,
        });
        // Nothing to click on: offer the brush on an empty canvas instead of a stuck panel.
        if (!s.image) s.setInputMode('draw');
      });
  };

  const first = load();
  // The small and the VGG-16 model of a dataset share its gallery: only a new key reloads it.
  const stop = store.subscribe((state, prev) => {
    if (state.modelId !== prev.modelId && galleryKey(state) === loadedKey) {
      state.patchSamples({ modelId: state.modelId });
    }
    if (
      state.modelId !== prev.modelId ||
      state.customModelUrl !== prev.customModelUrl ||
      state.model.status !== prev.model.status ||
      state.model.summary !== prev.model.summary
    ) {
      void load();
    }
  });
  return { stop, first };
}
