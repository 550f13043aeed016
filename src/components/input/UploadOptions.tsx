// The upload dialog's conversion options: the built-in models' ink options (invert, MNIST fit)
// and the plain resize's fit options for every other model.
import type { FitMode } from '../../lib/image-convert';
import type { ResizeFit } from '../../lib/image-resize';

interface InkOptionsProps {
  /** Unique prefix for the radio group's name. */
  name: string;
  invert: boolean;
  onInvert: (invert: boolean) => void;
  /** What the picture looked like: dark strokes on light paper. */
  suggested: boolean;
  fit: FitMode;
  onFit: (fit: FitMode) => void;
  width: number;
  height: number;
}

export function InkOptions(props: InkOptionsProps) {
  const { name, invert, suggested, fit, width, height } = props;
  return (
    <fieldset className="pl-upload-options">
      <legend className="pl-sr-only">Conversion options</legend>
      <label>
        <input
          type="checkbox"
          checked={invert}
          onChange={(e) => props.onInvert(e.currentTarget.checked)}
        />{' '}
        Invert (dark strokes on light paper)
      </label>
      <span className="pl-explain">
        {suggested
          ? 'Detected: dark strokes on light paper, so it is inverted.'
          : 'Detected: bright strokes on a dark background, so it is used as it is.'}
        {invert !== suggested && ' You changed this.'}
      </span>
      <label>
        <input
          type="radio"
          name={`${name}-fit`}
          checked={fit === 'mnist'}
          onChange={() => props.onFit('mnist')}
        />{' '}
        Like MNIST: fit into a 20×20 box, centre by centre of mass
      </label>
      <label>
        <input
          type="radio"
          name={`${name}-fit`}
          checked={fit === 'contain'}
          onChange={() => props.onFit('contain')}
        />{' '}
        Fill the whole {width}×{height} grid, keeping the aspect ratio
      </label>
    </fieldset>
  );
}

interface ResizeOptionsProps {
  name: string;
  fit: ResizeFit;
  onFit: (fit: ResizeFit) => void;
  invert: boolean;
  onInvert: (invert: boolean) => void;
  width: number;
  height: number;
}

const FITS: ReadonlyArray<{ fit: ResizeFit; label: string; detail: string }> = [
  {
    fit: 'letterbox',
    label: 'Fit (letterbox)',
    detail: 'all of it, proportions kept, the rest of the grid 0 (background)',
  },
  {
    fit: 'fill',
    label: 'Fill (crop)',
    detail: 'the whole grid, proportions kept, the overhang trimmed evenly',
  },
  {
    fit: 'stretch',
    label: 'Stretch',
    detail: 'all of it onto the whole grid, proportions changed',
  },
];

export function ResizeOptions(props: ResizeOptionsProps) {
  const { name, fit, invert, width, height } = props;
  return (
    <fieldset className="pl-upload-options">
      <legend>
        How the part in the box fits the {width}×{height} grid
      </legend>
      {FITS.map((f) => (
        <label key={f.fit}>
          <input
            type="radio"
            name={`${name}-fit`}
            value={f.fit}
            checked={fit === f.fit}
            onChange={() => props.onFit(f.fit)}
          />{' '}
          <strong>{f.label}</strong>: {f.detail}
        </label>
      ))}
      <label>
        <input
          type="checkbox"
          checked={invert}
          onChange={(e) => props.onInvert(e.currentTarget.checked)}
        />{' '}
        Invert (each value becomes 1 − value)
      </label>
    </fieldset>
  );
}
