/** 0.9876 → "98.8 %" (with a narrow no-break space, so the sign never wraps away). */
export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)}\u202f%`;
}
