// The canvas and SVG draw one band outline: traceRibbon's canvas commands are ribbonPath's SVG
// commands (to its 0.01 px rounding), and paintLinks fills each visible band, overlays last.
import { describe, expect, it } from 'vitest';
import { paintLinks } from './canvas-links';
import { ribbonOf, ribbonPath, traceRibbon } from './link-path';
import type { SceneLink } from './sankey-scene';

/** Records a canvas path as SVG-like commands with their numbers. */
function recorder() {
  const calls: Array<[string, ...number[]]> = [];
  const sink = {
    moveTo: (...a: number[]) => calls.push(['M', ...a]),
    bezierCurveTo: (...a: number[]) => calls.push(['C', ...a]),
    lineTo: (...a: number[]) => calls.push(['L', ...a]),
    closePath: () => calls.push(['Z']),
  };
  return { calls, sink };
}

/** An SVG path string as commands with their numbers. */
function parsePath(d: string): Array<[string, ...number[]]> {
  return [...d.matchAll(/([MCLZ])([^MCLZ]*)/g)].map(([, cmd, args]) => [
    cmd!,
    ...(args!.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number),
  ]);
}

describe('traceRibbon', () => {
  const links = [
    { x0: 10.123, x1: 250.987, y0: 40.456, y1: 300.111, width: 17.5 },
    { x0: 0, x1: 80, y0: 100, y1: 20, width: 0.1 }, // thinner than the minimum band
  ];
  for (const [i, link] of links.entries()) {
    it(`traces ribbonPath's outline (band ${i})`, () => {
      const { calls, sink } = recorder();
      traceRibbon(sink, ribbonOf(link));
      const svg = parsePath(ribbonPath(link));
      expect(calls.map((c) => c[0])).toEqual(svg.map((c) => c[0]));
      calls.forEach((c, k) =>
        c.slice(1).forEach((v, j) => expect(v).toBeCloseTo(svg[k]![j + 1] as number, 2)),
      );
    });
  }

  it('keeps an overlay at its own thickness (no minimum band)', () => {
    expect(ribbonOf({ x0: 0, x1: 1, y0: 0, y1: 0, width: 0.2 }, 0).h).toBeCloseTo(0.1, 12);
    expect(ribbonOf({ x0: 0, x1: 1, y0: 0, y1: 0, width: 0.2 }).h).toBeCloseTo(0.375, 12);
  });
});

describe('paintLinks', () => {
  const band = (id: string, visible: boolean, overlay: boolean): SceneLink => {
    const geometry = { x0: 0, x1: 100, y0: 10, y1: 50, width: 4 };
    return {
      id,
      source: 'a',
      target: 'b',
      flow: 1,
      d: ribbonPath(geometry),
      ribbon: ribbonOf(geometry),
      fill: `fill-${id}`,
      opacity: 0.5,
      visible,
      overlay: overlay
        ? { d: '', ribbon: ribbonOf({ ...geometry, width: 1 }, 0), fill: `over-${id}`, opacity: 1 }
        : null,
      box: [0, 0, 100, 60],
    };
  };

  it('fills each visible band once, then the overlays on top', () => {
    const fills: string[] = [];
    let fillStyle = '';
    const { sink } = recorder();
    const ctx = {
      ...sink,
      setTransform: () => {},
      clearRect: () => {},
      beginPath: () => {},
      fill: () => fills.push(fillStyle),
      globalAlpha: 1,
      set fillStyle(v: string) {
        fillStyle = v;
      },
      get fillStyle() {
        return fillStyle;
      },
    } as unknown as CanvasRenderingContext2D;
    paintLinks(
      ctx,
      [band('1', true, true), band('2', false, true), band('3', true, false)],
      {
        width: 100,
        height: 60,
      },
      2,
    );
    expect(fills).toEqual(['fill-1', 'fill-3', 'over-1']);
  });
});
