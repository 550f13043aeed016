import type { AttackImageSummary, AttackViewResult } from '../../worker/analysis-protocol';
import { ImageThumb } from './ImageThumb';
import { className, pct } from './format';
import type { CurrentInput } from './use-current-input';

interface Props {
  result: AttackViewResult;
  input: CurrentInput;
  naturals: { images: Float32Array; indices: number[] };
  names: readonly string[];
}

function Card(props: {
  title: string;
  pixels: Float32Array;
  input: CurrentInput;
  summary: AttackImageSummary;
  names: readonly string[];
  note: string;
  testId: string;
}) {
  const { summary, names } = props;
  const p = summary.probabilities[summary.prediction] ?? 0;
  return (
    <figure className="an-imgcard" data-testid={props.testId} data-prediction={summary.prediction}>
      <ImageThumb
        pixels={props.pixels}
        width={props.input.width}
        height={props.input.height}
        size={112}
      />
      <figcaption>
        <strong>{props.title}</strong>
        <span>
          predicted <b>{className(names, summary.prediction)}</b> ({pct(p)})
        </span>
        <span className="an-muted">
          N_total {summary.total.toLocaleString('en')} · {props.note}
        </span>
      </figcaption>
    </figure>
  );
}

/** Original, attacked and natural target-class image side by side, with what the network sees. */
export function AttackImages({ result, input, naturals, names }: Props) {
  const n = input.width * input.height;
  const c = result.naturalClass;
  const natural = naturals.images.subarray(c * n, (c + 1) * n);
  const changed = result.attackedSummary.prediction !== result.original.prediction;
  // FGSM on a saturated softmax: the cross-entropy gradient underflows to 0 and nothing moves.
  const stuck = result.mode === 'fgsm' && result.epsilon > 0 && result.linf === 0;
  return (
    <div className="an-images">
      <Card
        title="Original"
        pixels={input.pixels}
        input={input}
        summary={result.original}
        names={names}
        note={`${result.original.pixels} ink pixels`}
        testId="attack-original"
      />
      <span className="an-arrow" aria-hidden="true">
        →
      </span>
      <Card
        title={
          result.mode === 'fgsm' ? `FGSM, ε = ${result.epsilon}` : `Targeted, ε = ${result.epsilon}`
        }
        pixels={result.attacked}
        input={input}
        summary={result.attackedSummary}
        names={names}
        note={
          result.mode === 'fgsm'
            ? `largest change ${result.linf.toFixed(2)}`
            : `${result.steps} steps, largest change ${result.linf.toFixed(2)}`
        }
        testId="attack-attacked"
      />
      <span className="an-arrow" aria-hidden="true">
        ≈?
      </span>
      <Card
        title={`A natural ${className(names, c)}`}
        pixels={natural}
        input={input}
        summary={result.natural}
        names={names}
        note={`gallery sample ${naturals.indices[c] ?? '?'}`}
        testId="attack-natural"
      />
      <p className="an-verdict" data-testid="attack-verdict" data-changed={changed}>
        {changed
          ? `The attack turned ${className(names, result.original.prediction)} into ${className(names, result.attackedSummary.prediction)}.`
          : `The prediction is unchanged (${className(names, result.original.prediction)}).`}
        {stuck &&
          ' The loss gradient is exactly zero here: the network is so sure (p rounds to 1 in float32) that FGSM has no direction to step in. Try the targeted attack, or another image.'}
      </p>
    </div>
  );
}
