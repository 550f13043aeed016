import { useEffect } from 'react';
import { AnalysesArea } from '../components/analyses/AnalysesArea';
import { ModelCardPanel } from '../components/shell/ModelCardPanel';
import { PredictionLine } from '../components/shell/PredictionLine';
import { PredictionPanel } from '../components/shell/PredictionPanel';
import { SampleGallery } from '../components/shell/SampleGallery';
import { Header } from './Header';
import { useAppState } from '../state/store';
import { Notices } from './Notices';
import { PanelBoundary } from './PanelBoundary';
import { startSession } from './session';
import { ClassView } from './views/ClassView';
import { InputView } from './views/InputView';
import { CompareView } from './views/CompareView';
import { PathwayView } from './views/PathwayView';
import { EmbedHeader } from './presentation/EmbedHeader';
import { OpenModelLayer } from '../components/open-model/OpenModelButton';
import { LectureKeys } from './presentation/LectureKeys';
import './app.css';
import './presentation/presentation.css';

/** Arranges the panels; the session (src/app/session) does the work. */
export function App() {
  useEffect(() => {
    startSession();
  }, []);

  const { mode, embed, hide } = useAppState((s) => s.presentation);
  const comparing = useAppState((s) => s.compare.kind !== null);

  // Lecture and embed modes, and a lesson's hidden controls, are CSS over these attributes
  // (presentation.css), so the panels need not know about them.
  return (
    <div
      className="app"
      data-mode={embed ? 'embed' : mode}
      data-hide={hide.join(' ') || undefined}
      data-compare={comparing || undefined}
    >
      {embed ? <EmbedHeader /> : <Header />}
      {/* The header mounts the open-model dialogs; an embed has none, but a link to a model on
          another site must still ask before loading it (RemoteModelPrompt). */}
      {embed && <OpenModelLayer />}
      {mode === 'lecture' && !embed && <LectureKeys />}
      <Notices />
      <main className="app-main">
        <aside className="column column-input" aria-label="Input">
          <PanelBoundary name="Input">
            <InputView />
            {/* Stacked layout only (app.css): the answer on the first screen, with the image. */}
            <PredictionLine />
          </PanelBoundary>
          <PanelBoundary name="Gallery">
            <SampleGallery />
          </PanelBoundary>
        </aside>
        <section className="column column-centre" data-testid="pathway-view" aria-label="Pathways">
          {/* The compare mode (docs/compare.md) takes the centre with its three views. */}
          <PanelBoundary name={comparing ? 'Compare view' : 'Pathway view'}>
            {comparing ? <CompareView /> : <PathwayView />}
          </PanelBoundary>
        </section>
        <aside className="column column-classes" aria-label="Classes">
          <PanelBoundary name="Prediction">
            <PredictionPanel />
          </PanelBoundary>
          <PanelBoundary name="Classes">
            <ClassView />
          </PanelBoundary>
          <PanelBoundary name="Network">
            <ModelCardPanel />
          </PanelBoundary>
        </aside>
      </main>
      <PanelBoundary name="Analyses">
        <AnalysesArea />
      </PanelBoundary>
    </div>
  );
}
