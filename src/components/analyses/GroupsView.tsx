// Finding 5: the total number of pathways N_total (pixels × maps with a positive pathway, summed
// over every layer) for original images, their targeted attacks ("deformed") and natural images of
// the target class, with how well N_total tells each pair of groups apart (AUC).
import type { GroupSeparation } from '../../analysis/groups';
import { useAnalyses } from '../../state/analyses-store';
import { AnalysisTable } from './AnalysisTable';
import { GalleryRunControls, useGalleryRun } from './GalleryRun';
import { GroupHistogram } from './GroupHistogram';
import { RunResult } from './RunResult';
import { fixed2 } from './format';
import { useSubjectWords } from '../shell/use-subject-words';

/** Separated: N_total tells the pair apart most of the time. */
const separated = (auc: number) => Math.abs(auc - 0.5) >= 0.3;

function AucTable({ data, testId }: { data: GroupSeparation; testId: string }) {
  return (
    <AnalysisTable
      testId={testId}
      rows={data.pairs}
      rowKey={(p) => `${p.a}-${p.b}`}
      columns={[
        { head: 'pair', cell: (p) => `${p.a} / ${p.b}` },
        { head: 'AUC', cell: (p) => fixed2(p.auc), className: 'an-num' },
        {
          head: 'separated?',
          cell: (p) => (separated(p.auc) ? 'yes' : 'no'),
          className: (p) => (separated(p.auc) ? 'is-hit' : 'an-muted'),
        },
      ]}
    />
  );
}

export function GroupsView() {
  const words = useSubjectWords();
  const perClass = useAnalyses((s) => s.perClass);
  const n = Math.min(perClass, 10);
  const {
    result: r,
    stale,
    gallery,
    modelUrl,
    start,
  } = useGalleryRun('groups', `${n}`, (g) => ({
    set: g.build(n).set,
    seed: 1,
  }));
  return (
    <div className="an-view">
      <p className="an-explain">
        Count, over every layer, the feature-map positions a pixel’s pathway reaches with a positive
        size: that is N_total. We compare originals (correctly classified gallery samples), the same
        images after a targeted attack towards a random other class (“deformed”), and natural images
        of that target class. AUC is the chance that a random member of the second group has the
        larger N_total: 0.5 means N_total cannot tell the groups apart, 0 or 1 that it always can.
        Attacks add faint grey everywhere, which alone raises N_total, so the second chart counts
        the deformed images on their original’s {words.pixels} only.
      </p>
      <GalleryRunControls
        id="groups"
        testId="groups-run"
        disabled={!gallery || !modelUrl}
        onRun={start}
        idle="Attacks are slow: at most 10 per class."
      >
        Run on {gallery ? n * gallery.classes : '…'} originals
      </GalleryRunControls>
      {r && (
        <RunResult stale={stale}>
          <p className="an-source">
            {r.succeeded} of {r.attempted} correctly classified originals were turned into their
            target class (targeted I-FGSM, ε = 0.3); each is compared with a natural image of its
            target class.
          </p>
          <div className="an-grid an-grid-wide">
            <div className="an-stack">
              <GroupHistogram data={r.all} title="Every pixel counted" />
              <AucTable data={r.all} testId="groups-auc" />
            </div>
            <div className="an-stack">
              <GroupHistogram
                data={r.inkOnly}
                title={`Deformed images counted on the original’s ${words.pixels} only`}
              />
              <AucTable data={r.inkOnly} testId="groups-auc-ink" />
            </div>
          </div>
          <p className="an-note">
            <span className="an-key is-original" /> original <span className="an-key is-attacked" />{' '}
            deformed <span className="an-key is-target" /> target class · a pair counts as separated
            when |AUC − 0.5| ≥ 0.3.
          </p>
        </RunResult>
      )}
    </div>
  );
}
