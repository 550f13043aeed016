import { useAppState } from '../state/store';

/**
 * The centre of the page, reserved for the pathway visualizer (Sankey, feature maps). Until it
 * is wired in, it explains what will appear here.
 */
export function PathwayView() {
  const status = useAppState((s) => s.model.status);
  return (
    <div className="pathway-placeholder">
      <h2>Pixel pathways</h2>
      <p>
        Select a pixel of the input to follow its diffusion, layer by layer, through the feature
        maps to each class.
      </p>
      <p className="muted small">
        {status === 'ready'
          ? 'The model is ready.'
          : status === 'error'
            ? 'No model is loaded.'
            : 'The model is loading; the gallery already works.'}
      </p>
    </div>
  );
}
