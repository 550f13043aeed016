// The app's one zustand store. Actions here only change data; talking to the worker, fetching
// and the URL live in src/app/session.ts, which reacts to these changes.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { modelEntry } from '../model/registry';
import { sampleImage, sampleShape } from '../model/samples';
import { decodeImage, peekImageSize } from '../lib/image-codec';
import type { AppData, AppState, CurrentImage, ImageSource, Notice } from './types';
import { defaultUrlState, type UrlProblem } from './url';
import { bootLink } from './url-boot';
import type { UrlState } from './url-fields';
import { initialView, selectionFor, viewActions } from './view-store';
import { SHIPPED_INPUT, sameShape, shapeOf, valueCount, type InputShape } from './input-shape';
import { compareActions, initialCompare } from './compare-store';
import { LOCAL_MODEL_SCHEME } from '../storage/local-model-id';

export type AppStore = StoreApi<AppState>;

/** The newest notices kept. A link's refused values share ONE notice (LINK_NOTICE_ID), kept
 * until dismissed, so a link with many bad values names every one of them. */
const MAX_NOTICES = 6;

/** The notice that names every value of the link that was refused (reportLinkProblems). */
export const LINK_NOTICE_ID = 'url';

let imageVersion = 0;
function nextImage(pixels: Float32Array, source: ImageSource, shape: InputShape): CurrentImage {
  imageVersion += 1;
  return { pixels, source, shape, version: imageVersion };
}

/**
 * The image a link carries (`img`, which wins over `sample`), already validated by the URL table.
 * Its geometry is the code's own: a model with another input replaces it once it has loaded
 * (inputChange below), and the view guard names the refused value.
 */
function linkImage(code: string | null): CurrentImage | null {
  if (!code) return null;
  const size = peekImageSize(code);
  if (!size) return null;
  const decoded = decodeImage(code, size.width, size.height, size.channels);
  return decoded.ok
    ? nextImage(decoded.image, { kind: 'drawn' }, shapeOf([size.height, size.width, size.channels]))
    : null;
}

/**
 * What changes when a model with another input geometry has loaded: the image is replaced by a
 * blank one of the new size (the gallery, when the model has one, then shows its sample: a
 * sample number is kept pending), and a selection that no longer fits is dropped.
 */
function inputChange(state: AppState, input: InputShape): Partial<AppState> {
  if (sameShape(state.input, input)) return {};
  const change: Partial<AppState> = { input };
  const image = state.image;
  if (image && !sameShape(image.shape, input)) {
    change.image = nextImage(new Float32Array(valueCount(input)), { kind: 'drawn' }, input);
    if (image.source.kind === 'sample' && state.pendingSample === null) {
      change.pendingSample = image.source.index;
    }
  }
  const region = state.selection?.region;
  change.selection = region ? selectionFor(region, input) : null;
  return change;
}

export function initialData(url: UrlState = defaultUrlState()): AppData {
  const image = linkImage(url.img);
  return {
    ...initialView(url),
    modelId: url.model,
    // A model opened from files wins over a modelUrl (the app writes only one of them).
    customModelUrl: url.localModel ? `${LOCAL_MODEL_SCHEME}${url.localModel}` : url.modelUrl,
    input: image?.shape ?? SHIPPED_INPUT,
    model: {
      status: 'idle',
      progress: 0,
      summary: null,
      card: null,
      error: null,
      label: url.modelUrl ?? modelEntry(url.model).label,
    },
    backend: { requested: url.backend, info: null, runsOnMainThread: false, error: null },
    samples: { status: 'idle', modelId: url.model, set: null, error: null },
    image,
    pendingSample: image ? null : url.sample,
    prediction: { status: 'idle', result: null, imageVersion: null, error: null },
    notices: [],
    openModel: {
      dialogOpen: false,
      error: null,
      missing: null,
      consentedOrigins: [],
      pendingRemote: null,
    },
    presentation: { mode: url.mode, embed: url.embed, hide: url.hide },
    compare: initialCompare(url),
  };
}

export function createAppStore(data: AppData = initialData()): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...data,
    ...viewActions(set, get),
    ...compareActions(set, get),

    selectModel(id) {
      const { modelId, customModelUrl } = get();
      if (id === modelId && customModelUrl === null) return;
      set({ modelId: id, customModelUrl: null });
    },

    openModelAt(address, options = {}) {
      const { modelId, customModelUrl, openModel } = get();
      const nextId = options.modelId ?? modelId;
      const origin = options.consentOrigin;
      const consent =
        origin && !openModel.consentedOrigins.includes(origin)
          ? {
              openModel: {
                ...openModel,
                consentedOrigins: [...openModel.consentedOrigins, origin],
              },
            }
          : {};
      if (address === customModelUrl && nextId === modelId && !consent.openModel) return;
      set({ modelId: nextId, customModelUrl: address, ...consent });
    },

    patchOpenModel: (patch) => set({ openModel: { ...get().openModel, ...patch } }),

    selectSample(index) {
      const { set: samples } = get().samples;
      if (!samples || index < 0 || index >= samples.count) {
        // Not loaded yet: remember it and show it once the gallery arrives.
        set({ pendingSample: index });
        return;
      }
      const shape = sampleShape(samples);
      if (!sameShape(shape, get().input)) {
        // A gallery of another geometry (still the previous model's): show it once they agree.
        set({ pendingSample: index });
        return;
      }
      set({
        image: nextImage(sampleImage(samples, index), { kind: 'sample', index }, shape),
        pendingSample: null,
      });
    },

    setImage(pixels, source) {
      const input = get().input;
      if (pixels.length !== valueCount(input)) {
        throw new RangeError(
          `An image of ${pixels.length} values does not fit the model's ${input.width}×${input.height}×${input.channels} input.`,
        );
      }
      set({ image: nextImage(pixels, source, input), pendingSample: null });
    },

    notify(notice: Notice) {
      const notices = [...get().notices.filter((n) => n.id !== notice.id), notice];
      // The oldest go first, but never the link notice: it is the only word on what was refused.
      while (notices.length > MAX_NOTICES) {
        notices.splice(notices[0]?.id === LINK_NOTICE_ID ? 1 : 0, 1);
      }
      set({ notices });
    },

    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },

    setMode: (mode) => set({ presentation: { ...get().presentation, mode } }),

    patchModel: (patch) => {
      const model = { ...get().model, ...patch };
      // A summary brings the model's input geometry (tests may patch partial summaries).
      const shape = patch.summary?.inputShape;
      set({ model, ...(shape?.length === 3 ? inputChange(get(), shapeOf(shape)) : {}) });
      // A sample that waited for the model's geometry (selectSample above) can show now.
      const { pendingSample, samples, input } = get();
      if (pendingSample !== null && samples.set && sameShape(sampleShape(samples.set), input)) {
        get().selectSample(pendingSample);
      }
    },
    patchBackend: (patch) => set({ backend: { ...get().backend, ...patch } }),
    patchSamples: (patch) => set({ samples: { ...get().samples, ...patch } }),
    patchPrediction: (patch) => set({ prediction: { ...get().prediction, ...patch } }),
  }));
}

/**
 * Names refused link values in the one link notice, after those it already names (a value found
 * impossible once the model loads joins the ones the link's text already gave away).
 */
export function reportLinkProblems(store: AppStore, problems: readonly UrlProblem[]): void {
  if (problems.length === 0) return;
  const { notices, notify } = store.getState();
  const earlier = notices.find((n) => n.id === LINK_NOTICE_ID)?.text;
  const texts = problems.map((p) => p.text);
  notify({
    id: LINK_NOTICE_ID,
    level: 'warning',
    text: (earlier ? [earlier, ...texts] : texts).join(' '),
  });
}

/** The app's store, initialised from the URL so that the first paint already shows the link. */
export const appStore: AppStore = createAppStore(initialData(bootLink.state));
reportLinkProblems(appStore, bootLink.problems);

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
