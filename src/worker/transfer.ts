// Finds the buffers of the typed arrays inside a message so that postMessage can transfer them
// instead of copying. Only for data the sender gives away: a transferred buffer is detached.

export function collectTransferables(value: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  visit(value, out, 0);
  return [...out];
}

function visit(value: unknown, out: Set<ArrayBuffer>, depth: number): void {
  if (value === null || typeof value !== 'object' || depth > 8) return;
  if (ArrayBuffer.isView(value)) {
    // Shared or already-detached buffers cannot be transferred; views of one buffer share it.
    if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength > 0) out.add(value.buffer);
    return;
  }
  if (value instanceof ArrayBuffer) {
    if (value.byteLength > 0) out.add(value);
    return;
  }
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) visit(item, out, depth + 1);
}
