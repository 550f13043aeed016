import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * How long a press on one pixel waits before it draws its dashed pending outline: about a frame.
 *
 * Why wait at all: the press asks the worker for that pixel's pathways at once (press-ahead), and
 * the small model answers in 3–6 ms. If the press changes the page, Chromium draws that change
 * first: the answer's message waits for the next frame (up to a whole frame, measured 4–5 ms in
 * the median; docs/benchmarks.md, "eighth pass"). Drawn a frame later, the outline is still there
 * well inside a person's press (tens of milliseconds), and the answer is not held behind it.
 */
export const PRESS_OUTLINE_DELAY_MS = 16;

/**
 * Whether the current press's outline is drawn. `hide()` at a press starts the delay; `reveal()`
 * draws it at once (the press became a drag, whose rectangle must follow the pointer).
 */
export function usePressReveal(delayMs: number = PRESS_OUTLINE_DELAY_MS) {
  const [shown, setShown] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clear = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clear, []);
  const reveal = useCallback(() => {
    clear();
    setShown(true);
  }, []);
  const hide = useCallback(() => {
    clear();
    setShown(false);
    timer.current = setTimeout(() => {
      timer.current = null;
      setShown(true);
    }, delayMs);
  }, [delayMs]);
  return { shown, hide, reveal };
}
