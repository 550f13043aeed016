// B − A as a PixelQueryResult, for what is drawn from a result rather than from the graph: the
// difference view's drawing (SankeyView takes a result with its graph) and the B − A feature map.
// The graph's numbers do not come from here (compare-graph.ts subtracts in float64); chains are
// left out, as the largest chains of a difference are not the difference of the largest chains.
import type { Measure, PixelQueryResult } from '../pathways/types';

function minus(b: Float32Array, a: Float32Array | undefined): Float32Array {
  const out = new Float32Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = (b[i] ?? 0) - (a?.[i] ?? 0);
  return out;
}

export function differenceResult(a: PixelQueryResult, b: PixelQueryResult): PixelQueryResult {
  const sizes = b.sizes.map((s, l) => {
    const out = {} as Record<Measure, Float32Array>;
    for (const m of Object.keys(s) as Measure[]) out[m] = minus(s[m], a.sizes[l]?.[m]);
    return out;
  });
  return {
    pixels: [...b.pixels],
    classIndex: b.classIndex,
    input: { ...b.input },
    layers: b.layers.map((l) => ({ ...l })),
    sizes,
    nodeFlow: b.nodeFlow.map((f, l) => minus(f, a.nodeFlow[l])),
    edgeFlow: b.edgeFlow.map((e, l) => minus(e, a.edgeFlow[l])),
    inputFlow: minus(b.inputFlow, a.inputFlow),
    relevance: b.relevance - a.relevance,
    diffusion: b.diffusion.map((d, l) => minus(d, a.diffusion[l])),
    chains: [],
    beamWidth: 0,
    maxConservationError: a.maxConservationError + b.maxConservationError,
  };
}
