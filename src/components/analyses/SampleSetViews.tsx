// Findings 2 and 3 on a small gallery sample (the first n images of each class): are the pathways
// of one category more alike than those of different categories, and do pathway-based codes tell
// the categories apart? One worker run feeds both views.
import { useAnalyses } from '../../state/analyses-store';
import { selectClassNames } from '../../state/selectors';
import { useAppState } from '../../state/store';
import { AnalysisTable, layerColumn, Meter, numClass } from './AnalysisTable';
import { GalleryRunControls, useGalleryRun } from './GalleryRun';
import { PcaScatter } from './PcaScatter';
import { RunResult } from './RunResult';
import { fixed2, pct } from './format';

/** The one run both views show: the first `perClass` gallery samples of each class, top m. */
function useSampleSetRun() {
  const perClass = useAnalyses((s) => s.perClass);
  const m = useAnalyses((s) => s.topM);
  return useGalleryRun('sampleSet', `${perClass}|${m}`, (gallery) => ({
    set: gallery.build(perClass).set,
    topM: m,
  }));
}

function SampleSetControls() {
  const perClass = useAnalyses((s) => s.perClass);
  const r = useSampleSetRun();
  const count = r.gallery ? perClass * r.gallery.classes : null;
  return (
    <GalleryRunControls
      id="sampleSet"
      testId="sample-set-run"
      disabled={!r.gallery || !r.modelUrl}
      onRun={r.start}
      idle="Computes every sample’s pathways (a few seconds per hundred images)."
    >
      {r.result ? 'Run again' : 'Run'} on {count ?? '…'} gallery samples
    </GalleryRunControls>
  );
}

export function ConsistencyView() {
  const { result, stale } = useSampleSetRun();
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
        <RunResult stale={stale}>
          <AnalysisTable
            testId="consistency-table"
            rows={result.consistency}
            columns={[
              layerColumn(),
              {
                head: 'same category',
                cell: (l) => (
                  <>
                    <Meter value={Math.max(0, l.within) / max} />
                    <span className="an-num">{fixed2(l.within)}</span>
                  </>
                ),
              },
              {
                head: 'different categories',
                cell: (l) => fixed2(l.between),
                className: 'an-num an-muted',
              },
              {
                head: 'gap',
                cell: (l) => `${l.gap > 0 ? '+' : ''}${fixed2(l.gap)}`,
                className: (l) => numClass(l.gap > 0),
              },
            ]}
          />
          <p className="an-note">
            Mean Pearson correlation of the centred per-map sizes over {result.count} images:{' '}
            {result.consistency[0]?.withinPairs ?? 0} same-category and{' '}
            {result.consistency[0]?.betweenPairs ?? 0} different-category pairs. A positive gap
            (bold) means same-category pathways are more alike. Here the gap is largest in{' '}
            {[...result.consistency].sort((x, y) => y.gap - x.gap)[0]?.name ?? '–'}.
          </p>
        </RunResult>
      )}
    </div>
  );
}

export function PortionHotView() {
  const { result, stale } = useSampleSetRun();
  const names = useAppState(selectClassNames);
  const m = useAnalyses((s) => s.topM);
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
        <RunResult stale={stale}>
          <div className="an-split">
            <div>
              <p className="an-big" data-testid="portion-hot-accuracy">
                {pct(result.portionHot.accuracy)}
                <span className="an-big-note">
                  nearest-centroid accuracy on {result.portionHot.testSize} images (chance{' '}
                  {pct(result.portionHot.chance)})
                </span>
              </p>
              <AnalysisTable
                rows={result.perLayer}
                columns={[
                  layerColumn('code of one layer only'),
                  {
                    head: 'accuracy',
                    cell: (l) => (
                      <>
                        <Meter value={l.accuracy} />
                        <span className="an-num">{pct(l.accuracy)}</span>
                      </>
                    ),
                  },
                ]}
              />
            </div>
            <PcaScatter
              points={result.points}
              labels={result.labels}
              explained={result.explained}
              classNames={names}
            />
          </div>
        </RunResult>
      )}
    </div>
  );
}
