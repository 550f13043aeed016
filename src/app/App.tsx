import { useEffect } from 'react';
import { AnalysesArea } from '../components/analyses/AnalysesArea';
import { ModelCardPanel } from '../components/shell/ModelCardPanel';
import { PredictionPanel } from '../components/shell/PredictionPanel';
import { SampleGallery } from '../components/shell/SampleGallery';
import { Header } from './Header';
import { Notices } from './Notices';
import { PanelBoundary } from './PanelBoundary';
import { startSession } from './session';
import { ClassView } from './views/ClassView';
import { InputView } from './views/InputView';
import { PathwayView } from './views/PathwayView';
import './app.css';

/** Arranges the panels; the session (src/app/session) does the work. */
export function App() {
  useEffect(() => {
    startSession();
  }, []);

  return (
    <div className="app">
      <Header />
      <Notices />
      <main className="app-main">
        <aside className="column column-input" aria-label="Input">
          <PanelBoundary name="Input">
            <InputView />
          </PanelBoundary>
          <PanelBoundary name="Gallery">
            <SampleGallery />
          </PanelBoundary>
        </aside>
        <section className="column column-centre" data-testid="pathway-view" aria-label="Pathways">
          <PanelBoundary name="Pathway view">
            <PathwayView />
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
