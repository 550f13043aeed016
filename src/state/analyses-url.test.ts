import { describe, expect, it } from 'vitest';
import {
  ANALYSES_URL_FIELDS,
  defaultAnalysesUrlState,
  parseEpsilon,
  readAnalysesUrl,
  writeAnalysesUrl,
} from './analyses-url';

describe('analyses link fields', () => {
  it('leaves defaults out of the link and keeps other parameters', () => {
    expect(writeAnalysesUrl(defaultAnalysesUrlState(), '?model=mnist&sample=3')).toBe(
      '?model=mnist&sample=3',
    );
  });

  it('round-trips every field', () => {
    const state = {
      analysis: 'occlusion' as const,
      epsilon: 0.25,
      attackMode: 'targeted' as const,
      attackTarget: 3,
      patch: { row: 6, col: 7, size: 5 },
      shift: { dx: -4, dy: 8 },
    };
    const search = writeAnalysesUrl(state, '?model=mnist');
    expect(search).toBe(
      '?model=mnist&an=occlusion&eps=0.25&atk=targeted&tgt=3&patch=6%2C7%2C5&shift=-4%2C8',
    );
    expect(readAnalysesUrl(search)).toEqual({ state, problems: [] });
  });

  it('falls back to the default for hostile values, with one sentence each', () => {
    const { state, problems } = readAnalysesUrl(
      '?an=<script>&eps=0.9&atk=pgd&tgt=-1&patch=1,2&shift=99,0',
    );
    expect(state).toEqual(defaultAnalysesUrlState());
    expect(problems).toHaveLength(6);
    expect(problems[0]).toContain("The link's an value");
  });

  it('accepts ε in [0, 0.5] with up to three decimals', () => {
    expect(['0', '0.1', '.05', '0.125', '0.5'].map(parseEpsilon)).toEqual([
      0, 0.1, 0.05, 0.125, 0.5,
    ]);
    for (const bad of ['0.51', '1', '-0.1', '0.1234', '1e-2', 'NaN', '']) {
      expect(parseEpsilon(bad)).toBeUndefined();
    }
  });

  it('uses distinct keys that the shell table does not use', () => {
    const keys = Object.values(ANALYSES_URL_FIELDS).map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('class');
    expect(keys).not.toContain('map');
  });
});
