// Finding 1, second half, on the current image: do its pixels' largest pathways cross the
// important maps? Overlap of each pixel's top-m maps with the m most important, against chance
// m/C_l; and the causal test: zero the maps this image's pathways use most, versus random maps.
import { cancelRun, startRun } from '../../app/session/analysis-requests';
import { useAnalyses, useRun } from '../../state/analyses-store';
import { selectClassNames } from '../../state/selectors';
import { useAppState } from '../../state/store';
import { RunStatus } from './RunStatus';
import { className, dropPp, fixed2, probPct } from './format';
import { useAutoRun } from './use-auto-run';
import { useCurrentInput, useInputPlaceholder } from './use-current-input';

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

export function OverlapView() {
  const input = useCurrentInput();
  const placeholder = useInputPlaceholder();
  const importance = useAnalyses((s) => s.importance);
  const m = useAnalyses((s) => s.topM);
  const run = useRun('overlap');
  const names = useAppState(selectClassNames);
  const ready = input && importance.result && importance.modelUrl === input.modelUrl ? input : null;
  const key = ready ? `${ready.key}|${m}|${importance.origin}` : null;

  useAutoRun('overlap', key, () => {
    if (!ready || !key || !importance.result) return;
    const image = ready.pixels.slice();
    void startRun(
      'overlap',
      key,
      { image, label: ready.label, topM: m, importance: importance.result },
      [image.buffer],
    );
  });

  const result = run.result;
  const stale = run.resultKey !== key;
  return (
    <div className="an-view">
      <p className="an-explain">
        Every ink pixel of the image has its own pathways. For each pixel we take the {m} maps per
        layer where its pathway is largest and ask how many of them are among the layer’s {m} most
        important maps (from “Important maps”). By chance alone a layer with C maps would give {m}
        /C. The causal test then zeroes the {m} maps this image’s pathways use most and compares the
        drop in the true-class probability with zeroing {m} random maps.
      </p>
      <div className="an-controls">
        <span className="an-source">
          Top {m} maps per layer (change it under “Important maps”).
        </span>
        <RunStatus run={run} onCancel={() => cancelRun('overlap')} testId="run-overlap" />
      </div>
      {!input && <p className="an-placeholder">{placeholder}</p>}
      {input && !ready && (
        <p className="an-placeholder">
          The important maps are not available yet (see “Important maps”).
        </p>
      )}
      {result && (
        <div className={stale ? 'an-result is-stale' : 'an-result'}>
          <p className="an-source">
            Class read: {className(names, result.label)} · {result.pixels} ink pixels analysed
            {result.pixels === 0 && ' (a blank image has no pathways)'}.
          </p>
          <table className="an-table" data-testid="overlap-table">
            <thead>
              <tr>
                <th scope="col">layer</th>
                <th scope="col">overlap vs chance</th>
                <th scope="col">this image’s top maps</th>
                <th scope="col">important maps</th>
              </tr>
            </thead>
            <tbody>
              {result.layers.map((l) => (
                <tr key={l.layer}>
                  <th scope="row">{l.name}</th>
                  <td>
                    <span className="an-meter" aria-hidden="true">
                      <span
                        className="an-meter-fill"
                        style={{ width: `${(l.overlap || 0) * 100}%` }}
                      />
                      <span className="an-meter-mark" style={{ left: `${l.chance * 100}%` }} />
                    </span>
                    <span className="an-num">
                      {fixed2(l.overlap)} <span className="an-muted">vs {fixed2(l.chance)}</span>
                    </span>
                  </td>
                  <td>
                    <Chips maps={l.imageTop} other={l.important} />
                  </td>
                  <td>
                    <Chips maps={l.important} other={l.imageTop} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="an-table" data-testid="ablation-table">
            <caption>
              Causal test: drop of p({className(names, result.label)}) when {m} maps are zeroed
            </caption>
            <thead>
              <tr>
                <th scope="col">layer</th>
                <th scope="col">intact p</th>
                <th scope="col">its pathway maps</th>
                <th scope="col">random maps</th>
                <th scope="col">important maps</th>
              </tr>
            </thead>
            <tbody>
              {result.ablation.map((a) => {
                const drop = (p: number) => a.baseline.probability - p;
                const hit = drop(a.pathway.probability) > drop(a.random.probability);
                return (
                  <tr key={a.layer}>
                    <th scope="row">{a.name}</th>
                    <td className="an-num">{probPct(a.baseline.probability)}</td>
                    <td className={hit ? 'an-num is-hit' : 'an-num'}>
                      {dropPp(drop(a.pathway.probability))}
                    </td>
                    <td className="an-num">{dropPp(drop(a.random.probability))}</td>
                    <td className="an-num">{dropPp(drop(a.important.probability))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="an-note">
            Chips shared by both lists are filled. Drops are in percentage points (pp); random maps
            are the mean of 8 draws. Bold: zeroing this image’s own pathway maps hurt more than
            zeroing random ones. A confident prediction barely moves: compare the columns, not the
            sizes.
          </p>
        </div>
      )}
    </div>
  );
}
