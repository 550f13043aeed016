// Which classes the class table lists, and the class search: pure, so that the rules a reader
// relies on (the top 10 by probability, the chosen class always shown, the rest summed in one
// "other" row; what a search finds first) are tested without a browser. A model may have up to
// 1,000 classes: the table never draws a row per class beyond these few.

/** Up to this many classes every class gets a row, in class order (MNIST's ten digits). */
export const ALL_ROWS_UP_TO = 10;
/** Beyond that, the most probable classes listed. */
export const TOP_ROWS = 10;
/** Matches a search lists at once; more are counted ("type more to narrow them"). */
export const SEARCH_LIMIT = 8;

export interface ClassRows {
  /** Class indices with a row, in display order. */
  classes: number[];
  /**
   * The chosen class when it has a row only because it is chosen (it is not among the top
   * classes), else null.
   */
  pinned: number | null;
  /** The classes without a row, summed; null when every class has one. */
  other: { count: number; probability: number } | null;
}

const valueOf = (values: ArrayLike<number>, i: number): number => {
  const v = values[i];
  return v !== undefined && Number.isFinite(v) ? v : -Infinity;
};

/**
 * The table's rows: every class in class order for up to ALL_ROWS_UP_TO classes; beyond that the
 * `top` most probable (ties by class number), then the chosen class if it is not among them,
 * then one summary of the rest.
 */
export function classRows(
  probabilities: ArrayLike<number>,
  chosen: number | null,
  top: number = TOP_ROWS,
): ClassRows {
  const count = probabilities.length;
  if (count <= ALL_ROWS_UP_TO) {
    return { classes: Array.from({ length: count }, (_, c) => c), pinned: null, other: null };
  }
  const order = Array.from({ length: count }, (_, c) => c).sort(
    (a, b) => valueOf(probabilities, b) - valueOf(probabilities, a) || a - b,
  );
  const classes = order.slice(0, top);
  const pinned =
    chosen !== null && Number.isInteger(chosen) && chosen >= 0 && chosen < count
      ? classes.includes(chosen)
        ? null
        : chosen
      : null;
  if (pinned !== null) classes.push(pinned);
  let probability = 0;
  let rest = 0;
  for (const c of order.slice(top)) {
    if (c === pinned) continue;
    rest += 1;
    const p = probabilities[c] ?? 0;
    if (Number.isFinite(p)) probability += p;
  }
  return { classes, pinned, other: rest > 0 ? { count: rest, probability } : null };
}

export interface ClassSearchResult {
  /** The best matches, best first, at most `limit`. */
  matches: number[];
  /** How many classes match in all. */
  total: number;
}

/**
 * How well class c matches the query (lower is better), or null for no match: its number or its
 * whole name, then a name that starts with the query, then a word of the name or the class
 * number that does, then the query anywhere in the name.
 */
function matchRank(name: string, c: number, query: string, number: number | null): number | null {
  const lower = name.toLowerCase();
  if (c === number || lower === query) return 0;
  if (lower.startsWith(query)) return 1;
  if (lower.split(/[\s_\-,./()]+/).some((word) => word.startsWith(query))) return 2;
  if (number !== null && String(c).startsWith(query)) return 2;
  return lower.includes(query) ? 3 : null;
}

/**
 * Classes whose name or number matches `query` (case-insensitive; a leading "#" is allowed
 * before a number), best match first, ties by class number. Classes without a name are found by
 * their number only.
 */
export function searchClasses(
  classNames: readonly string[],
  classCount: number,
  query: string,
  limit: number = SEARCH_LIMIT,
): ClassSearchResult {
  const q = query
    .trim()
    .toLowerCase()
    .replace(/^#(?=\d)/, '');
  if (q === '') return { matches: [], total: 0 };
  const number = /^\d+$/.test(q) ? Number(q) : null;
  const ranked: Array<[number, number]> = [];
  for (let c = 0; c < classCount; c++) {
    const rank = matchRank(classNames[c] ?? String(c), c, q, number);
    if (rank !== null) ranked.push([rank, c]);
  }
  ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { matches: ranked.slice(0, limit).map(([, c]) => c), total: ranked.length };
}

/**
 * The highlighted option of the search's list after a key (WAI-ARIA combobox: the arrows move
 * through the list and wrap; −1 is "none"), or null for keys the list ignores.
 */
export function nextOption(active: number, key: string, count: number): number | null {
  if (count <= 0) return null;
  if (key === 'ArrowDown') return active < 0 ? 0 : (active + 1) % count;
  if (key === 'ArrowUp') return active < 0 ? count - 1 : (active - 1 + count) % count;
  return null;
}

/** The name a row shows: the class's name, else its number. */
export function classLabel(classNames: readonly string[], c: number): string {
  return classNames[c] ?? String(c);
}

/** A name cut to `max` characters with an ellipsis, for places without room (legend labels). */
export function shortName(name: string, max = 24): string {
  return name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
}
