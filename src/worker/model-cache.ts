// The models a worker has loaded, kept by URL so that switching back to one costs no download and
// no parse. Parsing a model.json registers new tensor names in tfjs-layers' module-wide name
// registry, which nothing ever empties: re-parsing on every switch grew the worker's heap by about
// 1 KiB a switch in the soak (docs/reliability.md). A few entries cover the built-in models.
import type * as tfl from '@tensorflow/tfjs-layers';
import { disposeModel, type LoadedModel } from '../model/load';
import { MODEL_CACHE_SIZE } from './model-cache-size';

export { MODEL_CACHE_SIZE };

export class ModelCache {
  private readonly entries = new Map<string, LoadedModel>();

  constructor(private readonly capacity = MODEL_CACHE_SIZE) {}

  /** The loaded model for this URL, now the most recently used; undefined when not kept. */
  take(url: string): LoadedModel | undefined {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    this.entries.delete(url);
    this.entries.set(url, entry);
    return entry;
  }

  /** Keeps a freshly loaded model; disposes the least recently used beyond the capacity. */
  keep(url: string, entry: LoadedModel, inUse: tfl.LayersModel | null): void {
    const previous = this.entries.get(url);
    if (previous && previous.model !== entry.model) disposeModel(previous.model);
    this.entries.delete(url);
    this.entries.set(url, entry);
    for (const [oldUrl, old] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      if (old.model === inUse || old === entry) continue;
      this.entries.delete(oldUrl);
      disposeModel(old.model);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The kept models' weights: how many tensors and bytes of the worker's memory they are. */
  weights(): { tensors: number; bytes: number } {
    let tensors = 0;
    let bytes = 0;
    for (const { model } of this.entries.values()) {
      for (const w of model.weights) {
        tensors += 1;
        let size = 1;
        for (const d of w.shape) size *= d ?? 1;
        bytes += size * 4; // float32 weights
      }
    }
    return { tensors, bytes };
  }

  /** Disposes every kept model (a terminated fallback, tests). */
  clear(): void {
    for (const entry of this.entries.values()) disposeModel(entry.model);
    this.entries.clear();
  }
}
