// The content hash that names a model opened from files: SHA-256 over model.json (UTF-8), then
// each weight shard in the order model.json lists them, then the labels file when there is one
// (it changes the class names the model shows, and the worker caches a model by this hash).
// crypto.subtle exists only on secure pages (https, or localhost), hence the message below.
import type { LocalModelFiles } from './model-files-types';

export class HashUnavailableError extends Error {
  override name = 'HashUnavailableError';
}

function toHex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of the parts one after the other, as 64 lower-case hex digits. */
export async function sha256Hex(parts: readonly Uint8Array[]): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new HashUnavailableError(
      'Opening model files needs a secure page (https:// or localhost): the browser offers no hashing here.',
    );
  }
  const total = parts.reduce((sum, p) => sum + p.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return toHex(await subtle.digest('SHA-256', joined));
}

/** The hash of a model's files (shards already in model.json's order: model-file-group.ts). */
export function modelContentHash(files: LocalModelFiles): Promise<string> {
  const encoder = new TextEncoder();
  return sha256Hex([
    encoder.encode(files.modelJson),
    ...files.shards.map((shard) => new Uint8Array(shard.data)),
    ...(files.labels ? [encoder.encode(files.labels.text)] : []),
  ]);
}
