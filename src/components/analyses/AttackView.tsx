// Finding 4a: adversarial attacks. FGSM (one signed-gradient step of size ε) or a targeted
// iterative attack moves the current image; we compare its pathways with the original's and with
// those of a natural image of the class the attack aims at (or produced).
import { useMemo, useState } from 'react';
import { CompareEntry } from '../compare/CompareEntry';
import { PointedPixelZone } from '../compare/pointed-pixel';
import { analysesStore, useAnalyses } from '../../state/analyses-store';
import { MAX_EPSILON } from '../../state/analyses-url';
import {
  selectClassNames,
  selectCurrentPrediction,
  selectFittingGallery,
} from '../../state/selectors';
import { selectLiveForward } from '../../state/selectors-view';
import { useAppState } from '../../state/store';
import { ALL_ROWS_UP_TO } from '../classes/class-rows';
import { AttackImages } from './AttackImages';
import { runnerUpClass } from './attack-verdict';
import { AnalysisTable, layerColumn, numClass } from './AnalysisTable';
import { MapSizeBars } from './MapSizeBars';
import { RunResult } from './RunResult';
import { RunStatus } from './RunStatus';
import { className, fixed2 } from './format';
import { useGalleryMissing } from './SampleCountPicker';
import { naturalImages } from './sample-sets';
import { useAnalysisRun } from './use-analysis-run';
import { useCurrentInput, useInputPlaceholder } from './use-current-input';

export function AttackView() {
  const input = useCurrentInput();
  const placeholder = useInputPlaceholder();
  const names = useAppState(selectClassNames);
  const prediction = useAppState(selectCurrentPrediction);
  const predicted = prediction?.classIndex ?? null;
  const gallery = useAppState(selectFittingGallery);
  const pathwayLayers = useAppState((s) => selectLiveForward(s)?.layers ?? null);
  const galleryMissing = useGalleryMissing();
  const classCount = useAppState((s) => s.model.summary?.classCount ?? null);
  const epsilon = useAnalyses((s) => s.epsilon);
  const mode = useAnalyses((s) => s.attackMode);
  const attackTarget = useAnalyses((s) => s.attackTarget);
  const topM = useAnalyses((s) => s.topM);
  const sampleIndex = useAppState((s) =>
    s.image?.source.kind === 'sample' ? s.image.source.index : null,
  );
  const naturalsOrWhy = useMemo(
    () => (gallery ? naturalImages(gallery, sampleIndex, names) : null),
    [gallery, sampleIndex, names],
  );
  const naturals = naturalsOrWhy?.ok ? naturalsOrWhy : null;
  // Why the attack cannot run although there is an image: no sample set, or one without a natural
  // image of every class (the comparison needs one of the target class).
  const blocked =
    naturalsOrWhy?.ok === false
      ? naturalsOrWhy.reason
      : galleryMissing &&
        `The attack is compared with a natural image of the target class from a sample set. ${galleryMissing}`;
  const K = classCount ?? names.length;
  const base = input?.label ?? predicted;
  // Without a chosen target, the runner-up: the class the image is closest to after its own,
  // which the default budget reaches (analyses-url.ts, DEFAULT_EPSILON).
  const runnerUp = runnerUpClass(prediction?.logits ?? prediction?.probabilities, base, K);
  const target = attackTarget !== null && attackTarget < K ? attackTarget : runnerUp;
  const key =
    input && naturals
      ? `${input.key}|${mode}|${epsilon}|${mode === 'targeted' ? target : '-'}|${topM}|${naturals.indices.join(',')}`
      : null;
  const [layer, setLayer] = useState<number | null>(null);
  // Built once per model and runner-up: a model may have 1,000 classes, and ε drags re-render.
  const targetOptions = useMemo(
    () =>
      Array.from({ length: K }, (_, c) => {
        const name = className(names, c);
        // With many classes each option also says its number (what the class table shows, and
        // what typing into the closed select finds).
        const text = K > ALL_ROWS_UP_TO && name !== String(c) ? `${c} · ${name}` : name;
        return (
          <option key={c} value={c}>
            {c === runnerUp ? `${text} (runner-up)` : text}
          </option>
        );
      }),
    [K, names, runnerUp],
  );

  const { result, stale } = useAnalysisRun(
    'attack',
    key,
    () =>
      input && naturals
        ? {
            image: input.pixels,
            label: input.label,
            mode,
            epsilon,
            target,
            naturals: naturals.images,
            topM,
          }
        : null,
    { autoMs: 200 },
  );

  const layers = result?.layers ?? [];
  // Default to the last pooled layer: few maps, and late enough for the class to show. The
  // engine's layer kinds say which that is (an own model's layers have any names).
  const shown =
    layer ??
    [...layers].reverse().find((l) => pathwayLayers?.[l.layer]?.kind === 'pool')?.layer ??
    [...layers].reverse().find((l) => l.name.startsWith('pool'))?.layer ??
    0;
  const store = analysesStore.getState();
  return (
    <PointedPixelZone className="an-view">
      <p className="an-explain">
        An adversarial attack changes every pixel a little so that the network sees another class.
        FGSM takes one step of size ε along the sign of the loss gradient; the targeted attack takes
        small steps towards a chosen class (by default the runner-up, the class the network ranks
        second) while staying within ε of the original. Below, the original, the attacked image and
        a natural gallery image of the target class are compared through their pathways: per layer,
        how alike their per-map pathway sizes are (correlation), and which maps the attack changed
        most.
      </p>
      <div className="an-controls">
        <fieldset className="an-segment">
          <legend className="an-sr">Attack</legend>
          {(['fgsm', 'targeted'] as const).map((v) => (
            <label key={v} data-checked={mode === v}>
              <input
                type="radio"
                name="an-attack-mode"
                checked={mode === v}
                onChange={() => store.setAttackMode(v)}
              />
              {v === 'fgsm' ? 'FGSM' : 'Targeted (iterative)'}
            </label>
          ))}
        </fieldset>
        <label className="an-field">
          ε
          <input
            type="range"
            min={0}
            max={MAX_EPSILON}
            step={0.01}
            value={epsilon}
            data-testid="epsilon"
            aria-valuetext={`${epsilon}`}
            onChange={(e) => store.setEpsilon(Number(e.target.value))}
          />
          <output className="an-num">{epsilon.toFixed(2)}</output>
        </label>
        {mode === 'targeted' && (
          <label className="an-field">
            Target class
            <select
              value={target}
              data-testid="attack-target"
              onChange={(e) => store.setAttackTarget(Number(e.target.value))}
            >
              {targetOptions}
            </select>
          </label>
        )}
        <RunStatus id="attack" />
        <CompareEntry
          kind="attacked"
          disabled={!result || stale}
          variant={() => result?.attacked ?? null}
        />
      </div>
      {!input && <p className="an-placeholder">{placeholder}</p>}
      {input && !naturals && blocked && (
        <p className="an-placeholder" data-testid="attack-blocked">
          {blocked}
        </p>
      )}
      {result && input && naturals && (
        <RunResult stale={stale}>
          <AttackImages
            result={result}
            input={input}
            naturals={naturals}
            names={names}
            runnerUp={runnerUp}
            maxEpsilon={MAX_EPSILON}
            onUseTargeted={() => store.setAttackMode('targeted')}
            onSetEpsilon={store.setEpsilon}
            onSetTarget={store.setAttackTarget}
          />
          <div className="an-split">
            <AnalysisTable
              testId="attack-layers"
              caption="Correlation of per-map pathway sizes"
              rows={layers}
              // A mouse shortcut; the layer menu beside the chart is the accessible control.
              rowProps={(l) => ({
                onClick: () => setLayer(l.layer),
                className: l.layer === shown ? 'an-pick is-picked' : 'an-pick',
              })}
              columns={[
                layerColumn(),
                {
                  head: 'attacked ~ original',
                  cell: (l) => fixed2(l.attackedVsOriginal),
                  className: 'an-num',
                },
                {
                  head: 'attacked ~ target',
                  cell: (l) => fixed2(l.attackedVsNatural),
                  className: (l) => numClass(l.attackedVsNatural > l.originalVsNatural),
                },
                {
                  head: 'original ~ target',
                  cell: (l) => fixed2(l.originalVsNatural),
                  className: 'an-num',
                },
              ]}
            />
            <figure className="an-figure">
              <label className="an-field">
                Per-map sizes of
                <select value={shown} onChange={(e) => setLayer(Number(e.target.value))}>
                  {layers.map((l) => (
                    <option key={l.layer} value={l.layer}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </label>
              <MapSizeBars
                layerName={layers[shown]?.name ?? ''}
                original={result.original.sizes[shown] ?? new Float32Array()}
                attacked={result.attackedSummary.sizes[shown] ?? new Float32Array()}
                natural={result.natural.sizes[shown] ?? new Float32Array()}
                highlight={3}
              />
              <figcaption className="an-note">
                Bars: share of each map in the layer’s pathway size, for the{' '}
                <span className="an-key is-original" /> original,{' '}
                <span className="an-key is-attacked" /> attacked and{' '}
                <span className="an-key is-target" /> {className(names, result.naturalClass)}{' '}
                images. Shaded: the 3 maps the attack changed most. Bold correlations: the attacked
                image is closer to the target than the original was.
              </figcaption>
            </figure>
          </div>
        </RunResult>
      )}
    </PointedPixelZone>
  );
}
