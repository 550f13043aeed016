import { describe, expect, it } from 'vitest';
import type { SankeyType } from '../../layout/sankey-layout';
import type { SceneHeader, SceneNode } from '../../render/sankey-scene';
import { endExtent } from './SankeyEnds';

const type = { label: 12, header: 13, note: 11 } as SankeyType;
const node = (x: number): SceneNode =>
  ({
    x,
    width: 12,
    label: { x: x - 4, y: 100, anchor: 'end', lines: ['px'], visible: true },
  }) as unknown as SceneNode;
const header = (x: number, text: string, note: string): SceneHeader =>
  ({ x, lines: [{ text, y: 16 }], note, noteY: 30 }) as SceneHeader;

describe("a pinned end's extent", () => {
  it('is as wide as its header and note, not only its boxes and labels', () => {
    const boxes = endExtent([node(300)], null, type, 'end');
    const withHeader = endExtent([node(300)], header(306, 'class', 'logit 7'), type, 'end');
    // "logit 7" at 11 px is about 48 px wide, centred on the column: past the box on both sides.
    expect(withHeader.x0).toBeLessThan(306 - 20);
    expect(withHeader.x1).toBeGreaterThan(306 + 20);
    expect(withHeader.x1).toBeGreaterThan(boxes.x1);
  });

  it('never starts left of the plot at the start', () => {
    const start = endExtent([node(4)], header(10, 'a long header', ''), type, 'start');
    expect(start.x0).toBe(0);
  });
});
