import type { AttackImageSummary, AttackViewResult } from '../../worker/analysis-protocol';
import { attackVerdict, largerEpsilon } from './attack-verdict';
import { ImageThumb } from './ImageThumb';
import { PointableImage } from '../compare/pointed-pixel';
import { className, pct } from './format';
import type { CurrentInput } from './use-current-input';
import { useSubjectWords } from '../shell/use-subject-words';

interface Props {
  result: AttackViewResult;
  input: CurrentInput;
  naturals: { images: Float32Array; indices: number[] };
  names: readonly string[];
  /** The class with the highest score after the one read (the default target). */
  runnerUp?: number | null;
  /** The ε slider's end, for "try a larger ε". */
  maxEpsilon: number;
  /** The fixes the verdict may offer as a button. */
  onUseTargeted?: () => void;
  onSetEpsilon?: (epsilon: number) => void;
  onSetTarget?: (target: number) => void;
}

function Card(props: {
  title: string;
  pixels: Float32Array;
  input: CurrentInput;
  summary: AttackImageSummary;
  names: readonly string[];
  note: string;
  testId: string;
  /** Pointing at it picks the pixel the compare entry uses (compare/pointed-pixel.tsx). */
  pointable?: boolean;
}) {
  const { summary, names } = props;
  const p = summary.probabilities[summary.prediction] ?? 0;
  const thumb = (
    <ImageThumb
      pixels={props.pixels}
      width={props.input.width}
      height={props.input.height}
      channels={props.input.channels}
      size={112}
    />
  );
  return (
    <figure className="an-imgcard" data-testid={props.testId} data-prediction={summary.prediction}>
      {props.pointable ? (
        <PointableImage width={props.input.width} height={props.input.height}>
          {thumb}
        </PointableImage>
      ) : (
        thumb
      )}
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
export function AttackImages(props: Props) {
  const { result, input, naturals, names } = props;
  const words = useSubjectWords();
  const n = input.width * input.height * input.channels;
  const c = result.naturalClass;
  const natural = naturals.images.subarray(c * n, (c + 1) * n);
  // When the attack cannot work (FGSM on a saturated softmax: the gradient underflows to 0; a
  // budget too small for the target), the verdict says why and offers the fix.
  const verdict = attackVerdict(result, (k) => className(names, k), {
    runnerUp: props.runnerUp,
    maxEpsilon: props.maxEpsilon,
  });
  const more = largerEpsilon(result.epsilon, props.maxEpsilon);
  const fix =
    verdict.suggestion === 'targeted' && props.onUseTargeted ? (
      <button type="button" className="an-button" onClick={props.onUseTargeted}>
        Use the targeted attack
      </button>
    ) : verdict.suggestion === 'larger-epsilon' && props.onSetEpsilon ? (
      <button type="button" className="an-button" onClick={() => props.onSetEpsilon?.(more)}>
        Try ε = {more}
      </button>
    ) : verdict.suggestion === 'runner-up' && props.onSetTarget && props.runnerUp != null ? (
      <button
        type="button"
        className="an-button"
        onClick={() => props.onSetTarget?.(props.runnerUp as number)}
      >
        Aim at {className(names, props.runnerUp)}
      </button>
    ) : null;
  return (
    <div className="an-images">
      <Card
        title="Original"
        pixels={input.pixels}
        input={input}
        summary={result.original}
        names={names}
        note={`${result.original.pixels} ${words.pixels}`}
        testId="attack-original"
        pointable
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
        pointable
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
      <p
        className="an-verdict"
        data-testid="attack-verdict"
        data-changed={verdict.changed}
        data-suggestion={verdict.suggestion ?? undefined}
      >
        {verdict.text} {fix}
      </p>
    </div>
  );
}
