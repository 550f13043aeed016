// The 2-D PCA projection of portion-hot codes. Each point is drawn as its class index in the
// class's colour: the glyph carries the class, so the chart reads without telling colours apart.
import { useMemo } from 'react';
import { CLASS_COLORS } from './palette';

interface Props {
  points: Array<[number, number]>;
  labels: number[];
  explained: number[];
  classNames: readonly string[];
}

const W = 360;
const H = 300;
const PAD = 22;
/** Beyond this many classes the legend would be a wall: it says how to read the glyphs instead. */
const MAX_LEGEND = 20;

export function PcaScatter({ points, labels, explained, classNames }: Props) {
  const scaled = useMemo(() => {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    const sx = (v: number) => PAD + ((v - x0) / (x1 - x0 || 1)) * (W - 2 * PAD);
    const sy = (v: number) => H - PAD - ((v - y0) / (y1 - y0 || 1)) * (H - 2 * PAD);
    return points.map(([x, y]) => [sx(x), sy(y)] as const);
  }, [points]);
  // The legend names the classes that have points (a model may have many more).
  const present = useMemo(() => [...new Set(labels)].sort((a, b) => a - b), [labels]);
  return (
    <figure className="an-figure">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="an-scatter"
        role="img"
        aria-label={`Portion-hot codes of ${points.length} images projected on two principal components`}
      >
        <rect x={0.5} y={0.5} width={W - 1} height={H - 1} className="an-frame" />
        {scaled.map(([x, y], i) => (
          <text
            key={i}
            x={x}
            y={y}
            className="an-glyph"
            fill={CLASS_COLORS[(labels[i] ?? 0) % CLASS_COLORS.length]}
          >
            {labels[i] ?? 0}
          </text>
        ))}
        <text x={W / 2} y={H - 6} className="an-axis">
          PC 1 ({Math.round((explained[0] ?? 0) * 100)}% of variance)
        </text>
        <text x={10} y={H / 2} className="an-axis" transform={`rotate(-90 10 ${H / 2})`}>
          PC 2 ({Math.round((explained[1] ?? 0) * 100)}%)
        </text>
      </svg>
      <figcaption className="an-legend">
        {present.length > MAX_LEGEND ? (
          <span className="an-muted">
            Each point is drawn as its class number ({present.length} classes; colours repeat).
          </span>
        ) : (
          present.map((c) => {
            const name = classNames[c] ?? String(c);
            return (
              <span key={c} style={{ color: CLASS_COLORS[c % CLASS_COLORS.length] }}>
                {name === String(c) ? name : `${c} ${name}`}
              </span>
            );
          })
        )}
      </figcaption>
    </figure>
  );
}
