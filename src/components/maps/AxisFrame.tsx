import type { ReactNode } from 'react';

interface AxisFrameProps {
  /** Grid size in cells. */
  rows: number;
  cols: number;
  /** CSS size of the plotted area. */
  displayWidth: number;
  displayHeight: number;
  children: ReactNode;
}

/** Steps for grids larger than MNIST's 28: powers of two, the sizes CNN inputs and maps have. */
const LARGE_STEPS: readonly number[] = [8, 16, 32, 64];
const LARGEST_STEP = 64;
/** A large grid gets at most this many steps, so three-digit labels never crowd each other. */
const MAX_LARGE_STEPS = 5;

function tickStep(count: number): number {
  if (count <= 28) return count > 20 ? 7 : count > 10 ? 5 : count > 4 ? 2 : 1;
  return LARGE_STEPS.find((s) => count / s <= MAX_LARGE_STEPS) ?? LARGEST_STEP;
}

/** Tick positions: 0, every `step`, and the last index, without two labels crowding each other. */
export function axisTicks(count: number): number[] {
  if (count <= 1) return [0];
  const step = tickStep(count);
  const ticks: number[] = [];
  for (let i = 0; i < count; i += step) ticks.push(i);
  const last = count - 1;
  if (ticks[ticks.length - 1] !== last) {
    if (last - (ticks[ticks.length - 1] ?? 0) < step / 2) ticks.pop();
    ticks.push(last);
  }
  return ticks;
}

/**
 * Column numbers above and row numbers to the left of a cell grid, so a reader can name a cell
 * ("row 12, col 7") the same way the readouts and the link do. Labels mark cell centres.
 */
export function AxisFrame(props: AxisFrameProps) {
  const { rows, cols, displayWidth, displayHeight, children } = props;
  const cw = displayWidth / cols;
  const ch = displayHeight / rows;
  return (
    <div className="pl-axis-frame" style={{ gridTemplateColumns: `auto ${displayWidth}px` }}>
      <span aria-hidden="true" />
      <div className="pl-axis-top" aria-hidden="true" style={{ width: displayWidth }}>
        {axisTicks(cols).map((c) => (
          <span key={c} style={{ left: (c + 0.5) * cw }}>
            {c}
          </span>
        ))}
      </div>
      <div className="pl-axis-left" aria-hidden="true" style={{ height: displayHeight }}>
        {axisTicks(rows).map((r) => (
          <span key={r} style={{ top: (r + 0.5) * ch }}>
            {r}
          </span>
        ))}
      </div>
      <div className="pl-axis-plot">{children}</div>
    </div>
  );
}
