import { useEffect } from 'react';
import { InputPreview } from '../components/shell/InputPreview';
import { ModelCardPanel } from '../components/shell/ModelCardPanel';
import { PredictionPanel } from '../components/shell/PredictionPanel';
import { SampleGallery } from '../components/shell/SampleGallery';
import { Header } from './Header';
import { Notices } from './Notices';
import { PanelBoundary } from './PanelBoundary';
import { PathwayView } from './PathwayView';
import { startSession } from './session';
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
            <InputPreview />
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
          <PanelBoundary name="Network">
            <ModelCardPanel />
          </PanelBoundary>
        </aside>
      </main>
    </div>
  );
}
