import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { quantizeImage } from '../../lib/image-codec';
import {
  analyzeImage,
  convertToModelInput,
  type CropBox,
  type FitMode,
  type ImageAnalysis,
} from '../../lib/image-convert';
import { paintGrey } from '../../lib/raster';
import { RasterCanvas } from '../maps/RasterCanvas';
import { ImageFileError, decodeImageFile, type DecodedFile } from './decode-file';
import { UploadCrop } from './UploadCrop';

interface UploadDialogProps {
  /** The chosen file; the dialog opens while it is non-null. */
  file: File | null;
  /** Model input size. */
  width: number;
  height: number;
  onApply: (image: Float32Array) => void;
  onClose: () => void;
  /** What the image shows, in the dataset's words (src/lib/dataset-words.ts; default 'digit'). */
  noun?: string;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; decoded: DecodedFile; analysis: ImageAnalysis };

const PREVIEW = 168;

/** The ink box with a margin (MNIST's 4 pixels around 20), as a crop box. */
function cropAround(box: [number, number, number, number], width: number, height: number): CropBox {
  const [r0, c0, r1, c1] = box;
  const side = Math.max(r1 - r0 + 1, c1 - c0 + 1);
  const margin = Math.round(side * 0.25);
  const x = Math.max(0, c0 - margin);
  const y = Math.max(0, r0 - margin);
  return {
    x,
    y,
    w: Math.min(width, c1 + margin + 1) - x,
    h: Math.min(height, r1 + margin + 1) - y,
  };
}

/**
 * Shows what an uploaded picture becomes before it replaces the input: the picture with a crop
 * box next to exactly the 28×28 grid the network will read (quantised as the link keeps it),
 * with the detected polarity (invert), the fitting rule, and warnings that say what to do when
 * the digit comes out small or faint. docs/reliability.md, "Uploads", lists every refusal.
 */
export function UploadDialog(props: UploadDialogProps) {
  const { file, width, height, onApply, onClose } = props;
  const noun = props.noun ?? 'digit';
  // Digits are ink on paper; other images (clothes) have a subject on a white background.
  const marked =
    noun === 'digit'
      ? 'with ink (darker = more ink, white = 0)'
      : `on the ${noun} (darker = larger, white = 0)`;
  const ref = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [invert, setInvert] = useState(false);
  const [fit, setFit] = useState<FitMode>('mnist');
  const [crop, setCrop] = useState<CropBox | null>(null);
  const titleId = useId();
  // Dragging the box stays smooth: the conversion (tens of ms) follows the latest box.
  const shownCrop = useDeferredValue(crop);

  useEffect(() => {
    const dialog = ref.current;
    if (!file || !dialog) return;
    if (!dialog.open) dialog.showModal();
    let cancelled = false;
    setLoaded({ status: 'loading' });
    setCrop(null);
    decodeImageFile(file)
      .then((decoded) => {
        if (cancelled) return;
        const analysis = analyzeImage(decoded.rgba);
        setInvert(analysis.suggestInvert);
        setLoaded({ status: 'ready', decoded, analysis });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        const message =
          e instanceof ImageFileError
            ? e.message
            : 'The picture could not be read. Choose another PNG or JPEG file.';
        setLoaded({ status: 'error', message });
      });
    return () => {
      cancelled = true;
    };
  }, [file]);

  const ready = loaded.status === 'ready' ? loaded : null;
  const result = useMemo(
    () =>
      ready
        ? convertToModelInput(ready.analysis, width, height, {
            invert,
            fit,
            crop: shownCrop ?? undefined,
          })
        : null,
    [ready, width, height, invert, fit, shownCrop],
  );
  // Exactly what the network will read: the committed image is quantised the same way.
  const grid = useMemo(() => (result?.ok ? quantizeImage(result.image) : null), [result]);
  const preview = useMemo(() => (grid ? paintGrey(grid, 1, 0.08) : null), [grid]);

  const close = () => {
    ref.current?.close();
  };

  const picture = ready?.decoded.rgba;
  const wholeCrop: CropBox | null = picture
    ? { x: 0, y: 0, w: picture.width, h: picture.height }
    : null;
  const activeCrop = crop ?? wholeCrop;
  const kindName = ready?.decoded.kind === 'png' ? 'PNG' : 'JPEG';
  const suggested = ready?.analysis.suggestInvert ?? false;

  return (
    <dialog ref={ref} className="pl-panel pl-upload" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Use a picture as input</h2>
      <p className="pl-explain">
        The network reads {width}×{height} grey pixels with bright strokes on a black (zero)
        background. Choose the part of the picture to read, then check the grid on the right.
      </p>
      {loaded.status === 'loading' && <p aria-live="polite">Reading the picture…</p>}
      {loaded.status === 'error' && (
        <p className="pl-error" role="alert">
          {loaded.message}
        </p>
      )}
      {ready && picture && activeCrop && (
        <>
          <p className="pl-upload-info">
            {kindName}, {ready.decoded.originalWidth}×{ready.decoded.originalHeight} pixels
            {picture.width !== ready.decoded.originalWidth &&
              `, read at ${picture.width}×${picture.height}`}
            .
          </p>
          <div className="pl-upload-previews">
            <figure>
              <UploadCrop
                image={picture}
                crop={activeCrop}
                onCrop={setCrop}
                inkBox={result?.ok ? result.sourceBox : null}
                maxWidth={260}
                maxHeight={200}
              />
              <figcaption>
                Your picture: the box is what the network reads, the dashed line the{' '}
                {noun === 'digit' ? 'ink' : noun} found.
              </figcaption>
            </figure>
            <span aria-hidden="true" className="pl-upload-arrow">
              →
            </span>
            <figure>
              {preview ? (
                <RasterCanvas
                  rgba={preview}
                  width={width}
                  height={height}
                  displayWidth={PREVIEW}
                  displayHeight={PREVIEW}
                  className="pl-upload-result"
                />
              ) : (
                <div
                  className="pl-upload-result pl-upload-empty"
                  style={{ width: PREVIEW, height: PREVIEW }}
                />
              )}
              <figcaption data-testid="upload-grid-caption">
                What the network sees: exactly these {width}×{height} pixels
                {result?.ok && `, ${result.inkPixels} ${marked}`}
              </figcaption>
            </figure>
          </div>
          <div className="pl-upload-crop-actions">
            <button
              type="button"
              className="pl-button"
              disabled={!result?.ok}
              onClick={() => {
                if (result?.ok)
                  setCrop(cropAround(result.sourceBox, picture.width, picture.height));
              }}
            >
              Crop to the {noun}
            </button>
            <button
              type="button"
              className="pl-button"
              disabled={crop === null}
              onClick={() => setCrop(null)}
            >
              Whole picture
            </button>
          </div>
          {result?.ok && result.warnings.length > 0 && (
            <div className="pl-upload-warnings" role="status">
              <p>The network may misread this:</p>
              <ul>
                {result.warnings.map((w) => (
                  <li key={w.kind}>{w.message}</li>
                ))}
              </ul>
            </div>
          )}
          {result && !result.ok && (
            <p className="pl-error" role="alert">
              {result.error}
            </p>
          )}
          <fieldset className="pl-upload-options">
            <legend className="pl-sr-only">Conversion options</legend>
            <label>
              <input
                type="checkbox"
                checked={invert}
                onChange={(e) => setInvert(e.currentTarget.checked)}
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
                name={`${titleId}-fit`}
                checked={fit === 'mnist'}
                onChange={() => setFit('mnist')}
              />{' '}
              Like MNIST: fit into a 20×20 box, centre by centre of mass
            </label>
            <label>
              <input
                type="radio"
                name={`${titleId}-fit`}
                checked={fit === 'contain'}
                onChange={() => setFit('contain')}
              />{' '}
              Fill the whole {width}×{height} grid, keeping the aspect ratio
            </label>
          </fieldset>
        </>
      )}
      <div className="pl-upload-actions">
        <button type="button" className="pl-button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="pl-button pl-primary"
          disabled={!grid}
          onClick={() => {
            if (grid) onApply(grid);
            close();
          }}
        >
          Use this input
        </button>
      </div>
    </dialog>
  );
}
