// The content hash that names a model opened from files: SHA-256 over model.json (UTF-8), then
// each weight shard in the order model.json lists them, then the labels file when there is one
// (it changes the class names the model shows, and the worker caches a model by this hash).
// crypto.subtle exists only on secure pages (https, or localhost); elsewhere (the app served over
// plain http, e.g. on a classroom network) the same digest comes from sha256.ts.
import type { LocalModelFiles } from './model-files-types';
import { sha256 } from './sha256';

function toHex(digest: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of the parts one after the other, as 64 lower-case hex digits. */
export async function sha256Hex(parts: readonly Uint8Array[]): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  const total = parts.reduce((sum, p) => sum + p.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return toHex(subtle ? await subtle.digest('SHA-256', joined) : sha256(joined));
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
