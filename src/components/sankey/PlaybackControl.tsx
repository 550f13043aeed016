// Reveals the pathway column by column, for teaching. Step with ←/→ (or a presenter remote's
// PageUp/PageDown), Home/End for first/all. Under prefers-reduced-motion the fades are off (CSS)
// and playback waits longer between steps.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useReducedMotion } from './use-reduced-motion';

export interface PlaybackControlProps {
  /** Column labels, left to right. */
  steps: readonly string[];
  /** Columns revealed, 1…steps.length. */
  value: number;
  onChange: (value: number) => void;
  intervalMs?: number;
}

export function PlaybackControl({
  steps,
  value,
  onChange,
  intervalMs = 900,
}: PlaybackControlProps) {
  const [playing, setPlaying] = useState(false);
  const reduced = useReducedMotion();
  const n = steps.length;
  const current = Math.min(Math.max(1, value), Math.max(1, n));

  useEffect(() => {
    if (!playing) return;
    if (current >= n) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => onChange(current + 1), reduced ? intervalMs * 2 : intervalMs);
    return () => clearTimeout(timer);
  }, [playing, current, n, onChange, intervalMs, reduced]);

  const go = (v: number) => {
    setPlaying(false);
    onChange(Math.min(n, Math.max(1, v)));
  };
  const togglePlay = () => {
    if (playing) return setPlaying(false);
    if (current >= n) onChange(1);
    setPlaying(true);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      PageDown: current + 1,
      ArrowLeft: current - 1,
      PageUp: current - 1,
      Home: 1,
      End: n,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    go(target);
  };

  return (
    <div
      className="pl-playback"
      role="group"
      aria-label="Reveal the pathway layer by layer"
      data-testid="sankey-playback"
      onKeyDown={onKeyDown}
    >
      {/* aria-disabled rather than disabled: a disabled button drops keyboard focus, and with it
          the arrow keys of a lecturer stepping through the layers. */}
      <button
        type="button"
        onClick={() => go(current - 1)}
        aria-disabled={current <= 1}
        aria-label="Previous layer"
      >
        ◀
      </button>
      <button type="button" onClick={togglePlay} aria-pressed={playing}>
        {playing ? 'Pause' : current >= n ? 'Replay' : 'Play'}
      </button>
      <button
        type="button"
        onClick={() => go(current + 1)}
        aria-disabled={current >= n}
        aria-label="Next layer"
      >
        ▶
      </button>{' '}
      <span aria-live="polite">
        {current >= n ? 'all layers' : `up to ${steps[current - 1] ?? ''} (${current} of ${n})`}
      </span>
    </div>
  );
}
