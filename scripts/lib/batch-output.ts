// Writes batch rows (batch-rows.ts) as CSV (RFC 4180: a header line, fields quoted when they hold
// a comma, a quote or a line break) or as JSON lines (one object per line, the same keys). Rows go
// out as they are made, so a long batch can be followed and a failure late in it loses nothing.
import { BATCH_COLUMNS, type BatchRow, type TopMaps } from './batch-rows';
import type { BatchFormat } from './pathways-args';

/** CSV's compact top maps: "conv1:3/0/5 pool1:3/0/5 …" (layer, then its maps, largest first). */
export function topMapsText(top: TopMaps): string {
  return top.map((t) => `${t.layer}:${t.maps.join('/')}`).join(' ');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

function csvValue(row: BatchRow, column: keyof BatchRow): string {
  const value = row[column];
  if (value === null) return '';
  if (column === 'top_maps') return topMapsText(value as TopMaps);
  if (column === 'warnings') return (value as string[]).join(' | ');
  return String(value);
}

export function csvHeader(): string {
  return BATCH_COLUMNS.join(',');
}

export function csvLine(row: BatchRow): string {
  return BATCH_COLUMNS.map((c) => csvField(csvValue(row, c))).join(',');
}

export function jsonLine(row: BatchRow): string {
  const ordered: Record<string, unknown> = {};
  for (const c of BATCH_COLUMNS) ordered[c] = row[c];
  return JSON.stringify(ordered);
}

export interface RowWriter {
  write(row: BatchRow): void;
  /** Rows written so far, and how many of them are error rows. */
  readonly counts: { rows: number; errors: number };
}

/** A writer that hands each line (with its "\n") to `sink`; CSV starts with its header. */
export function rowWriter(format: BatchFormat, sink: (text: string) => void): RowWriter {
  const counts = { rows: 0, errors: 0 };
  if (format === 'csv') sink(`${csvHeader()}\n`);
  return {
    counts,
    write(row) {
      sink(`${format === 'csv' ? csvLine(row) : jsonLine(row)}\n`);
      counts.rows++;
      if (row.error !== null) counts.errors++;
    },
  };
}
