// Whether an element is on screen or close to it (IntersectionObserver, a 400 px margin). The
// feature-map strips paint their thumbnails only then: a VGG-16 has 21 strips of up to 32 canvases,
// most of them below the fold, and repainting all of them on every click kept the main thread
// busy for tens of milliseconds (docs/benchmarks.md). Without IntersectionObserver (Node tests,
// old browsers) everything counts as near, as before.
import { useLayoutEffect, useState, type RefObject } from 'react';

const MARGIN = '400px';

export function useNearViewport(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) setNear(entry.isIntersecting);
      },
      { rootMargin: MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return near;
}
