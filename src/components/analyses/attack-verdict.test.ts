import { describe, expect, it } from 'vitest';
import { attackVerdict, largerEpsilon, runnerUpClass } from './attack-verdict';

const summary = (prediction: number, p = 1) => ({
  prediction,
  probabilities: Float32Array.from({ length: 10 }, (_, c) => (c === prediction ? p : 0)),
  total: 0,
  pixels: 0,
  sizes: [],
});
const name = (c: number) => String(c);
const opts = { runnerUp: 3, maxEpsilon: 0.5 };

describe('runnerUpClass', () => {
  it('is the best-scoring class after the one read and the prediction', () => {
    // The landing 7's logits (shipped MNIST model): 3 is second.
    const z = [-6.83, -4.25, 0.16, 7.54, -9.39, -4.02, -16.59, 25.35, -8.09, 3.9];
    expect(runnerUpClass(z, 7, 10)).toBe(3);
    expect(runnerUpClass(z, null, 10)).toBe(3);
    // A misclassified image (label 3, predicted 7): neither is a target.
    expect(runnerUpClass(z, 3, 10)).toBe(9);
    expect(runnerUpClass(null, 7, 10)).toBe(8);
  });
});

describe('attackVerdict', () => {
  it('explains a zero FGSM gradient and suggests the targeted attack', () => {
    const v = attackVerdict(
      {
        mode: 'fgsm',
        epsilon: 0.1,
        linf: 0,
        steps: 1,
        naturalClass: 7,
        original: summary(7),
        attackedSummary: summary(7),
      },
      name,
      opts,
    );
    expect(v.changed).toBe(false);
    expect(v.suggestion).toBe('targeted');
    expect(v.text).toContain(
      'underflows to exactly zero because the network is certain (p = 1.0000',
    );
    expect(v.text).toContain('Try the targeted attack');
  });

  it('says a targeted attack worked, or why not and what to change', () => {
    const base = {
      mode: 'targeted' as const,
      epsilon: 0.1,
      linf: 0.1,
      naturalClass: 8,
      original: summary(7),
    };
    const ok = attackVerdict({ ...base, steps: 11, attackedSummary: summary(8) }, name, opts);
    expect(ok).toMatchObject({ changed: true, suggestion: null });
    expect(ok.text).toBe(
      'The attack turned 7 into 8 in 11 steps, changing no pixel by more than ε = 0.1.',
    );
    const short = attackVerdict({ ...base, steps: 60, attackedSummary: summary(7) }, name, opts);
    expect(short.changed).toBe(false);
    expect(short.suggestion).toBe('larger-epsilon');
    expect(short.text).toContain('did not reach 8 in 60 steps');
    expect(short.text).toContain('Try a larger ε, such as 0.2 or the runner-up class 3.');
  });

  it('offers a larger ε up to the slider’s end', () => {
    expect(largerEpsilon(0.1, 0.5)).toBe(0.2);
    expect(largerEpsilon(0.15, 0.5)).toBe(0.2);
    expect(largerEpsilon(0.05, 0.5)).toBe(0.1);
    expect(largerEpsilon(0.5, 0.5)).toBe(0.5);
  });
});
