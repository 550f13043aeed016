import { describe, expect, it } from 'vitest';
import { fixedFormatter, formatNumber, formatPercent, formatSigned } from './format';

describe('format', () => {
  it('prints three significant digits with a real minus sign', () => {
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(-2.5)).toBe('\u22122.5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
  });

  it('signs signed values', () => {
    expect(formatSigned(0.5)).toBe('+0.5');
    expect(formatSigned(-0.5)).toBe('\u22120.5');
    expect(formatSigned(0)).toBe('0');
  });

  it('prints percentages', () => {
    expect(formatPercent(0.9731)).toBe('97%');
    expect(formatPercent(0.0123)).toBe('1.2%');
    expect(formatPercent(0.00001)).toBe('<0.1%');
    expect(formatPercent(0)).toBe('0%');
  });
});

describe('fixedFormatter', () => {
  it('prints a column with one number of decimals set by its largest value', () => {
    const f = fixedFormatter(0.00644);
    expect(f(0.0005)).toBe('+0.00050');
    expect(f(-0.00644)).toBe('\u22120.00644');
    expect(f(0.0000001)).toBe('0.00000');
    expect(fixedFormatter(12.3)(4)).toBe('+4.0');
    expect(fixedFormatter(0)(0)).toBe('0.00');
  });
});
