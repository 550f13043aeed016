import { useAppState } from '../../state/store';
import { formatPercent } from './format';

/** What the loaded network is: its layers with output shapes, from the worker's summary. */
export function ModelCardPanel() {
  const summary = useAppState((s) => s.model.summary);
  const card = useAppState((s) => s.model.card);
  if (!summary) return null;
  return (
    <section className="panel model-card" aria-labelledby="model-card-title">
      <h2 id="model-card-title">Network</h2>
      {card?.title && <p className="model-card-title">{card.title}</p>}
      <table className="layer-table">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Output</th>
            <th scope="col" className="num">
              Params
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.layers.map((layer) => (
            <tr key={layer.name}>
              <td title={layer.className}>{layer.name}</td>
              <td className="shape">{layer.outputShape.join('×')}</td>
              <td className="num">{layer.parameterCount.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {card?.testAccuracy != null && (
        <p className="muted small">Test accuracy {formatPercent(card.testAccuracy)}</p>
      )}
    </section>
  );
}
