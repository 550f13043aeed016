import type { CSSProperties, ReactNode } from 'react';

interface Props {
  /** The result answers another key than what the view shows now (useAnalysisRun's `stale`). */
  stale: boolean;
  style?: CSSProperties;
  children: ReactNode;
}

/** A run's result; a stale one stays visible, dimmed, until the current one arrives. */
export function RunResult({ stale, style, children }: Props) {
  return (
    <div
      className={stale ? 'an-result is-stale' : 'an-result'}
      data-stale={stale ? 'true' : undefined}
      style={style}
    >
      {children}
    </div>
  );
}
