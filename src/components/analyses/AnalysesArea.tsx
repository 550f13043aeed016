// The Analyses area: the paper's findings as measurements on the current model and image, one
// view per analysis behind a tab list. Self-contained: it reads the app store through selectors,
// keeps its own state (src/state/analyses-store.ts, mirrored in the link) and asks for work through
// that store's actions; the session runs it in its own worker (docs/analyses.md, "Wiring").
import { useRef, type KeyboardEvent } from 'react';
import { useAnalyses, analysesStore } from '../../state/analyses-store';
import { ANALYSIS_IDS, type AnalysisId } from '../../state/analyses-types';
import { AttackView } from './AttackView';
import { ConsistencyView, PortionHotView } from './SampleSetViews';
import { GroupsView } from './GroupsView';
import { ImportanceView } from './ImportanceView';
import { MovementView } from './MovementView';
import { OcclusionView } from './OcclusionView';
import { OverlapView } from './OverlapView';
import './analyses.css';

const TABS: Record<AnalysisId, { label: string; finding: string }> = {
  importance: { label: 'Important maps', finding: 'Finding 1' },
  overlap: { label: 'Overlap', finding: 'Finding 1' },
  consistency: { label: 'Consistency', finding: 'Finding 2' },
  'portion-hot': { label: 'Portion-hot', finding: 'Finding 3' },
  attack: { label: 'Adversarial', finding: 'Finding 4' },
  occlusion: { label: 'Occlusion', finding: 'Finding 4' },
  movement: { label: 'Movement', finding: 'Finding 4' },
  groups: { label: 'N_total groups', finding: 'Finding 5' },
};

function View({ id }: { id: AnalysisId }) {
  switch (id) {
    case 'importance':
      return <ImportanceView />;
    case 'overlap':
      return <OverlapView />;
    case 'consistency':
      return <ConsistencyView />;
    case 'portion-hot':
      return <PortionHotView />;
    case 'attack':
      return <AttackView />;
    case 'occlusion':
      return <OcclusionView />;
    case 'movement':
      return <MovementView />;
    case 'groups':
      return <GroupsView />;
  }
}

export function AnalysesArea() {
  const open = useAnalyses((s) => s.analysis);
  const tabs = useRef<Partial<Record<AnalysisId, HTMLButtonElement | null>>>({});
  const select = (id: AnalysisId) => analysesStore.getState().open(id);

  // Arrow keys move along the tab list (the WAI-ARIA tabs pattern with automatic activation).
  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    const i = ANALYSIS_IDS.indexOf(open);
    const n = ANALYSIS_IDS.length;
    const next =
      event.key === 'ArrowRight'
        ? ANALYSIS_IDS[(i + 1) % n]
        : event.key === 'ArrowLeft'
          ? ANALYSIS_IDS[(i + n - 1) % n]
          : event.key === 'Home'
            ? ANALYSIS_IDS[0]
            : event.key === 'End'
              ? ANALYSIS_IDS[n - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    select(next);
    tabs.current[next]?.focus();
  };

  return (
    <section className="an-area" data-testid="analyses" aria-labelledby="an-title">
      <header className="an-head">
        <div>
          <h2 id="an-title">Analyses</h2>
          <p className="an-sub">
            The paper’s findings, measured on this model
            {open ? '' : ': open one to run it on the current image or on gallery samples'}.
          </p>
        </div>
        <button
          type="button"
          className={open === null ? 'an-button' : 'an-button an-button-quiet'}
          aria-expanded={open !== null}
          aria-controls="an-body"
          data-testid="analyses-toggle"
          onClick={() => analysesStore.getState().open(open === null ? 'importance' : null)}
        >
          {open === null ? 'Open analyses' : 'Close'}
        </button>
      </header>
      {open !== null && (
        <div id="an-body" className="an-body">
          <div className="an-tabs" role="tablist" aria-label="Analyses" onKeyDown={onKeyDown}>
            {ANALYSIS_IDS.map((id) => (
              <button
                key={id}
                ref={(el) => {
                  tabs.current[id] = el;
                }}
                type="button"
                role="tab"
                id={`an-tab-${id}`}
                aria-selected={id === open}
                aria-controls={`an-panel-${id}`}
                tabIndex={id === open ? 0 : -1}
                className="an-tab"
                data-analysis={id}
                onClick={() => select(id)}
              >
                <span className="an-tab-label">{TABS[id].label}</span>
                <span className="an-tab-finding">{TABS[id].finding}</span>
              </button>
            ))}
          </div>
          <div
            className="an-panel"
            role="tabpanel"
            id={`an-panel-${open}`}
            aria-labelledby={`an-tab-${open}`}
            data-testid={`analysis-${open}`}
          >
            <View id={open} />
          </div>
        </div>
      )}
    </section>
  );
}
