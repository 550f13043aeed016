// Histograms of N_total for the original, deformed (attacked) and target groups on shared bins,
// drawn as outlined steps so that overlapping groups stay visible.
import type { GroupSeparation } from '../../analysis/groups';
import { GROUP_COLORS } from './palette';

const W = 420;
const H = 170;
const PAD = { left: 34, right: 10, top: 10, bottom: 30 };
const COLORS = [GROUP_COLORS.original, GROUP_COLORS.attacked, GROUP_COLORS.target];
const DASH = ['', '6 3', '2 2'];

export function GroupHistogram({ data, title }: { data: GroupSeparation; title: string }) {
  const { edges, counts } = data.histogram;
  const lo = edges[0] ?? 0;
  const hi = edges[edges.length - 1] ?? 1;
  const max = Math.max(1, ...counts.flat());
  const x = (v: number) => PAD.left + ((v - lo) / (hi - lo || 1)) * (W - PAD.left - PAD.right);
  const y = (c: number) => H - PAD.bottom - (c / max) * (H - PAD.top - PAD.bottom);
  const step = (row: number[]) =>
    row
      .map((c, b) => `${b === 0 ? 'M' : 'L'}${x(edges[b]!)},${y(c)}H${x(edges[b + 1]!)}`)
      .join('') + `V${y(0)}H${x(lo)}Z`;
  return (
    <figure className="an-figure">
      <figcaption className="an-h3">{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="an-hist"
        role="img"
        aria-label={`${title}: histograms of N_total per group`}
      >
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="an-baseline" />
        {counts.map((row, g) => (
          <path
            key={g}
            d={step(row)}
            fill={COLORS[g]}
            fillOpacity={0.12}
            stroke={COLORS[g]}
            strokeWidth={1.6}
            strokeDasharray={DASH[g]}
          />
        ))}
        <text x={PAD.left} y={H - 8} className="an-axis-start">
          {Math.round(lo).toLocaleString('en')}
        </text>
        <text x={W - PAD.right} y={H - 8} className="an-axis-end">
          {Math.round(hi).toLocaleString('en')}
        </text>
        <text x={(W + PAD.left) / 2} y={H - 8} className="an-axis">
          N_total
        </text>
        <text x={PAD.left - 4} y={PAD.top + 8} className="an-axis-end">
          {max}
        </text>
      </svg>
    </figure>
  );
}
