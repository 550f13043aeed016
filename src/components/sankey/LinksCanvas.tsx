// Canvas layer for link bands when there are too many for smooth SVG. Redraws on every scene
// change (hover restyles); hit-testing goes through linkAt() with the same context.
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { linkAt, paintLinks } from '../../render/canvas-links';
import type { SankeyScene } from '../../render/sankey-scene';

export interface LinksCanvasHandle {
  /** The link id under a point in CSS px, or null. */
  hit: (x: number, y: number) => string | null;
}

export function LinksCanvas({ scene, ref }: { scene: SankeyScene; ref?: Ref<LinksCanvasHandle> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dpr = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) paintLinks(ctx, scene.links, scene, dpr);
  }, [scene, dpr]);
  useImperativeHandle(
    ref,
    () => ({
      hit: (x, y) => {
        const ctx = canvas.current?.getContext('2d');
        return ctx ? (linkAt(ctx, scene.links, x, y, dpr)?.id ?? null) : null;
      },
    }),
    [scene, dpr],
  );
  return (
    <canvas
      ref={canvas}
      width={Math.round(scene.width * dpr)}
      height={Math.round(scene.height * dpr)}
      style={{ width: scene.width, height: scene.height }}
      aria-hidden="true"
      data-testid="sankey-links-canvas"
    />
  );
}
