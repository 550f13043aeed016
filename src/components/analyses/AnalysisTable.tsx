// The one table of the Analyses area: one row per layer (or pair), its first column the row's
// header, numbers right-aligned by class. Views describe the columns; the markup is here.
import type { HTMLAttributes, ReactNode } from 'react';

export interface Column<R> {
  head: ReactNode;
  cell: (row: R) => ReactNode;
  /** The cell's class, e.g. 'an-num' or a highlight that depends on the row. */
  className?: string | ((row: R) => string | undefined);
}

interface Props<R> {
  rows: readonly R[];
  /** Rows of per-layer tables are keyed by their `layer` without saying so. */
  rowKey?: (row: R) => string | number;
  /** The first column heads each row (th scope="row"). */
  columns: readonly Column<R>[];
  caption?: ReactNode;
  testId?: string;
  /** Extra attributes of a row (a click shortcut, a class). */
  rowProps?: (row: R) => HTMLAttributes<HTMLTableRowElement>;
}

export function AnalysisTable<R>({ rows, rowKey, columns, caption, testId, rowProps }: Props<R>) {
  return (
    <table className="an-table" data-testid={testId}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr
            key={rowKey ? rowKey(row) : ((row as { layer?: number }).layer ?? i)}
            {...rowProps?.(row)}
          >
            {columns.map((c, i) => {
              const className = typeof c.className === 'function' ? c.className(row) : c.className;
              return i === 0 ? (
                <th key={i} scope="row" className={className}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={i} className={className}>
                  {c.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The first column of a per-layer table: the layer's name, heading its row. */
export function layerColumn<R extends { name: string }>(head: ReactNode = 'layer'): Column<R> {
  return { head, cell: (row) => row.name };
}

/** A bar for a share in [0, 1], with an optional tick (a baseline or chance). Decorative. */
export function Meter({ value, mark }: { value: number; mark?: number }) {
  return (
    <span className="an-meter" aria-hidden="true">
      <span className="an-meter-fill" style={{ width: `${value * 100}%` }} />
      {mark !== undefined && <span className="an-meter-mark" style={{ left: `${mark * 100}%` }} />}
    </span>
  );
}

/** Class of a number cell, bold when it makes the view's point. */
export const numClass = (hit = false): string => (hit ? 'an-num is-hit' : 'an-num');
