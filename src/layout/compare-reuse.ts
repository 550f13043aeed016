// Structural equality of plain layout data (objects, arrays, typed arrays, numbers, strings), so
// that the comparison's layout can keep what an update did not change (compare-layout.ts): equal
// inputs to a pure function give equal outputs, so reusing the old output is exact, not a guess.

function sameArrayLike(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
  return true;
}

export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aList = Array.isArray(a) || ArrayBuffer.isView(a);
  const bList = Array.isArray(b) || ArrayBuffer.isView(b);
  if (aList || bList)
    return (
      aList &&
      bList &&
      Array.isArray(a) === Array.isArray(b) &&
      sameArrayLike(a as ArrayLike<unknown>, b as ArrayLike<unknown>)
    );
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of ka) if (!Object.hasOwn(rb, k) || !sameData(ra[k], rb[k])) return false;
  return true;
}
