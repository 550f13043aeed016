// How the Sankey is sized in each view. The full page lays it out 500 px tall with the
// stylesheet's type; lecture mode and embedded views fit it to the window instead: lecture with
// 16 px bold labels for the back of a room, the embed with 11 px labels so that the whole
// pathway, pixel to class, fits a 600×400 iframe (the layout fits the text: layout `fit`).
import { useEffect, useMemo, useState } from 'react';
import { fittedLayoutOptions, type SankeyLayoutOptions } from '../../layout/sankey-layout';
import { useAppState } from '../../state/store';

export type SankeyViewKind = 'normal' | 'lecture' | 'embed';

export interface SankeyFit {
  /** Height the Sankey is laid out at; its width follows its panel. */
  height: number;
  /** Layout options beyond the size (type and spacing). */
  options: Partial<SankeyLayoutOptions>;
}

/** The full page's Sankey height (px). */
const PAGE_SANKEY_HEIGHT = 500;
/** Label sizes (px): lecture mode's, readable across a room; the embed's, never smaller. */
const LECTURE_LABEL_PX = 16;
const PAGE_LABEL_PX = 12;
const EMBED_LABEL_PX = 11;
/** What else takes height around the Sankey in a 720 px lecture screen / a 400 px iframe. */
const LECTURE_CHROME = 262;
const EMBED_CHROME = 122;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

const PAGE_FIT: SankeyFit = { height: PAGE_SANKEY_HEIGHT, options: {} };
/**
 * A deep network's page (VGG-16: 17 to 22 columns): the stylesheet's 12 px, but fitted like the
 * lecture and embed views, so that a label wider than the gap to the next column is shortened,
 * broken or hidden (it stays in the tooltip) rather than drawn over its neighbour.
 */
const PAGE_DEEP_FIT: SankeyFit = {
  height: PAGE_SANKEY_HEIGHT,
  options: fittedLayoutOptions(PAGE_LABEL_PX),
};
/** More pathway layers than this make a network "deep" for the page's layout. */
export const DEEP_LAYER_COUNT = 9;
const LECTURE_OPTIONS = fittedLayoutOptions(LECTURE_LABEL_PX, { labelBold: true });
const EMBED_OPTIONS = fittedLayoutOptions(EMBED_LABEL_PX);

function sankeyFit(view: SankeyViewKind, windowHeight: number, deep: boolean): SankeyFit {
  if (view === 'lecture')
    return { height: clamp(windowHeight - LECTURE_CHROME, 380, 640), options: LECTURE_OPTIONS };
  if (view === 'embed')
    return { height: clamp(windowHeight - EMBED_CHROME, 220, 520), options: EMBED_OPTIONS };
  return deep ? PAGE_DEEP_FIT : PAGE_FIT;
}

function useWindowHeight(active: boolean): number {
  const [height, setHeight] = useState(() => (typeof window === 'undefined' ? 720 : innerHeight));
  useEffect(() => {
    if (!active) return;
    const update = () => setHeight(innerHeight);
    update();
    addEventListener('resize', update);
    return () => removeEventListener('resize', update);
  }, [active]);
  return height;
}

/**
 * The fit of the view on screen (PathwayView lays the Sankey out with it); `layerCount`, the
 * shown result's pathway layers, picks the deep network's page layout.
 */
export function useSankeyFit(layerCount = 0): SankeyFit {
  const deep = layerCount > DEEP_LAYER_COUNT;
  const view = useAppState((s) =>
    s.presentation.embed ? 'embed' : s.presentation.mode === 'lecture' ? 'lecture' : 'normal',
  );
  const height = useWindowHeight(view !== 'normal');
  return useMemo(() => sankeyFit(view, height, deep), [view, height, deep]);
}
