/**
 * Cosine learning-rate decay from `initial` to `final` over `totalSteps`: large steps early for
 * speed, small steps late so the last epochs settle into a minimum instead of bouncing around it.
 */
export function cosineDecay(
  initial: number,
  final: number,
  totalSteps: number,
): (step: number) => number {
  return (step) => {
    const progress = Math.min(1, Math.max(0, step / Math.max(1, totalSteps)));
    return final + 0.5 * (initial - final) * (1 + Math.cos(Math.PI * progress));
  };
}
