import { describe, expect, it } from 'vitest';
import { graphFits, layoutFits, prepareDrawing } from './prepared-drawing';
import { buildSankeyGraph } from './sankey-graph';
import { layoutSankey } from './sankey-layout';
import { DEFAULT_SANKEY_SETTINGS } from './sankey-types';
import { testDrawingInputs } from './testing/drawing-inputs';
import { syntheticPixelQuery } from './testing/synthetic-result';

const inputs = testDrawingInputs(900, 480);
const { classNames, options } = inputs;

describe('a drawing prepared ahead', () => {
  const result = syntheticPixelQuery();
  const prepared = prepareDrawing(result, inputs);

  it('is what building it anew gives', () => {
    const graph = buildSankeyGraph(result, { ...DEFAULT_SANKEY_SETTINGS, classNames });
    expect(prepared.graph).toEqual(graph);
    expect(prepared.layout).toEqual(layoutSankey(graph, { ...options, width: 900, height: 480 }));
  });

  it('is taken only for its own result, settings and class names', () => {
    expect(graphFits(prepared, result, inputs.settingsKey, classNames)).toBe(true);
    expect(graphFits(null, result, inputs.settingsKey, classNames)).toBe(false);
    // An equal answer from another query is another result.
    expect(graphFits(prepared, syntheticPixelQuery(), inputs.settingsKey, classNames)).toBe(false);
    const pruned = JSON.stringify({ ...DEFAULT_SANKEY_SETTINGS, denseTopN: 3 });
    expect(graphFits(prepared, result, pruned, classNames)).toBe(false);
    expect(graphFits(prepared, result, inputs.settingsKey, [...classNames])).toBe(false);
  });

  it('has its layout taken only at the same size and options', () => {
    const { graph } = prepared;
    expect(layoutFits(prepared, graph, 900, 480, options)).toBe(true);
    expect(layoutFits(prepared, graph, 901, 480, options)).toBe(false);
    expect(layoutFits(prepared, graph, 900, 300, options)).toBe(false);
    expect(layoutFits(prepared, graph, 900, 480, { ...options })).toBe(false);
    const other = buildSankeyGraph(result, { ...DEFAULT_SANKEY_SETTINGS, classNames });
    expect(layoutFits(prepared, other, 900, 480, options)).toBe(false);
  });
});
