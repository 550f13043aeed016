// What the Adversarial view says about an attack's outcome, and, when it could not work, why and
// what to change. Pure, so the wording is tested (attack-verdict.test.ts).
import type { AttackViewResult } from '../../worker/analysis-protocol';

/**
 * The class the targeted attack aims at when the reader has not chosen one: the runner-up, the
 * class with the highest score other than the one read (`base`) and the predicted one: usually
 * the nearest target, which the default budget reached on every gallery image measured
 * (docs/analyses.md, "Defaults that work on the landing image"). Scores are logits or
 * probabilities (same order); without them, the next class.
 */
export function runnerUpClass(
  scores: ArrayLike<number> | null | undefined,
  base: number | null,
  classCount: number,
): number {
  const fallback = ((base ?? 0) + 1) % Math.max(1, classCount);
  if (!scores || scores.length !== classCount) return fallback;
  let top = 0;
  for (let c = 1; c < classCount; c++)
    if ((scores[c] ?? -Infinity) > (scores[top] ?? -Infinity)) top = c;
  let best = -1;
  for (let c = 0; c < classCount; c++) {
    if (c === base || c === top) continue;
    if (best < 0 || (scores[c] ?? -Infinity) > (scores[best] ?? -Infinity)) best = c;
  }
  return best < 0 ? fallback : best;
}

export interface AttackVerdict {
  changed: boolean;
  text: string;
  /** A one-click fix the view can offer. */
  suggestion: 'targeted' | 'larger-epsilon' | 'runner-up' | null;
}

/** A budget that is "larger" in a suggestion: the next tenth above ε, at most the slider's end. */
export function largerEpsilon(epsilon: number, max: number): number {
  return Math.min(max, (Math.floor(epsilon * 10 + 1e-9) + 1) / 10);
}

export function attackVerdict(
  result: Pick<
    AttackViewResult,
    'mode' | 'epsilon' | 'linf' | 'steps' | 'naturalClass' | 'original' | 'attackedSummary'
  >,
  name: (c: number) => string,
  options: { runnerUp?: number | null; maxEpsilon: number },
): AttackVerdict {
  const from = result.original.prediction;
  const to = result.attackedSummary.prediction;
  const changed = to !== from;
  const eps = result.epsilon;
  const more = largerEpsilon(eps, options.maxEpsilon);
  if (result.mode === 'fgsm') {
    if (changed)
      return {
        changed,
        text: `The attack turned ${name(from)} into ${name(to)}.`,
        suggestion: null,
      };
    if (eps === 0)
      return {
        changed,
        text: `The prediction is unchanged (${name(from)}): with ε = 0 the image is not changed at all. Drag ε up.`,
        suggestion: 'larger-epsilon',
      };
    if (result.linf === 0) {
      const p = result.original.probabilities[from] ?? 1;
      return {
        changed,
        text:
          `The prediction is unchanged (${name(from)}): the loss gradient underflows to exactly ` +
          `zero because the network is certain (p = ${p.toFixed(4)} in float32), so FGSM has no ` +
          `direction to step in, whatever ε. Try the targeted attack, which follows the target ` +
          `class's score instead.`,
        suggestion: 'targeted',
      };
    }
    return {
      changed,
      text:
        `The prediction is unchanged (${name(from)}): one step of ε = ${eps} was not enough. ` +
        (more > eps
          ? `Try a larger ε, such as ${more}, or the targeted attack.`
          : 'Try the targeted attack.'),
      suggestion: more > eps ? 'larger-epsilon' : 'targeted',
    };
  }
  const target = result.naturalClass;
  if (from === target)
    return {
      changed,
      text: `The network already reads this image as ${name(target)}: choose another target.`,
      suggestion: null,
    };
  if (to === target)
    return {
      changed,
      text:
        `The attack turned ${name(from)} into ${name(to)} in ${result.steps} ` +
        `${result.steps === 1 ? 'step' : 'steps'}, changing no pixel by more than ε = ${eps}.`,
      suggestion: null,
    };
  const runnerUp = options.runnerUp ?? null;
  const closer =
    runnerUp !== null && runnerUp !== target ? ` or the runner-up class ${name(runnerUp)}` : '';
  if (eps === 0)
    return {
      changed,
      text: `The prediction is unchanged (${name(from)}): with ε = 0 no pixel may change. Drag ε up.`,
      suggestion: 'larger-epsilon',
    };
  const head = changed
    ? `The attack turned ${name(from)} into ${name(to)}, but not into the target ${name(target)}`
    : `The targeted attack did not reach ${name(target)}`;
  return {
    changed,
    text:
      `${head} in ${result.steps} steps with no pixel changed by more than ε = ${eps}: that ` +
      `budget is too small for this image. Try ${more > eps ? `a larger ε, such as ${more}` : 'another image'}${closer}.`,
    suggestion:
      more > eps ? 'larger-epsilon' : runnerUp !== null && runnerUp !== target ? 'runner-up' : null,
  };
}
