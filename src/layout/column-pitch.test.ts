import { describe, expect, it } from 'vitest';
import { FIT_COLUMNS, MIN_COLUMN_PITCH, minPlotWidth, scrollToShow } from './column-pitch';

describe('minPlotWidth', () => {
  const margin = { left: 104, right: 128 };
  it('leaves the small model (7 columns) to fit its frame, even a 600 px embed', () => {
    expect(minPlotWidth(7, margin, 12)).toBe(0);
    expect(minPlotWidth(FIT_COLUMNS, margin, 12)).toBe(0);
  });
  it('gives every gap of a 17-column VGG-16 Sankey at least the pitch', () => {
    const w = minPlotWidth(17, margin, 12);
    expect((w - margin.left - margin.right - 12) / 16).toBeGreaterThanOrEqual(MIN_COLUMN_PITCH);
  });
  it('needs no width for one column', () => {
    expect(minPlotWidth(1, margin, 12)).toBe(0);
  });
  it('grows with the pitch (lecture type)', () => {
    expect(minPlotWidth(17, margin, 12, 101)).toBeGreaterThan(minPlotWidth(17, margin, 12));
  });
});

describe('scrollToShow', () => {
  it('leaves a column in view where it is', () => {
    expect(scrollToShow(500, 300, 600, 80)).toBe(300);
  });
  it('scrolls a column right of the view in, with the lead before it', () => {
    expect(scrollToShow(1200, 0, 600, 80)).toBe(1200 - 600 + 160);
  });
  it('scrolls back for a column left of the view, never below 0', () => {
    expect(scrollToShow(100, 800, 600, 80)).toBe(0);
  });
});
