// Finding 5: the total number of pathways N_total (pixels × maps with a positive pathway, summed
// over every layer) for original images, their targeted attacks ("deformed") and natural images of
// the target class, with how well N_total tells each pair of groups apart (AUC).
import { cancelRun, startRun } from '../../app/session/analysis-requests';
import { useAnalyses, useRun } from '../../state/analyses-store';
import { useAppState } from '../../state/store';
import { GroupHistogram } from './GroupHistogram';
import { RunStatus } from './RunStatus';
import { SampleCountPicker, useGallerySet } from './SampleCountPicker';
import { fixed2 } from './format';
import type { GroupSeparation } from '../../analysis/groups';

function AucTable({ data, testId }: { data: GroupSeparation; testId: string }) {
  return (
    <table className="an-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">pair</th>
          <th scope="col">AUC</th>
          <th scope="col">separated?</th>
        </tr>
      </thead>
      <tbody>
        {data.pairs.map((p) => {
          const sep = Math.abs(p.auc - 0.5) >= 0.3;
          return (
            <tr key={`${p.a}-${p.b}`}>
              <th scope="row">
                {p.a} / {p.b}
              </th>
              <td className="an-num">{fixed2(p.auc)}</td>
              <td className={sep ? 'is-hit' : 'an-muted'}>{sep ? 'yes' : 'no'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function GroupsView() {
  const run = useRun('groups');
  const perClass = useAnalyses((s) => s.perClass);
  const modelUrl = useAppState((s) => s.model.summary?.url ?? null);
  const gallery = useGallerySet();
  const n = Math.min(perClass, 10);
  const start = () => {
    if (!gallery || !modelUrl) return;
    const { set } = gallery.build(n);
    void startRun('groups', `${modelUrl}|${n}`, { set, seed: 1 }, [set.images.buffer]);
  };
  const r = run.result;
  return (
    <div className="an-view">
      <p className="an-explain">
        Count, over every layer, the feature-map positions a pixel’s pathway reaches with a positive
        size: that is N_total. We compare originals (correctly classified gallery samples), the same
        images after a targeted attack towards a random other class (“deformed”), and natural images
        of that target class. AUC is the chance that a random member of the second group has the
        larger N_total: 0.5 means N_total cannot tell the groups apart, 0 or 1 that it always can.
        Attacks add faint ink everywhere, which alone raises N_total, so the second chart counts the
        deformed images on their original’s ink pixels only.
      </p>
      <div className="an-controls">
        <SampleCountPicker />
        <button
          type="button"
          className="an-button"
          data-testid="groups-run"
          disabled={!gallery || !modelUrl || run.status === 'running'}
          onClick={start}
        >
          Run on {gallery ? n * gallery.classes : '…'} originals
        </button>
        <RunStatus
          run={run}
          onCancel={() => cancelRun('groups')}
          testId="run-groups"
          idle="Attacks are slow: at most 10 per class."
        />
      </div>
      {r && (
        <div className={run.status === 'running' ? 'an-result is-stale' : 'an-result'}>
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
                title="Deformed images counted on the original’s ink only"
              />
              <AucTable data={r.inkOnly} testId="groups-auc-ink" />
            </div>
          </div>
          <p className="an-note">
            <span className="an-key is-original" /> original <span className="an-key is-attacked" />{' '}
            deformed <span className="an-key is-target" /> target class · a pair counts as separated
            when |AUC − 0.5| ≥ 0.3.
          </p>
        </div>
      )}
    </div>
  );
}
