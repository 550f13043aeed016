// How a model opened from files is named. Its content hash (SHA-256 of its files, content-hash.ts)
// is the worker's cache key, as `local-model:<64 hex>`; the app's state and the link carry only the
// first 16 hex digits, optionally with a readable name (`?localModel=3f2a9c0d1e4b5a69.grey-20`),
// and the files themselves come from this tab's memory (opened-models.ts) or from the models this
// browser keeps (local-models.ts). Pure: shared by the URL table, the session and the dialog.
import { LOCAL_MODEL_KEY_PREFIX, localModelKey } from '../model/model-files';

/** The scheme of a local model's address (the store's customModelUrl) and of its worker key. */
export const LOCAL_MODEL_SCHEME = LOCAL_MODEL_KEY_PREFIX;
/** Hex digits of the hash in a link: 64 bits, far beyond any collision among one's own models. */
export const LOCAL_ID_LENGTH = 16;
const MAX_NAME_LENGTH = 40;
const LINK = /^([0-9a-fA-F]{16})(?:\.([A-Za-z0-9_-]{1,40}))?$/;

/** A local model as the link and the store name it. */
export interface LocalModelRef {
  /** The first LOCAL_ID_LENGTH hex digits of its content hash, lower case. */
  id: string;
  /** A readable name (the folder's or the model's), for messages; null when the link has none. */
  name: string | null;
}

/** The link's id of a content hash. */
export function localModelId(hash: string): string {
  return hash.slice(0, LOCAL_ID_LENGTH).toLowerCase();
}

/** The worker's URL of a local model: its whole hash (the worker caches models by URL). */
export function localWorkerUrl(hash: string): string {
  return localModelKey(hash.toLowerCase());
}

/** True for a local model's address or worker URL (not a file on any server). */
export function isLocalModelUrl(url: string | null | undefined): boolean {
  return typeof url === 'string' && url.startsWith(LOCAL_MODEL_SCHEME);
}

/**
 * A name that can travel in a link: letters, digits, '-' and '_' (others become '-'), at most 40
 * characters; null when nothing readable is left.
 */
export function linkName(name: string): string | null {
  const safe = name
    // Accents come off (é → e) rather than turning into dashes.
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/-+$/, '');
  return safe === '' ? null : safe;
}

/** The link's `localModel` text: `<16 hex>` or `<16 hex>.<name>`, or null when malformed. */
export function parseLocalModelLink(text: string): LocalModelRef | null {
  const match = LINK.exec(text);
  if (!match) return null;
  return { id: (match[1] as string).toLowerCase(), name: match[2] ?? null };
}

export function formatLocalModelLink(ref: LocalModelRef): string {
  const name = ref.name === null ? null : linkName(ref.name);
  return name === null ? ref.id : `${ref.id}.${name}`;
}

/** The store's address (customModelUrl) of a local model. */
export function localModelAddress(ref: LocalModelRef): string {
  return `${LOCAL_MODEL_SCHEME}${formatLocalModelLink(ref)}`;
}

/** The local model an address names, or null for any other address (or none). */
export function parseLocalModelAddress(address: string | null): LocalModelRef | null {
  if (!isLocalModelUrl(address)) return null;
  return parseLocalModelLink((address as string).slice(LOCAL_MODEL_SCHEME.length));
}

/** The link's `localModel` text for the store's address, or null when it is not a local model. */
export function localModelLinkOf(address: string | null): string | null {
  const ref = parseLocalModelAddress(address);
  return ref ? formatLocalModelLink(ref) : null;
}
