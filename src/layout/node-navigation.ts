// Keyboard movement between nodes: up/down within a column, left/right to the neighbouring
// column's node nearest in height. Pure, so it is tested without a DOM.

interface NavNode {
  id: string;
  column: number;
  y0: number;
  y1: number;
}

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export function isNavKey(key: string): key is NavKey {
  return ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key);
}

export function nextNodeId(
  nodes: readonly NavNode[],
  currentId: string | null,
  key: NavKey,
  isVisible: (n: NavNode) => boolean = () => true,
): string | null {
  const live = nodes.filter(isVisible);
  if (live.length === 0) return null;
  const current = live.find((n) => n.id === currentId);
  if (!current) return live[0]!.id;
  const mid = (n: NavNode) => (n.y0 + n.y1) / 2;
  const inColumn = (c: number) => live.filter((n) => n.column === c).sort((a, b) => a.y0 - b.y0);
  const column = inColumn(current.column);
  const i = column.indexOf(current);
  switch (key) {
    case 'ArrowUp':
      return (column[i - 1] ?? current).id;
    case 'ArrowDown':
      return (column[i + 1] ?? current).id;
    case 'Home':
      return (column[0] ?? current).id;
    case 'End':
      return (column[column.length - 1] ?? current).id;
    default: {
      const step = key === 'ArrowLeft' ? -1 : 1;
      const columns = [...new Set(live.map((n) => n.column))].sort((a, b) => a - b);
      const target = columns[columns.indexOf(current.column) + step];
      if (target === undefined) return current.id;
      const y = mid(current);
      const best = inColumn(target).reduce((a, b) =>
        Math.abs(mid(b) - y) < Math.abs(mid(a) - y) ? b : a,
      );
      return best.id;
    }
  }
}
