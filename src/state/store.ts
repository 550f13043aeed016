// The app's one zustand store. Actions here only change data; talking to the worker, fetching
// and the URL live in src/app/session.ts, which reacts to these changes.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { modelEntry } from '../model/registry';
import { sampleImage } from '../model/samples';
import { decodeImage, peekImageSize } from '../lib/image-codec';
import type { AppData, AppState, CurrentImage, ImageSource, Notice } from './types';
import { defaultUrlState, parseUrlState } from './url';
import type { UrlState } from './url-fields';
import { initialView, viewActions } from './view-store';

export type AppStore = StoreApi<AppState>;

const MAX_NOTICES = 6;

let imageVersion = 0;
function nextImage(pixels: Float32Array, source: ImageSource): CurrentImage {
  imageVersion += 1;
  return { pixels, source, version: imageVersion };
}

/** The image a link carries (`img`, which wins over `sample`), already validated by the URL table. */
function linkImage(code: string | null): CurrentImage | null {
  const size = code ? peekImageSize(code) : null;
  if (!code || !size) return null;
  const decoded = decodeImage(code, size.width, size.height);
  return decoded.ok ? nextImage(decoded.image, { kind: 'drawn' }) : null;
}

export function initialData(url: UrlState = defaultUrlState()): AppData {
  const image = linkImage(url.img);
  return {
    ...initialView(url),
    modelId: url.model,
    customModelUrl: url.modelUrl,
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
    presentation: { mode: url.mode, embed: url.embed, hide: url.hide },
  };
}

export function createAppStore(data: AppData = initialData()): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...data,
    ...viewActions(set, get),

    selectModel(id) {
      const { modelId, customModelUrl } = get();
      if (id === modelId && customModelUrl === null) return;
      set({ modelId: id, customModelUrl: null });
    },

    selectSample(index) {
      const { set: samples } = get().samples;
      if (!samples || index < 0 || index >= samples.count) {
        // Not loaded yet: remember it and show it once the gallery arrives.
        set({ pendingSample: index });
        return;
      }
      set({
        image: nextImage(sampleImage(samples, index), { kind: 'sample', index }),
        pendingSample: null,
      });
    },

    setImage(pixels, source) {
      set({ image: nextImage(pixels, source), pendingSample: null });
    },

    notify(notice: Notice) {
      const others = get().notices.filter((n) => n.id !== notice.id);
      set({ notices: [...others, notice].slice(-MAX_NOTICES) });
    },

    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },

    setMode: (mode) => set({ presentation: { ...get().presentation, mode } }),

    patchModel: (patch) => set({ model: { ...get().model, ...patch } }),
    patchBackend: (patch) => set({ backend: { ...get().backend, ...patch } }),
    patchSamples: (patch) => set({ samples: { ...get().samples, ...patch } }),
    patchPrediction: (patch) => set({ prediction: { ...get().prediction, ...patch } }),
  }));
}

function initialFromLocation(): { data: AppData; problems: string[] } {
  if (typeof location === 'undefined') return { data: initialData(), problems: [] };
  const { state, problems } = parseUrlState(location.search);
  return { data: initialData(state), problems };
}

const boot = initialFromLocation();

/** The app's store, initialised from the URL so that the first paint already shows the link. */
export const appStore: AppStore = createAppStore(boot.data);
boot.problems.forEach((text, i) =>
  appStore.getState().notify({ id: `url-${i}`, level: 'warning', text }),
);

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
