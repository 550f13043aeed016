import { describe, expect, it } from 'vitest';
import { ANALYSES_URL_FIELDS, defaultAnalysesUrlState, parseEpsilon } from './analyses-url';
import { defaultUrlState, parseUrlState, pickFields, serializeUrlState } from './url';

const analysesOf = (search: string) => {
  const { state, problems } = parseUrlState(search);
  return { state: pickFields(state, ANALYSES_URL_FIELDS), problems: problems.map((p) => p.text) };
};

describe('analyses link fields (a group of the one URL table)', () => {
  it('leaves defaults out of the link and keeps other parameters', () => {
    expect(serializeUrlState(defaultUrlState(), '?model=mnist&sample=3&other=1')).toBe(
      '?model=mnist&other=1',
    );
    expect(defaultAnalysesUrlState()).toEqual(pickFields(defaultUrlState(), ANALYSES_URL_FIELDS));
  });

  it('opens the attack that works on the landing image: targeted, ε = 0.15', () => {
    // Measured on the shipped models (docs/analyses.md, "Defaults"): FGSM has a zero gradient on
    // the landing 7, the targeted attack reaches its runner-up class within ε = 0.15.
    expect(defaultAnalysesUrlState()).toMatchObject({ attackMode: 'targeted', epsilon: 0.15 });
    expect(serializeUrlState({ ...defaultUrlState(), attackMode: 'targeted', epsilon: 0.15 })).toBe(
      '?model=mnist',
    );
    expect(analysesOf('?atk=fgsm&eps=0.1').state).toMatchObject({
      attackMode: 'fgsm',
      epsilon: 0.1,
    });
  });

  it('round-trips every field', () => {
    const analyses = {
      analysis: 'occlusion' as const,
      epsilon: 0.25,
      attackMode: 'fgsm' as const,
      attackTarget: 3,
      patch: { row: 6, col: 7, size: 5 },
      shift: { dx: -4, dy: 8 },
    };
    const search = serializeUrlState({ ...defaultUrlState(), ...analyses });
    expect(search).toBe(
      '?model=mnist&an=occlusion&eps=0.25&atk=fgsm&tgt=3&patch=6%2C7%2C5&shift=-4%2C8',
    );
    expect(analysesOf(search)).toEqual({ state: analyses, problems: [] });
  });

  it('falls back to the default for hostile values, with one sentence each', () => {
    const { state, problems } = analysesOf(
      '?an=<script>&eps=0.9&atk=pgd&tgt=-1&patch=1,2&shift=99,0',
    );
    expect(state).toEqual(defaultAnalysesUrlState());
    expect(problems).toHaveLength(6);
    expect(problems[0]).toContain("The link's an value");
  });

  it('refuses a patch that does not fit the image instead of silently clamping it', () => {
    expect(analysesOf('?patch=22,20,8').state.patch).toBeNull(); // 22 + 8 > 28
    expect(analysesOf('?patch=22,20,8').problems).toEqual([
      'The link\'s patch value "22,20,8" was ignored (expected a patch of size 2 to 14 inside the 28×28 image).',
    ]);
    expect(analysesOf('?patch=2,3,30').problems).toHaveLength(1); // larger than the slider allows
    expect(analysesOf('?patch=22,20,8').state.patch).toBeNull();
    expect(analysesOf('?patch=20,20,6')).toEqual({
      state: { ...defaultAnalysesUrlState(), patch: { row: 20, col: 20, size: 6 } },
      problems: [],
    });
  });

  it('scales the patch and the shift to the image of the link’s model', () => {
    const big = { input: { height: 64, width: 64, channels: 3 } };
    // MNIST's 28×28: a shift of 20 is refused; a 64×64 image has room for it.
    expect(parseUrlState('?shift=20,0').problems).toHaveLength(1);
    expect(parseUrlState('?shift=20,0', big).state.shift).toEqual({ dx: 20, dy: 0 });
    // Patch sizes follow the shorter side (src/analysis/patch-scale.ts): 28 px allows ≤ 14.
    expect(parseUrlState('?patch=2,2,20').problems).toHaveLength(1);
    expect(parseUrlState('?patch=2,2,20', big).state.patch).toEqual({ row: 2, col: 2, size: 20 });
    // An own model's link waits for its size instead of being held to 28×28.
    expect(parseUrlState('?modelUrl=m/model.json&shift=20,0').problems).toEqual([]);
  });

  it('accepts ε in [0, 0.5] with up to three decimals', () => {
    expect(['0', '0.1', '.05', '0.125', '0.5'].map(parseEpsilon)).toEqual([
      0, 0.1, 0.05, 0.125, 0.5,
    ]);
    for (const bad of ['0.51', '1', '-0.1', '0.1234', '1e-2', 'NaN', '']) {
      expect(parseEpsilon(bad)).toBeUndefined();
    }
  });
});
