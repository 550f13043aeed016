import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  analyzeImage,
  convertToModelInput,
  type FitMode,
  type ImageAnalysis,
} from '../../lib/image-convert';
import { paintGrey } from '../../lib/raster';
import { RasterCanvas } from '../maps/RasterCanvas';
import { ImageFileError, decodeImageFile } from './decode-file';

interface UploadDialogProps {
  /** The chosen file; the dialog opens while it is non-null. */
  file: File | null;
  /** Model input size. */
  width: number;
  height: number;
  onApply: (image: Float32Array) => void;
  onClose: () => void;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; analysis: ImageAnalysis; url: string };

/**
 * Shows what an uploaded picture becomes before it replaces the input: the original next to the
 * 28×28 grey result, with invert (suggested when the paper is light) and the fitting rule.
 */
export function UploadDialog({ file, width, height, onApply, onClose }: UploadDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [invert, setInvert] = useState(false);
  const [fit, setFit] = useState<FitMode>('mnist');
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!file || !dialog) return;
    if (!dialog.open) dialog.showModal();
    let cancelled = false;
    const url = URL.createObjectURL(file);
    setLoaded({ status: 'loading' });
    decodeImageFile(file)
      .then((rgba) => {
        if (cancelled) return;
        const analysis = analyzeImage(rgba);
        setInvert(analysis.suggestInvert);
        setLoaded({ status: 'ready', analysis, url });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        const message =
          e instanceof ImageFileError
            ? e.message
            : 'The image could not be read. Please try another file.';
        setLoaded({ status: 'error', message });
      });
    return () => {
      cancelled = true;
      URL.revokeObjectURL(url);
    };
  }, [file]);

  const result = useMemo(
    () =>
      loaded.status === 'ready'
        ? convertToModelInput(loaded.analysis, width, height, { invert, fit })
        : null,
    [loaded, width, height, invert, fit],
  );
  const preview = useMemo(() => (result?.ok ? paintGrey(result.image, 1, 0.08) : null), [result]);

  const close = () => {
    ref.current?.close();
  };

  return (
    <dialog ref={ref} className="pl-panel pl-upload" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Use a picture as input</h2>
      <p className="pl-explain">
        The network reads {width}×{height} grey pixels with bright strokes on a black (zero)
        background. Check the result on the right before using it.
      </p>
      {loaded.status === 'loading' && <p aria-live="polite">Reading the picture…</p>}
      {loaded.status === 'error' && (
        <p className="pl-error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.status === 'ready' && (
        <>
          <div className="pl-upload-previews">
            <figure>
              <img src={loaded.url} alt="The uploaded picture" className="pl-upload-original" />
              <figcaption>Your picture</figcaption>
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
                  displayWidth={168}
                  displayHeight={168}
                  className="pl-upload-result"
                />
              ) : (
                <div
                  className="pl-upload-result pl-upload-empty"
                  style={{ width: 168, height: 168 }}
                />
              )}
              <figcaption>
                What the network sees
                {result?.ok && ` (${result.inkPixels} ink pixels; shown dark on white)`}
              </figcaption>
            </figure>
          </div>
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
            {loaded.analysis.suggestInvert && (
              <span className="pl-explain">
                {invert
                  ? 'Suggested: the background is light, so it is inverted.'
                  : 'The background looks light: inverting is suggested.'}
              </span>
            )}
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
          {result && !result.ok && (
            <p className="pl-error" role="alert">
              {result.error}
            </p>
          )}
        </>
      )}
      <div className="pl-upload-actions">
        <button type="button" className="pl-button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="pl-button pl-primary"
          disabled={!result?.ok}
          onClick={() => {
            if (result?.ok) onApply(result.image);
            close();
          }}
        >
          Use this input
        </button>
      </div>
    </dialog>
  );
}
