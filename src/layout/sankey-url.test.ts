import { describe, expect, it } from 'vitest';
import { buildSankeyGraph } from './sankey-graph';
import { isModelItemId, isSankeyItemId, SANKEY_URL_FIELDS } from './sankey-url';
import { syntheticPixelQuery } from './testing/synthetic-result';

describe('SANKEY_URL_FIELDS', () => {
  it('round-trips non-default values and leaves defaults out of the link', () => {
    const cases: Array<[keyof typeof SANKEY_URL_FIELDS, unknown]> = [
      ['targetClass', 7],
      ['prune', { mode: 'threshold', share: 0.02 }],
      ['poolMode', 'show'],
      ['denseTopN', 12],
      ['rankBy', 'l1'],
      ['pinned', 'conv2_1:3'],
      ['reveal', 3],
    ];
    for (const [name, value] of cases) {
      const field = SANKEY_URL_FIELDS[name] as {
        parse(t: string): unknown;
        serialize(v: unknown): string | null;
        defaultValue: unknown;
      };
      const text = field.serialize(value);
      expect(text).not.toBeNull();
      expect(field.parse(text!)).toEqual(value);
      expect(field.serialize(field.defaultValue)).toBeNull();
    }
  });

  it('rejects hostile or malformed text', () => {
    expect(SANKEY_URL_FIELDS.targetClass.parse('-1')).toBeUndefined();
    expect(SANKEY_URL_FIELDS.prune.parse('top8;drop')).toBeUndefined();
    expect(SANKEY_URL_FIELDS.poolMode.parse('SHOW')).toBeUndefined();
    expect(SANKEY_URL_FIELDS.denseTopN.parse('0')).toBeUndefined();
    expect(SANKEY_URL_FIELDS.rankBy.parse('__proto__')).toBeUndefined();
    expect(SANKEY_URL_FIELDS.pinned.parse('<script>:1')).toBeUndefined();
    expect(SANKEY_URL_FIELDS.reveal.parse('1e3')).toBeUndefined();
  });

  it('accepts every node and link id the graph produces', () => {
    const graph = buildSankeyGraph(syntheticPixelQuery({ inputChannels: 3 }));
    for (const n of graph.nodes) expect(isSankeyItemId(n.id)).toBe(true);
    for (const l of graph.links) expect(isSankeyItemId(l.id)).toBe(true);
  });

  it("finds every id of the model's graph in the model, whether pools are merged or shown", () => {
    const result = syntheticPixelQuery({ inputChannels: 3 });
    const facts = { input: result.input, classCount: 10, layers: result.layers };
    for (const poolMode of ['merge', 'show'] as const) {
      const graph = buildSankeyGraph(result, { poolMode });
      for (const item of [...graph.nodes, ...graph.links]) {
        expect(isModelItemId(item.id, facts)).toBe(true);
      }
    }
    expect(isModelItemId('conv9_9:1', facts)).toBe(false);
    expect(isModelItemId('conv1_1:1', { input: result.input })).toBeUndefined();
  });
});
