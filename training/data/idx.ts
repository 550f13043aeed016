/**
 * Parser for the IDX format of the original MNIST files (big-endian header: two zero bytes, a
 * type code, the number of dimensions, then one uint32 per dimension, then the data).
 */

const UNSIGNED_BYTE_TYPE = 0x08;

export interface IdxArray {
  dims: number[];
  /** A view on the input buffer (no copy). */
  data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array): IdxArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 4 || view.getUint16(0) !== 0) {
    throw new Error('Not an IDX file: the magic number must start with two zero bytes.');
  }
  const typeCode = view.getUint8(2);
  if (typeCode !== UNSIGNED_BYTE_TYPE) {
    throw new Error(`Unsupported IDX element type 0x${typeCode.toString(16)}; expected uint8.`);
  }
  const rank = view.getUint8(3);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i));
  const headerBytes = 4 + 4 * rank;
  const elementCount = dims.reduce((a, b) => a * b, 1);
  if (bytes.byteLength !== headerBytes + elementCount) {
    throw new Error(
      `IDX size mismatch: header says ${elementCount} elements, file has ${bytes.byteLength - headerBytes}.`,
    );
  }
  return { dims, data: bytes.subarray(headerBytes) };
}
