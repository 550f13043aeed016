// The class panel connected to the store: probabilities, the selection's contribution to every
// class (exact by linearity from the per-pixel relevance, so no extra worker request per click)
// and the relevance heat map of the chosen class. Choosing a class here re-targets the Sankey.
import { memo, useDeferredValue, useMemo } from 'react';
import { ClassPanel } from '../../components/classes/ClassPanel';
import { useSubjectWords } from '../../components/shell/use-subject-words';
import { isEmptyImage } from '../../lib/dataset-words';
import { selectionContribution, summarizeSelection } from '../../lib/selection';
import { selectClassNames, selectCurrentPrediction } from '../../state/selectors';
import {
  precomputedFitsImage,
  selectClassData,
  selectPrecomputedLabel,
} from '../../state/selectors-view';
import { appStore, useAppState } from '../../state/store';
import { pixelIntensity } from '../../state/input-shape';

const NO_PIXELS: readonly number[] = [];
// Its props are stable between a click and the deferred selection: the click's urgent render
// skips the panel.
const MemoClassPanel = memo(ClassPanel);

export function ClassView() {
  const data = useAppState(selectClassData);
  // Without the engine's data (e.g. a custom model the engine cannot trace) the probabilities
  // still come from the plain prediction.
  const prediction = useAppState(selectCurrentPrediction);
  const precomputed = useAppState(
    (s) => precomputedFitsImage(s) && s.forward.imageVersion !== s.image?.version,
  );
  const precomputedLabel = useAppState(selectPrecomputedLabel);
  const image = useAppState((s) => s.image?.pixels ?? null);
  const input = useAppState((s) => s.input);
  // Deferred, like the feature maps: the new Sankey is what a click waits for.
  const pixels = useDeferredValue(useAppState((s) => s.selection?.pixels ?? NO_PIXELS));
  const targetClass = useAppState((s) => s.targetClass);
  const classNames = useAppState(selectClassNames);
  const classCount = useAppState((s) =>
    s.model.status === 'ready' ? (s.model.summary?.classCount ?? null) : null,
  );
  const words = useSubjectWords();
  const imageEmpty = useMemo(() => (image ? isEmptyImage(image) : false), [image]);

  const relevanceByClass = useMemo(() => {
    if (!data) return [];
    const HW = data.input.height * data.input.width;
    return Array.from({ length: data.classCount }, (_, c) =>
      data.relevance.subarray(c * HW, (c + 1) * HW),
    );
  }, [data]);
  const contribution = useMemo(
    () =>
      pixels.length > 0 && relevanceByClass.length > 0
        ? selectionContribution(relevanceByClass, pixels)
        : null,
    [relevanceByClass, pixels],
  );
  const summary = useMemo(
    () => (image ? summarizeSelection(pixelIntensity(image, input), input.width, pixels) : null),
    [image, input, pixels],
  );

  const probabilities = data?.probabilities ?? prediction?.probabilities ?? null;
  const predicted = data?.prediction ?? prediction?.classIndex ?? 0;
  if (!probabilities || !image) {
    return (
      <section className="pl-panel pl-class-panel" aria-label="Classes">
        <h2>Classes</h2>
        <p className="pl-explain" data-testid="classes-waiting">
          {classCount !== null && !image
            ? `Draw or upload an image: the scores of the model’s ${classCount} classes, and the pixels that speak for each, appear once it has run on one.`
            : 'Class scores and the pixels that speak for each class appear once the model has run.'}
        </p>
      </section>
    );
  }
  return (
    <div className="class-view" data-origin={precomputed ? 'precomputed' : 'live'}>
      {precomputed && (
        <p className="pl-origin pl-origin-precomputed" data-testid="class-origin">
          {precomputedLabel}
        </p>
      )}
      <MemoClassPanel
        probabilities={probabilities}
        classNames={classNames}
        relevanceByClass={relevanceByClass}
        pixelContribution={contribution}
        chosenClass={targetClass ?? predicted}
        onChooseClass={appStore.getState().setTargetClass}
        image={image}
        width={input.width}
        height={input.height}
        channels={input.channels}
        selectedPixels={pixels}
        selectionLabel={summary?.label ?? null}
        selectionIsZero={summary !== null && summary.zeros === summary.count}
        logits={prediction?.logits ?? null}
        imageEmpty={imageEmpty}
        underlay={words.underlay}
      />
    </div>
  );
}
