// The pixel a reader points at in an Analyses view (attack, occlusion, movement), for the one-click
// entry into the compare mode (CompareEntry.tsx). The view is a zone: the images in it report the
// pixel under the pointer, and the zone remembers the last one while the pointer stays inside it,
// so that it can travel from the image to the entry button; leaving the zone forgets it, and the
// entry falls back to the selected pixel.
import {
  createContext,
  useContext,
  useMemo,
  useState,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { cellAt } from '../../lib/patch-geometry';

export interface PointedPixel {
  row: number;
  col: number;
}

interface Zone {
  pixel: PointedPixel | null;
  point: (pixel: PointedPixel | null) => void;
}

const ZoneContext = createContext<Zone | null>(null);

/** The last pixel pointed at in the enclosing zone, or null (none, or no zone around). */
export function usePointedPixel(): PointedPixel | null {
  return useContext(ZoneContext)?.pixel ?? null;
}

/** A view's root element that remembers the pixel pointed at inside it (see the file comment). */
export function PointedPixelZone({
  className,
  children,
}: {
  className?: string;
  children: ReactNode;
}) {
  const [pixel, setPixel] = useState<PointedPixel | null>(null);
  const zone = useMemo(() => ({ pixel, point: setPixel }), [pixel]);
  return (
    <ZoneContext.Provider value={zone}>
      <div className={className} onPointerLeave={() => setPixel(null)}>
        {children}
      </div>
    </ZoneContext.Provider>
  );
}

/** Wraps an image of `width`×`height` pixels (any display size) so that pointing at it counts. */
export function PointableImage({
  width,
  height,
  children,
}: {
  width: number;
  height: number;
  children: ReactNode;
}) {
  const zone = useContext(ZoneContext);
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!zone) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const cell = cellAt(
      event.clientX - rect.left,
      event.clientY - rect.top,
      rect.width,
      rect.height,
      height,
      width,
    );
    if (zone.pixel?.row !== cell.row || zone.pixel.col !== cell.col) zone.point(cell);
  };
  return (
    // A touch has no hover: its press points too.
    <div
      className="cmp-pointable"
      onPointerMove={onPointerMove}
      onPointerDown={onPointerMove}
      data-testid="compare-pointable"
    >
      {children}
    </div>
  );
}
