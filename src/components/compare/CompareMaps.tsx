// The pinned map's diffusion D_l[:, :, k] in A, in B and B − A, side by side at one colour scale
// (blue positive, orange negative), so the change of where the pixel's signal lies can be seen.
import { useEffect, useRef } from 'react';
import { divergingRgb, maxAbs, normalizeSigned } from '../../lib/colors';
import type { PixelQueryResult } from '../../pathways/types';

export interface CompareMapsProps {
  a: PixelQueryResult;
  b: PixelQueryResult;
  diff: PixelQueryResult;
  /** Pathway layer and channel of the pinned map; null: nothing pinned. */
  map: { layer: number; channel: number } | null;
}

function channelOf(result: PixelQueryResult, layer: number, channel: number): Float32Array {
  const info = result.layers[layer];
  const d = result.diffusion[layer];
  if (!info || !d) return new Float32Array(0);
  const out = new Float32Array(info.height * info.width);
  for (let i = 0; i < out.length; i++) out[i] = d[i * info.channels + channel] ?? 0;
  return out;
}

function MapCanvas({
  values,
  size,
  extent,
  label,
}: {
  values: Float32Array;
  size: [number, number];
  extent: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const [h, w] = size;
    const image = ctx.createImageData(w, h);
    for (let i = 0; i < values.length; i++) {
      const [r, g, b] = divergingRgb(normalizeSigned(values[i] ?? 0, extent));
      image.data.set([r, g, b, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
  }, [values, size, extent]);
  return (
    <figure className="cmp-map">
      <canvas ref={ref} width={size[1]} height={size[0]} role="img" aria-label={label} />
      <figcaption>{label.split(':')[0]}</figcaption>
    </figure>
  );
}

export function CompareMaps({ a, b, diff, map }: CompareMapsProps) {
  if (!map) {
    return (
      <p className="cmp-maps-hint">
        Pin a box (click it) to see that map’s diffusion in A, in B and their difference here.
      </p>
    );
  }
  const info = a.layers[map.layer];
  if (!info || info.kind === 'logits' || !a.diffusion[map.layer]) return null;
  const va = channelOf(a, map.layer, map.channel);
  const vb = channelOf(b, map.layer, map.channel);
  const vd = channelOf(diff, map.layer, map.channel);
  const extent = Math.max(maxAbs(va), maxAbs(vb), maxAbs(vd)) || 1;
  const size: [number, number] = [info.height, info.width];
  const name = `${info.name} · map ${map.channel}`;
  return (
    <section
      className="cmp-maps"
      aria-label={`Diffusion of ${name} in A, B and B − A`}
      data-testid="compare-maps"
    >
      <h3>{name}: diffusion D in A, B and B − A</h3>
      <div className="cmp-map-row">
        <MapCanvas values={va} size={size} extent={extent} label={`A: diffusion of ${name}`} />
        <MapCanvas values={vb} size={size} extent={extent} label={`B: diffusion of ${name}`} />
        <MapCanvas
          values={vd}
          size={size}
          extent={extent}
          label={`B − A: difference of the diffusion of ${name}`}
        />
      </div>
    </section>
  );
}
