/**
 * Connected pieces of an ink mask (8-connected) and their sizes, so that specks of paper texture
 * can be dropped while every stroke of the digit is kept. Pure; labels are 1-based (0 = paper).
 */

export interface Component {
  label: number;
  area: number;
  /** Bounding box, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Labelling {
  labels: Int32Array;
  components: Component[];
}

export function labelComponents(mask: Uint8Array, width: number, height: number): Labelling {
  const labels = new Int32Array(width * height);
  const components: Component[] = [];
  const stack = new Int32Array(width * height);
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    const label = components.length + 1;
    const comp: Component = { label, area: 0, r0: height, c0: width, r1: -1, c1: -1 };
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const p = stack[--top] ?? 0;
      const r = Math.floor(p / width);
      const c = p - r * width;
      comp.area++;
      if (r < comp.r0) comp.r0 = r;
      if (r > comp.r1) comp.r1 = r;
      if (c < comp.c0) comp.c0 = c;
      if (c > comp.c1) comp.c1 = c;
      for (let dr = -1; dr <= 1; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= height) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const cc = c + dc;
          if (cc < 0 || cc >= width) continue;
          const q = rr * width + cc;
          if (mask[q] && !labels[q]) {
            labels[q] = label;
            stack[top++] = q;
          }
        }
      }
    }
    components.push(comp);
  }
  return { labels, components };
}

/**
 * Mean stroke width of a mask: a stroke of length L and width w has area L·w and about 2·L edge
 * pixels (pixels with a 4-neighbour outside the mask, counted on both sides), so w ≈ 2·area/edge.
 */
export function strokeWidth(mask: Uint8Array, width: number, height: number): number {
  let area = 0;
  let edge = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const p = r * width + c;
      if (!mask[p]) continue;
      area++;
      const out =
        r === 0 ||
        c === 0 ||
        r === height - 1 ||
        c === width - 1 ||
        !mask[p - 1] ||
        !mask[p + 1] ||
        !mask[p - width] ||
        !mask[p + width];
      if (out) edge++;
    }
  }
  return edge > 0 ? (2 * area) / edge : 0;
}
