// Finding 1, first half: which feature maps matter for classification. Zero one whole map and see
// how much accuracy and true-class probability drop; ranked per layer. Shown from the cache made by
// `npm run reproduce`, or recomputed here on gallery samples.
import { useState } from 'react';
import type { LayerImportance } from '../../analysis/importance';
import { analysesStore, TOP_M, useAnalyses } from '../../state/analyses-store';
import { GalleryRunControls, useGalleryRun } from './GalleryRun';
import { formatNumber, pct } from './format';

type Measure = 'probability' | 'accuracy';
const ROWS = 8;

function LayerCard({ layer, measure, m }: { layer: LayerImportance; measure: Measure; m: number }) {
  const values = measure === 'probability' ? layer.probabilityDrop : layer.accuracyDrop;
  const max = Math.max(1e-9, ...values);
  const rows = layer.ranking.slice(0, ROWS);
  const rest = layer.channels - rows.length;
  const unit = layer.kind === 'dense' ? 'unit' : 'map';
  return (
    <figure className="an-card" data-layer={layer.name}>
      <figcaption>
        <strong>{layer.name}</strong> <span className="an-muted">{layer.channels} maps</span>
      </figcaption>
      <ol className="an-bars" aria-label={`${layer.name}, maps by importance`}>
        {rows.map((k, rank) => {
          const v = values[k] ?? 0;
          const top = rank < m;
          return (
            <li key={k} className={top ? 'an-bar-row is-top' : 'an-bar-row'}>
              <span className="an-bar-name">
                {unit} {k}
              </span>
              <span className="an-bar-track" aria-hidden="true">
                <span className="an-bar" style={{ width: `${(Math.max(0, v) / max) * 100}%` }} />
              </span>
              <span className="an-bar-value">
                {measure === 'probability' ? formatNumber(v, 2) : pct(v)}
              </span>
            </li>
          );
        })}
      </ol>
      {rest > 0 && <p className="an-note">+{rest} less important</p>}
    </figure>
  );
}

export function ImportanceView() {
  const importance = useAnalyses((s) => s.importance);
  const m = useAnalyses((s) => s.topM);
  const mark = useAnalyses((s) => s.markInSankey);
  const perClass = useAnalyses((s) => s.perClass);
  // A finished run becomes the importance shown (origin "recomputed"; the session does that).
  const { gallery, modelUrl, start } = useGalleryRun('importance', `${perClass}`, (g) => {
    const { set, count } = g.build(perClass);
    return { set, source: `${count} gallery samples (${perClass} per class), in the browser` };
  });
  const [measure, setMeasure] = useState<Measure>('probability');
  const result = importance.modelUrl === modelUrl ? importance.result : null;

  return (
    <div className="an-view">
      <p className="an-explain">
        A feature map is <em>important</em> when the network gets worse without it. Here each map
        (the whole channel, after its ReLU) is set to zero in turn, and we measure how much the
        accuracy and the probability of the true class drop on held-out images. The paper finds that
        a pixel’s largest pathways run through these maps; the top {m} of each layer are marked in
        the Sankey when “Mark” is on. Pooled maps are their conv maps pooled, so they rank alike.
      </p>
      <div className="an-controls">
        <fieldset className="an-segment">
          <legend className="an-sr">Bar length</legend>
          {(['probability', 'accuracy'] as const).map((v) => (
            <label key={v} data-checked={measure === v}>
              <input
                type="radio"
                name="an-imp-measure"
                checked={measure === v}
                onChange={() => setMeasure(v)}
              />
              {v === 'probability' ? 'Probability drop' : 'Accuracy drop'}
            </label>
          ))}
        </fieldset>
        <label className="an-field">
          Top
          <select
            value={m}
            onChange={(e) => analysesStore.getState().setTopM(Number(e.target.value))}
          >
            {Array.from({ length: TOP_M.max - TOP_M.min + 1 }, (_, i) => TOP_M.min + i).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
          maps per layer
        </label>
        <label className="an-check">
          <input
            type="checkbox"
            checked={mark}
            onChange={(e) => analysesStore.getState().setMarkInSankey(e.target.checked)}
          />
          Mark them in the Sankey
        </label>
      </div>
      <GalleryRunControls
        id="importance"
        testId="importance-recompute"
        disabled={!gallery}
        onRun={start}
        extra={
          importance.origin === 'recomputed' && (
            <button
              type="button"
              className="an-button an-button-quiet"
              onClick={() => analysesStore.getState().requestImportance()}
            >
              Use the cached ranking
            </button>
          )
        }
      >
        Recompute on {gallery ? perClass * gallery.classes : '…'} gallery samples
      </GalleryRunControls>
      {result ? (
        <>
          <p className="an-source" data-testid="importance-source" data-origin={importance.origin}>
            {importance.origin === 'cache' ? 'Cached, measured on the ' : 'Recomputed on '}
            {result.source ?? `${result.sampleSize} images`} · baseline accuracy{' '}
            {(result.baselineAccuracy * 100).toFixed(1)}% · ranked by {result.rankBy} drop.
          </p>
          <div className="an-grid">
            {result.layers.map((layer) => (
              <LayerCard key={layer.layer} layer={layer} measure={measure} m={m} />
            ))}
          </div>
        </>
      ) : (
        <p className="an-placeholder">
          {importance.status === 'loading' || importance.status === 'idle'
            ? 'Loading the cached importance…'
            : importance.status === 'error'
              ? importance.error
              : gallery
                ? 'This model has no cached importance. Recompute it on gallery samples above.'
                : 'This model has no cached importance, and without a sample set it cannot be measured here.'}
        </p>
      )}
    </div>
  );
}
