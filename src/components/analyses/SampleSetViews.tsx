// Findings 2 and 3 on a small gallery sample (the first n images of each class): are the pathways
// of one category more alike than those of different categories, and do pathway-based codes tell
// the categories apart? One worker run feeds both views.
import { cancelRun, startRun } from '../../app/session/analysis-requests';
import { useAnalyses, useRun } from '../../state/analyses-store';
import { selectClassNames } from '../../state/selectors';
import { useAppState } from '../../state/store';
import { PcaScatter } from './PcaScatter';
import { RunStatus } from './RunStatus';
import { SampleCountPicker, useGallerySet } from './SampleCountPicker';
import { fixed2, pct } from './format';

function SampleSetControls() {
  const run = useRun('sampleSet');
  const perClass = useAnalyses((s) => s.perClass);
  const m = useAnalyses((s) => s.topM);
  const modelUrl = useAppState((s) => s.model.summary?.url ?? null);
  const gallery = useGallerySet();
  const start = () => {
    if (!gallery || !modelUrl) return;
    const { set } = gallery.build(perClass);
    void startRun('sampleSet', `${modelUrl}|${perClass}|${m}`, { set, topM: m }, [
      set.images.buffer,
    ]);
  };
  const count = gallery ? perClass * gallery.classes : null;
  return (
    <div className="an-controls">
      <SampleCountPicker />
      <button
        type="button"
        className="an-button"
        data-testid="sample-set-run"
        disabled={!gallery || !modelUrl || run.status === 'running'}
        onClick={start}
      >
        {run.result ? 'Run again' : 'Run'} on {count ?? '…'} gallery samples
      </button>
      <RunStatus
        run={run}
        onCancel={() => cancelRun('sampleSet')}
        testId="run-sampleSet"
        idle="Computes every sample’s pathways (a few seconds per hundred images)."
      />
    </div>
  );
}

export function ConsistencyView() {
  const run = useRun('sampleSet');
  const result = run.result;
  const max = result ? Math.max(0.01, ...result.consistency.map((l) => l.within)) : 1;
  return (
    <div className="an-view">
      <p className="an-explain">
        Each image gets one number per feature map: the total size of all its pixels’ pathways on
        that map. Do two images of the same category have more alike patterns than two images of
        different categories? We correlate these patterns for every pair of images, per layer, after
        subtracting the average pattern (otherwise maps that are large for every image make all
        pairs look alike). The paper reports the effect most clearly in the early layers.
      </p>
      <SampleSetControls />
      {result && (
        <div className={run.status === 'running' ? 'an-result is-stale' : 'an-result'}>
          <table className="an-table" data-testid="consistency-table">
            <thead>
              <tr>
                <th scope="col">layer</th>
                <th scope="col">same category</th>
                <th scope="col">different categories</th>
                <th scope="col">gap</th>
              </tr>
            </thead>
            <tbody>
              {result.consistency.map((l) => (
                <tr key={l.layer}>
                  <th scope="row">{l.name}</th>
                  <td>
                    <span className="an-meter" aria-hidden="true">
                      <span
                        className="an-meter-fill"
                        style={{ width: `${(Math.max(0, l.within) / max) * 100}%` }}
                      />
                    </span>
                    <span className="an-num">{fixed2(l.within)}</span>
                  </td>
                  <td className="an-num an-muted">{fixed2(l.between)}</td>
                  <td className={l.gap > 0 ? 'an-num is-hit' : 'an-num'}>
                    {l.gap > 0 ? '+' : ''}
                    {fixed2(l.gap)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="an-note">
            Mean Pearson correlation of the centred per-map sizes over {result.count} images:{' '}
            {result.consistency[0]?.withinPairs ?? 0} same-category and{' '}
            {result.consistency[0]?.betweenPairs ?? 0} different-category pairs. A positive gap
            (bold) means same-category pathways are more alike. Here the gap is largest in{' '}
            {[...result.consistency].sort((x, y) => y.gap - x.gap)[0]?.name ?? '–'}.
          </p>
        </div>
      )}
    </div>
  );
}

export function PortionHotView() {
  const run = useRun('sampleSet');
  const names = useAppState(selectClassNames);
  const m = useAnalyses((s) => s.topM);
  const result = run.result;
  return (
    <div className="an-view">
      <p className="an-explain">
        The portion-hot code of an image says, for every feature map, what share of its pixels count
        that map among their {m} largest pathways; concatenated over the layers it is one vector per
        image. Half of each category’s samples give the category’s average code; each remaining
        image is assigned to the nearest average. High accuracy means pathway codes separate the
        categories. The scatter shows the codes in two dimensions (principal components).
      </p>
      <SampleSetControls />
      {result && (
        <div className={run.status === 'running' ? 'an-result is-stale' : 'an-result'}>
          <div className="an-split">
            <div>
              <p className="an-big" data-testid="portion-hot-accuracy">
                {pct(result.portionHot.accuracy)}
                <span className="an-big-note">
                  nearest-centroid accuracy on {result.portionHot.testSize} images (chance{' '}
                  {pct(result.portionHot.chance)})
                </span>
              </p>
              <table className="an-table">
                <thead>
                  <tr>
                    <th scope="col">code of one layer only</th>
                    <th scope="col">accuracy</th>
                  </tr>
                </thead>
                <tbody>
                  {result.perLayer.map((l) => (
                    <tr key={l.layer}>
                      <th scope="row">{l.name}</th>
                      <td>
                        <span className="an-meter" aria-hidden="true">
                          <span
                            className="an-meter-fill"
                            style={{ width: `${l.accuracy * 100}%` }}
                          />
                        </span>
                        <span className="an-num">{pct(l.accuracy)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <PcaScatter
              points={result.points}
              labels={result.labels}
              explained={result.explained}
              classNames={names}
            />
          </div>
        </div>
      )}
    </div>
  );
}
