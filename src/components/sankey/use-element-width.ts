// Width of an element, following resizes; the Sankey lays out to its container.
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface ElementWidth {
  width: number;
  /**
   * False in the render before the element's first measurement (the fallback width). The
   * measurement comes in a layout effect, before the page is painted, and renders again: a layout
   * made at the fallback would be thrown away unseen, so the callers wait for it (at startup that
   * was a whole second Sankey, docs/benchmarks.md, "Speed, seventh pass").
   */
  measured: boolean;
}

export function useElementWidth(
  ref: RefObject<HTMLElement | null>,
  fallback: number,
): ElementWidth {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) {
      setWidth(fallback);
      return;
    }
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      // An element without a box (hidden, or no layout engine: the unit tests) keeps the fallback.
      setWidth((previous) => (w > 0 ? w : (previous ?? fallback)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return { width: width ?? fallback, measured: width !== null };
}
