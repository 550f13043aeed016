// What is compared: the kind (two pixels, two classes, two images) and B's side of it: B's pixel
// picked on the image, B's class, or B's image (a gallery sample, or the current image kept as B
// before drawing over A). Controlled: the connected view (src/app/views/CompareView.tsx) passes
// the store's values and actions.
import { useId, useState } from 'react';
import type { PixelRegion } from '../../lib/selection';
import { regionPixels } from '../../lib/selection';
import type { CompareKind } from '../../state/compare-url';
import type { CompareImageSource } from '../../state/compare-types';
import { InputCanvas } from '../input/InputCanvas';

const KIND_LABELS: Record<CompareKind, string> = {
  pixels: 'Two pixels',
  classes: 'Two classes',
  images: 'Two images',
};

export interface CompareControlsProps {
  kind: CompareKind;
  onKindChange: (kind: CompareKind) => void;
  onClose: () => void;
  /** The image B's pixel is picked on (A's image, or B's own). */
  imageB: Float32Array | null;
  width: number;
  height: number;
  /** 1 = grey, 3 = RGB (NHWC), as the model reads the image. */
  channels: number;
  regionB: PixelRegion | null;
  onPickB: (region: PixelRegion) => void;
  /** A press on B's picker, before its release (asked for ahead: press-ahead.ts). */
  onPressB?: (region: PixelRegion) => void;
  classNames: readonly string[];
  classB: number | null;
  onClassB: (classIndex: number) => void;
  sourceB: CompareImageSource | null;
  sampleCount: number;
  onSampleB: (index: number) => void;
  onKeepCurrent: () => void;
  /** A and B trade places (the link follows). */
  onSwap: () => void;
  /** Why they cannot now (shown beside the disabled button), or null. */
  swapBlocker: string | null;
}

const SWAP_WHAT: Record<CompareKind, string> = {
  pixels: 'A takes B’s pixel and B takes A’s',
  classes: 'A follows B’s class and B follows A’s',
  images: 'A reads B’s image and B reads A’s',
};

export function describeSource(source: CompareImageSource | null): string {
  if (!source) return 'no image yet';
  return source.kind === 'sample'
    ? `gallery sample ${source.index}`
    : `the ${source.variant} image`;
}

const NO_PIXELS: readonly number[] = [];

export function CompareControls(props: CompareControlsProps) {
  const { kind, classNames, width } = props;
  const swapNoteId = useId();
  const [hover, setHover] = useState<number | null>(null);
  const [sample, setSample] = useState('');
  const sampleIndex = Number(sample);
  const sampleOk = /^\d+$/.test(sample) && sampleIndex < props.sampleCount;
  return (
    <div className="cmp-controls">
      <fieldset className="cmp-kind">
        <legend>Compare</legend>
        {(Object.keys(KIND_LABELS) as CompareKind[]).map((k) => (
          <label key={k} data-checked={k === kind}>
            <input
              type="radio"
              name="cmp-kind"
              checked={k === kind}
              onChange={() => props.onKindChange(k)}
            />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      {kind === 'pixels' && props.imageB && (
        <div className="cmp-pick" data-testid="compare-pick-b">
          <InputCanvas
            image={props.imageB}
            width={width}
            height={props.height}
            channels={props.channels}
            selectedPixels={props.regionB ? regionPixels(props.regionB, width) : NO_PIXELS}
            hoverPixel={hover}
            onSelect={(_, region) => props.onPickB(region)}
            onPress={props.onPressB}
            onHover={setHover}
            mode="select"
            displaySize={112}
            label="Pick B's pixel"
          />
          <p className="small">
            A is the pixel selected on the input image; click here for B’s pixel (or drag a
            rectangle).
          </p>
        </div>
      )}
      {kind === 'classes' && (
        <label className="cmp-field">
          B’s class
          <select
            value={props.classB ?? ''}
            onChange={(e) => props.onClassB(Number(e.target.value))}
            data-testid="compare-class-b"
          >
            {props.classB === null && <option value="">…</option>}
            {classNames.map((n, c) => (
              <option key={c} value={c}>
                {c} · {n}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'images' && (
        <div className="cmp-images">
          <p className="small" data-testid="compare-source-b">
            B is {describeSource(props.sourceB)}.
          </p>
          <form
            className="cmp-field"
            onSubmit={(e) => {
              e.preventDefault();
              if (sampleOk) props.onSampleB(sampleIndex);
            }}
          >
            <label>
              Gallery sample for B
              <input
                inputMode="numeric"
                value={sample}
                size={5}
                aria-invalid={sample !== '' && !sampleOk}
                onChange={(e) => setSample(e.target.value.trim())}
              />
            </label>
            <button type="submit" disabled={!sampleOk}>
              Use as B
            </button>
          </form>
          <button type="button" onClick={props.onKeepCurrent}>
            Keep the current image as B
          </button>
        </div>
      )}
      <div className="cmp-actions">
        <div className="cmp-swap">
          <button
            type="button"
            onClick={props.onSwap}
            disabled={props.swapBlocker !== null}
            title={SWAP_WHAT[kind]}
            aria-describedby={props.swapBlocker ? swapNoteId : undefined}
            data-testid="compare-swap"
          >
            <span aria-hidden="true">⇄</span> Swap A and B
          </button>
          {props.swapBlocker && (
            <span className="small" id={swapNoteId} data-testid="compare-swap-note">
              {props.swapBlocker}
            </span>
          )}
        </div>
        <button type="button" className="cmp-close" onClick={props.onClose}>
          Close compare
        </button>
      </div>
    </div>
  );
}
