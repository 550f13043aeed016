// The models this browser keeps: the files of every model opened from disk that loaded, in
// IndexedDB, so that a reload (or a visit offline) restores it from `?localModel=` without asking
// for the files again. Two object stores: `models` holds what the kept list shows (name, size,
// date; indexed by the link's id) and `files` the files themselves, read only when one is opened.
import { localModelId } from './local-model-id';
import type { OpenedModel } from './model-files-types';

const DB_NAME = 'pathway-lens-models';
const DB_VERSION = 1;
const MODELS = 'models';
const FILES = 'files';
const BY_ID = 'by-id';

/** A kept model as the list shows it. */
export interface KeptModel {
  /** SHA-256 hex of its files: the key. */
  hash: string;
  /** The link's id (first 16 hex digits). */
  id: string;
  name: string;
  bytes: number;
  /** When it was kept, in milliseconds since the epoch. */
  savedAt: number;
}

/** The browser cannot keep models (no IndexedDB, a private window, no room left). */
export class LocalModelStoreError extends Error {
  override name = 'LocalModelStoreError';
}

function explain(error: unknown): LocalModelStoreError {
  if (error instanceof LocalModelStoreError) return error;
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new LocalModelStoreError('the browser has no room left to keep it');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LocalModelStoreError(`the browser's storage refused it (${message || name})`);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

let database: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (database) return database;
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(
      new LocalModelStoreError('this browser offers no storage for it here (IndexedDB)'),
    );
  }
  database = new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      const models = db.createObjectStore(MODELS, { keyPath: 'hash' });
      models.createIndex(BY_ID, 'id');
      db.createObjectStore(FILES, { keyPath: 'hash' });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the database: let it, and open afresh next time.
      db.onversionchange = () => {
        db.close();
        database = null;
      };
      resolve(db);
    };
    req.onerror = () => reject(explain(req.error));
    req.onblocked = () => reject(new LocalModelStoreError('another tab holds the storage open'));
  }).catch((error: unknown) => {
    database = null;
    throw explain(error);
  });
  return database;
}

const listeners = new Set<() => void>();

/** Calls `listener` whenever a model is kept or removed (the dialog's list refreshes). */
export function onKeptModelsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  listeners.forEach((listener) => listener());
}

/** Keeps a model's files (again: a model kept before gets the new name and date). */
export async function keepModel(model: OpenedModel, now: number = Date.now()): Promise<KeptModel> {
  const db = await open();
  const kept: KeptModel = {
    hash: model.hash,
    id: localModelId(model.hash),
    name: model.name,
    bytes: model.bytes,
    savedAt: now,
  };
  try {
    const tx = db.transaction([MODELS, FILES], 'readwrite');
    tx.objectStore(MODELS).put(kept);
    tx.objectStore(FILES).put({ hash: model.hash, files: model.files, samples: model.samples });
    await done(tx);
  } catch (error) {
    throw explain(error);
  }
  changed();
  return kept;
}

/** The kept models, newest first. */
export async function listKeptModels(): Promise<KeptModel[]> {
  const db = await open();
  try {
    const all = await request(
      db.transaction(MODELS).objectStore(MODELS).getAll() as IDBRequest<KeptModel[]>,
    );
    return all.sort((a, b) => b.savedAt - a.savedAt);
  } catch (error) {
    throw explain(error);
  }
}

/** The kept model with this link id, files included, or null when this browser has none. */
export async function findKeptModel(id: string): Promise<OpenedModel | null> {
  const db = await open();
  try {
    const tx = db.transaction([MODELS, FILES]);
    const kept = await request(
      tx.objectStore(MODELS).index(BY_ID).get(id) as IDBRequest<KeptModel | undefined>,
    );
    if (!kept) return null;
    const stored = await request(
      tx.objectStore(FILES).get(kept.hash) as IDBRequest<
        Pick<OpenedModel, 'files' | 'samples'> | undefined
      >,
    );
    if (!stored) return null;
    const model: OpenedModel = {
      hash: kept.hash,
      name: kept.name,
      bytes: kept.bytes,
      files: stored.files,
    };
    if (stored.samples) model.samples = stored.samples;
    return model;
  } catch (error) {
    throw explain(error);
  }
}

export async function removeKeptModel(hash: string): Promise<void> {
  const db = await open();
  try {
    const tx = db.transaction([MODELS, FILES], 'readwrite');
    tx.objectStore(MODELS).delete(hash);
    tx.objectStore(FILES).delete(hash);
    await done(tx);
  } catch (error) {
    throw explain(error);
  }
  changed();
}
