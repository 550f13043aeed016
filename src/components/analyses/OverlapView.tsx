// Finding 1, second half, on the current image: do its pixels' largest pathways cross the
// important maps? Overlap of each pixel's top-m maps with the m most important, against chance
// m/C_l; and the causal test: zero the maps this image's pathways use most, versus random maps.
import type { LayerAblationTest } from '../../analysis/overlap';
import { useAnalyses } from '../../state/analyses-store';
import { selectClassNames } from '../../state/selectors';
import { useAppState } from '../../state/store';
import { AnalysisTable, layerColumn, Meter, numClass } from './AnalysisTable';
import { RunResult } from './RunResult';
import { RunStatus } from './RunStatus';
import { className, dropPp, fixed2, probPct } from './format';
import { useAnalysisRun } from './use-analysis-run';
import { useCurrentInput, useInputPlaceholder } from './use-current-input';
import { useSubjectWords } from '../shell/use-subject-words';

function Chips({ maps, other }: { maps: number[]; other: number[] }) {
  return (
    <span className="an-chips">
      {maps.map((k) => (
        <span key={k} className={other.includes(k) ? 'an-chip is-shared' : 'an-chip'}>
          {k}
        </span>
      ))}
    </span>
  );
}

/** How much zeroing maps lowered the class probability, from the intact one. */
const drop = (a: LayerAblationTest, p: number) => a.baseline.probability - p;

export function OverlapView() {
  const words = useSubjectWords();
  const input = useCurrentInput();
  const placeholder = useInputPlaceholder();
  const importance = useAnalyses((s) => s.importance);
  const m = useAnalyses((s) => s.topM);
  const names = useAppState(selectClassNames);
  const ready = input && importance.result && importance.modelUrl === input.modelUrl ? input : null;
  const key = ready ? `${ready.key}|${m}|${importance.origin}` : null;

  const { result, stale } = useAnalysisRun(
    'overlap',
    key,
    () =>
      ready && importance.result
        ? { image: ready.pixels, label: ready.label, topM: m, importance: importance.result }
        : null,
    { autoMs: 150 },
  );
  return (
    <div className="an-view">
      <p className="an-explain">
        Every one of the image’s {words.pixels} has its own pathways. For each pixel we take the {m}{' '}
        maps per layer where its pathway is largest and ask how many of them are among the layer’s{' '}
        {m} most important maps (from “Important maps”). By chance alone a layer with C maps would
        give {m}
        /C. The causal test then zeroes the {m} maps this image’s pathways use most and compares the
        drop in the true-class probability with zeroing {m} random maps.
      </p>
      <div className="an-controls">
        <span className="an-source">
          Top {m} maps per layer (change it under “Important maps”).
        </span>
        <RunStatus id="overlap" />
      </div>
      {!input && <p className="an-placeholder">{placeholder}</p>}
      {input && !ready && (
        <p className="an-placeholder">
          The important maps are not available yet (see “Important maps”).
        </p>
      )}
      {result && (
        <RunResult stale={stale}>
          <p className="an-source">
            Class read: {className(names, result.label)} · {result.pixels} {words.pixels} analysed
            {result.pixels === 0 && ' (a blank image has no pathways)'}.
          </p>
          <AnalysisTable
            testId="overlap-table"
            rows={result.layers}
            columns={[
              layerColumn(),
              {
                head: 'overlap vs chance',
                cell: (l) => (
                  <>
                    <Meter value={l.overlap || 0} mark={l.chance} />
                    <span className="an-num">
                      {fixed2(l.overlap)} <span className="an-muted">vs {fixed2(l.chance)}</span>
                    </span>
                  </>
                ),
              },
              {
                head: 'this image’s top maps',
                cell: (l) => <Chips maps={l.imageTop} other={l.important} />,
              },
              {
                head: 'important maps',
                cell: (l) => <Chips maps={l.important} other={l.imageTop} />,
              },
            ]}
          />
          <AnalysisTable
            testId="ablation-table"
            caption={
              <>
                Causal test: drop of p({className(names, result.label)}) when {m} maps are zeroed
              </>
            }
            rows={result.ablation}
            columns={[
              layerColumn(),
              {
                head: 'intact p',
                cell: (a) => probPct(a.baseline.probability),
                className: 'an-num',
              },
              {
                head: 'its pathway maps',
                cell: (a) => dropPp(drop(a, a.pathway.probability)),
                className: (a) =>
                  numClass(drop(a, a.pathway.probability) > drop(a, a.random.probability)),
              },
              {
                head: 'random maps',
                cell: (a) => dropPp(drop(a, a.random.probability)),
                className: 'an-num',
              },
              {
                head: 'important maps',
                cell: (a) => dropPp(drop(a, a.important.probability)),
                className: 'an-num',
              },
            ]}
          />
          <p className="an-note">
            Chips shared by both lists are filled. Drops are in percentage points (pp); random maps
            are the mean of 8 draws. Bold: zeroing this image’s own pathway maps hurt more than
            zeroing random ones. A confident prediction barely moves: compare the columns, not the
            sizes.
          </p>
        </RunResult>
      )}
    </div>
  );
}
