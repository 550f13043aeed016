// The app's one zustand store. Actions here only change data; talking to the worker, fetching
// and the URL live in src/app/session.ts, which reacts to these changes.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { modelEntry } from '../model/registry';
import { sampleImage } from '../model/samples';
import { decodeImage } from '../lib/image-codec';
import type { AppData, AppState, CurrentImage, ImageSource, Notice } from './types';
import { defaultUrlState, type UrlProblem } from './url';
import { bootLink } from './url-boot';
import type { UrlState } from './url-fields';
import { INPUT_HEIGHT, INPUT_WIDTH, initialView, viewActions } from './view-store';
import { compareActions, initialCompare } from './compare-store';

export type AppStore = StoreApi<AppState>;

/** The newest notices kept. A link's refused values share ONE notice (LINK_NOTICE_ID), kept
 * until dismissed, so a link with many bad values names every one of them. */
const MAX_NOTICES = 6;

/** The notice that names every value of the link that was refused (reportLinkProblems). */
export const LINK_NOTICE_ID = 'url';

let imageVersion = 0;
function nextImage(pixels: Float32Array, source: ImageSource): CurrentImage {
  imageVersion += 1;
  return { pixels, source, version: imageVersion };
}

/** The image a link carries (`img`, which wins over `sample`), already validated by the URL table. */
function linkImage(code: string | null): CurrentImage | null {
  if (!code) return null;
  const decoded = decodeImage(code, INPUT_WIDTH, INPUT_HEIGHT);
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

    patchModel: (patch) => set({ model: { ...get().model, ...patch } }),
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
