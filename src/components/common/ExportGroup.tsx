// The SVG / PNG / JSON export buttons of a figure, and the message when an export fails: one
// control for the Sankey (sankey/ExportButtons.tsx) and the comparison (compare/CompareExport.tsx),
// which only say how each kind of file is made.
import { useState } from 'react';

export type ExportKind = 'svg' | 'png' | 'json';

export interface ExportGroupProps {
  /** Accessible name of the group, e.g. "Export the Sankey". */
  label: string;
  testId: string;
  disabled: boolean;
  /** Makes and downloads the file; a thrown error is shown beside the buttons. */
  onExport: (kind: ExportKind) => Promise<void> | void;
}

export function ExportGroup({ label, testId, disabled, onExport }: ExportGroupProps) {
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: ExportKind) => {
    setError(null);
    try {
      await onExport(kind);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <span className="pl-export" role="group" aria-label={label} data-testid={testId}>
      Export{' '}
      {(['svg', 'png', 'json'] as const).map((kind) => (
        <button key={kind} type="button" disabled={disabled} onClick={() => void run(kind)}>
          {kind.toUpperCase()}
        </button>
      ))}
      {error && <span role="alert"> Export failed: {error}</span>}
    </span>
  );
}
