// Per-map pathway sizes of one layer for the original, attacked and natural target-class images,
// each as a share of its own layer total (attacked images have many more ink pixels, so raw sizes
// are not comparable). The maps whose share the attack changed most are highlighted.
import { useMemo } from 'react';
import { GROUP_COLORS } from './palette';

interface Props {
  layerName: string;
  original: Float32Array;
  attacked: Float32Array;
  natural: Float32Array;
  /** How many most-changed maps to highlight. */
  highlight: number;
}

function shares(v: Float32Array): number[] {
  let sum = 0;
  for (const x of v) sum += Math.abs(x);
  return Array.from(v, (x) => (sum > 0 ? x / sum : 0));
}

const H = 150;
const TOP = 10;
const BASE = H - 20;

/** The `n` maps with the largest |attacked − original| share, largest first. */
export function mostChanged(original: number[], attacked: number[], n: number): number[] {
  return original
    .map((o, k) => ({ k, d: Math.abs((attacked[k] ?? 0) - o) }))
    .sort((a, b) => b.d - a.d || a.k - b.k)
    .slice(0, n)
    .map((e) => e.k);
}

export function MapSizeBars({ layerName, original, attacked, natural, highlight }: Props) {
  const data = useMemo(() => {
    const o = shares(original);
    const a = shares(attacked);
    const t = shares(natural);
    const max = Math.max(1e-9, ...o, ...a, ...t);
    return { o, a, t, max, changed: new Set(mostChanged(o, a, highlight)) };
  }, [original, attacked, natural, highlight]);
  const C = data.o.length;
  const group = C > 24 ? 12 : 24;
  const W = Math.max(420, C * group + 40);
  const bar = (group - 4) / 3;
  const y = (v: number) => BASE - (Math.max(0, v) / data.max) * (BASE - TOP);
  const series = [
    { values: data.o, color: GROUP_COLORS.original },
    { values: data.a, color: GROUP_COLORS.attacked },
    { values: data.t, color: GROUP_COLORS.target },
  ];
  const labelEvery = C > 24 ? 4 : 1;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="an-mapbars"
      role="img"
      aria-label={`${layerName}: share of each map in the pathway size; most changed by the attack: ${[...data.changed].join(', ')}`}
    >
      <line x1={30} x2={W - 6} y1={BASE} y2={BASE} className="an-baseline" />
      {data.o.map((_, k) => {
        const x = 34 + k * group;
        const hit = data.changed.has(k);
        return (
          <g key={k}>
            {hit && (
              <rect
                x={x - 2}
                y={TOP - 8}
                width={group}
                height={BASE - TOP + 26}
                className="an-hit-bg"
              />
            )}
            {series.map((s, i) => (
              <rect
                key={i}
                x={x + i * bar}
                y={y(s.values[k] ?? 0)}
                width={Math.max(1, bar - 0.5)}
                height={BASE - y(s.values[k] ?? 0)}
                fill={s.color}
              />
            ))}
            {(hit || k % labelEvery === 0) && (
              <text
                x={x + group / 2 - 2}
                y={BASE + 13}
                className={hit ? 'an-tick is-hit' : 'an-tick'}
              >
                {k}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
