/** Number formatting for readouts and legends; one place so every view prints numbers alike. */

const MINUS = '\u2212'; // a real minus sign: same width as "+", read correctly by screen readers

/** Three significant digits, switching to exponent form for very small or large magnitudes. */
export function formatNumber(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  const body =
    a >= 1e-3 && a < 1e5
      ? Number(a.toPrecision(digits)).toString()
      : a.toExponential(digits - 1).replace('e+', 'e');
  return v < 0 ? `${MINUS}${body}` : body;
}

/** Like formatNumber but always with a sign, for signed flows and contributions. */
export function formatSigned(v: number, digits = 3): string {
  const s = formatNumber(v, digits);
  return v > 0 ? `+${s}` : s;
}

export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return '–';
  const pct = p * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  return `${pct >= 10 || pct === 0 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/**
 * A formatter for a column of numbers that share one scale: fixed decimals chosen so the largest
 * |value| shows `digits` significant digits, so a column reads "+0.00050 / −0.00472" rather than a
 * mix of plain and exponent forms.
 */
export function fixedFormatter(extent: number, digits = 3, signed = true): (v: number) => string {
  const magnitude = extent > 0 && Number.isFinite(extent) ? Math.floor(Math.log10(extent)) : 0;
  const decimals = Math.max(0, Math.min(8, digits - 1 - magnitude));
  return (v: number) => {
    if (!Number.isFinite(v)) return String(v);
    const body = Math.abs(v).toFixed(decimals);
    if (Number(body) === 0) return (0).toFixed(decimals);
    return v < 0 ? `${MINUS}${body}` : signed ? `+${body}` : body;
  };
}
