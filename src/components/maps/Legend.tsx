import { useId } from 'react';
import { divergingHex, greyRgb, rgbToHex } from '../../lib/colors';
import { formatNumber } from '../../lib/format';

interface DivergingLegendProps {
  /** The value drawn in full colour at each end (the scale is symmetric). */
  extent: number;
  /** What the colours measure, with units. */
  title: string;
  /** True when values beyond ±extent exist and are clamped (robust scaling). */
  clamped?: boolean;
  positiveLabel?: string;
  negativeLabel?: string;
  width?: number;
}

const STOPS = 11;

/** A symmetric colour bar with −extent, 0, +extent marked, and plain words for the two sides. */
export function DivergingLegend(props: DivergingLegendProps) {
  const { extent, title, clamped = false, width = 220 } = props;
  const positiveLabel = props.positiveLabel ?? 'positive';
  const negativeLabel = props.negativeLabel ?? 'negative';
  const gradientId = useId();
  const hasRange = extent > 0;
  return (
    <figure className="pl-legend" aria-label={`Colour legend: ${title}`}>
      <figcaption className="pl-legend-title">{title}</figcaption>
      <svg width={width} height={14} role="presentation" className="pl-legend-bar">
        <defs>
          <linearGradient id={gradientId}>
            {Array.from({ length: STOPS }, (_, i) => {
              const t = (i / (STOPS - 1)) * 2 - 1;
              return (
                <stop key={i} offset={`${(i / (STOPS - 1)) * 100}%`} stopColor={divergingHex(t)} />
              );
            })}
          </linearGradient>
        </defs>
        <rect
          x={0.5}
          y={0.5}
          width={width - 1}
          height={13}
          rx={2}
          fill={`url(#${gradientId})`}
          stroke="#8c959f"
        />
        <line x1={width / 2} x2={width / 2} y1={0} y2={14} stroke="#57606a" />
      </svg>
      <div className="pl-legend-ticks" style={{ width }}>
        <span>{hasRange ? `${clamped ? '≤ ' : ''}${formatNumber(-extent)}` : '–'}</span>
        <span>0</span>
        <span>{hasRange ? `${clamped ? '≥ ' : ''}${formatNumber(extent)}` : '–'}</span>
      </div>
      <div className="pl-legend-ticks pl-legend-words" style={{ width }}>
        <span>◀ {negativeLabel}</span>
        <span>{positiveLabel} ▶</span>
      </div>
    </figure>
  );
}

interface GreyLegendProps {
  max: number;
  title: string;
  width?: number;
  darkest?: number;
}

/** The grey context ramp (activation or ink), 0 to max. */
export function GreyLegend({ max, title, width = 120, darkest = 0.55 }: GreyLegendProps) {
  const gradientId = useId();
  return (
    <figure className="pl-legend" aria-label={`Grey legend: ${title}`}>
      <figcaption className="pl-legend-title">{title}</figcaption>
      <svg width={width} height={14} role="presentation" className="pl-legend-bar">
        <defs>
          <linearGradient id={gradientId}>
            <stop offset="0%" stopColor={rgbToHex(greyRgb(0, darkest))} />
            <stop offset="100%" stopColor={rgbToHex(greyRgb(1, darkest))} />
          </linearGradient>
        </defs>
        <rect
          x={0.5}
          y={0.5}
          width={width - 1}
          height={13}
          rx={2}
          fill={`url(#${gradientId})`}
          stroke="#8c959f"
        />
      </svg>
      <div className="pl-legend-ticks" style={{ width }}>
        <span>0</span>
        <span>{max > 0 ? formatNumber(max) : '–'}</span>
      </div>
    </figure>
  );
}
