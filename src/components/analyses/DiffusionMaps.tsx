// The total diffusion map of each conv and pool layer (summed over its maps), before and after the
// shift, on one colour scale per layer so that "the same map, moved" reads at a glance.
import { useMemo } from 'react';
import { divergingRgb } from '../../lib/colors';
import type { RgbaBuffer } from '../../lib/raster';
import type { MovementViewResult } from '../../worker/analysis-protocol';
import { RasterCanvas } from '../maps/RasterCanvas';
import { useSubjectWords } from '../shell/use-subject-words';

function paint(values: Float32Array, extent: number): RgbaBuffer {
  const out = new Uint8ClampedArray(values.length * 4);
  values.forEach((v, p) => {
    const [r, g, b] = divergingRgb(extent > 0 ? v / extent : 0);
    out.set([r, g, b, 255], p * 4);
  });
  return out;
}

const SIZE = 84;

export function DiffusionMaps({ maps }: { maps: MovementViewResult['maps'] }) {
  const words = useSubjectWords();
  const painted = useMemo(
    () =>
      maps.map((m) => {
        let extent = 0;
        for (const v of m.before) extent = Math.max(extent, Math.abs(v));
        for (const v of m.after) extent = Math.max(extent, Math.abs(v));
        return { ...m, a: paint(m.before, extent), b: paint(m.after, extent) };
      }),
    [maps],
  );
  return (
    <figure
      className="an-figure an-diffusion"
      aria-label="Total diffusion maps before and after the shift"
    >
      <div
        className="an-diffusion-grid"
        style={{ gridTemplateColumns: `auto repeat(${painted.length}, ${SIZE}px)` }}
      >
        <span className="an-muted">before</span>
        {painted.map((m) => (
          <RasterCanvas
            key={`a${m.layer}`}
            rgba={m.a}
            width={m.width}
            height={m.height}
            displayWidth={SIZE}
            displayHeight={(SIZE * m.height) / m.width}
          />
        ))}
        <span className="an-muted">after</span>
        {painted.map((m) => (
          <RasterCanvas
            key={`b${m.layer}`}
            rgba={m.b}
            width={m.width}
            height={m.height}
            displayWidth={SIZE}
            displayHeight={(SIZE * m.height) / m.width}
          />
        ))}
        <span />
        {painted.map((m) => (
          <span key={`n${m.layer}`} className="an-tick-label">
            {m.name}
          </span>
        ))}
      </div>
      <figcaption className="an-note">
        Σ over maps of the diffusion of every {words.pixels.replace(/s$/, '')} (blue positive,
        orange negative).
      </figcaption>
    </figure>
  );
}
