// Groups sample indices by class for the gallery.

export interface ClassGroup {
  classIndex: number;
  name: string;
  /** Sample indices with this label, in file order. */
  indices: number[];
}

export function groupByClass(
  labels: Uint8Array | Uint16Array,
  classNames: readonly string[],
): ClassGroup[] {
  const groups: ClassGroup[] = classNames.map((name, classIndex) => ({
    classIndex,
    name,
    indices: [],
  }));
  labels.forEach((label, index) => groups[label]?.indices.push(index));
  return groups.filter((g) => g.indices.length > 0);
}

/** Moves focus within a grid of buttons laid out `columns` per row, in DOM order. */
export function nextFocusIndex(
  key: string,
  current: number,
  count: number,
  columns: number,
): number | null {
  const moves: Record<string, number> = {
    ArrowRight: current + 1,
    ArrowLeft: current - 1,
    ArrowDown: current + columns,
    ArrowUp: current - columns,
    Home: 0,
    End: count - 1,
  };
  const target = moves[key];
  if (target === undefined) return null;
  return Math.max(0, Math.min(count - 1, target));
}

/**
 * The samples a collapsed row shows: the first `limit`, but the selected sample always stays
 * visible (it replaces the last one), so the highlight never disappears from the gallery.
 */
export function visibleIndices(
  indices: number[],
  limit: number,
  selected: number | null,
): number[] {
  const head = indices.slice(0, limit);
  if (selected === null || head.includes(selected) || !indices.includes(selected)) return head;
  return [...head.slice(0, Math.max(0, limit - 1)), selected];
}
