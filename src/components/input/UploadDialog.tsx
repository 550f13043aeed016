import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { gridDisplay } from '../../lib/grid-display';
import {
  analyzeImage,
  type CropBox,
  type FitMode,
  type ImageAnalysis,
} from '../../lib/image-convert';
import type { ResizeFit } from '../../lib/image-resize';
import { paintImage } from '../../lib/raster';
import { RasterCanvas } from '../maps/RasterCanvas';
import { ImageFileError, decodeImageFile, type DecodedFile } from './decode-file';
import { convertUpload, type UploadConversion } from './upload-conversion';
import { UploadCrop } from './UploadCrop';
import { InkOptions, ResizeOptions } from './UploadOptions';

export type { UploadConversion } from './upload-conversion';

interface UploadDialogProps {
  /** The chosen file; the dialog opens while it is non-null. */
  file: File | null;
  /** Model input size. */
  width: number;
  height: number;
  /** 1 (grey, the default) or 3 (RGB). */
  channels?: number;
  /**
   * 'ink' (the default): find a digit's strokes and fit them as MNIST was made, for the built-in
   * models. 'resize': scale the picture plainly to the grid, for every other model.
   */
  conversion?: UploadConversion;
  onApply: (image: Float32Array) => void;
  onClose: () => void;
  /** What the image shows, in the dataset's words (src/lib/dataset-words.ts; default 'digit'). */
  noun?: string;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      decoded: DecodedFile;
      /** The ink analysis (the 'ink' conversion only). */
      analysis: ImageAnalysis | null;
    };

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
 * box next to exactly the grid the network will read (quantised as the link keeps it). For the
 * built-in models it finds the digit's (or garment's) ink, with the detected polarity (invert),
 * the fitting rule, and warnings that say what to do when it comes out small or faint
 * (docs/reliability.md, "Uploads", lists every refusal). For any other model it resizes the
 * picture plainly (letterbox, fill or stretch), in colour for an RGB model.
 */
export function UploadDialog(props: UploadDialogProps) {
  const { file, width, height, onApply, onClose } = props;
  const channels = props.channels ?? 1;
  const conversion = props.conversion ?? 'ink';
  const ink = conversion === 'ink';
  const colour = channels === 3;
  const noun = props.noun ?? 'digit';
  // Digits are ink on paper; other images (clothes) have a subject on a white background.
  const marked = !ink
    ? colour
      ? 'not black (0)'
      : 'not 0 (darker = larger, white = 0)'
    : noun === 'digit'
      ? 'with ink (darker = more ink, white = 0)'
      : `on the ${noun} (darker = larger, white = 0)`;
  const ref = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [invert, setInvert] = useState(false);
  const [inkFit, setInkFit] = useState<FitMode>('mnist');
  const [resizeFit, setResizeFit] = useState<ResizeFit>('letterbox');
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
        const analysis = ink ? analyzeImage(decoded.rgba) : null;
        // The ink conversion starts from the detected polarity; a plain resize from the picture.
        setInvert(analysis?.suggestInvert ?? false);
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
  }, [file, ink]);

  const ready = loaded.status === 'ready' ? loaded : null;
  const result = useMemo(() => {
    if (!ready) return null;
    const area = shownCrop ?? undefined;
    return ready.analysis
      ? convertUpload(
          { conversion: 'ink', analysis: ready.analysis, invert, fit: inkFit },
          width,
          height,
          area,
        )
      : convertUpload(
          {
            conversion: 'resize',
            picture: ready.decoded.rgba,
            channels,
            invert,
            fit: resizeFit,
          },
          width,
          height,
          area,
        );
  }, [ready, width, height, channels, invert, inkFit, resizeFit, shownCrop]);
  // Exactly what the network will read: the committed image is quantised the same way.
  const grid = result?.ok ? result.grid : null;
  const preview = useMemo(() => (grid ? paintImage(grid, channels) : null), [grid, channels]);
  const shown = gridDisplay(width, height, PREVIEW);

  const close = () => {
    ref.current?.close();
  };

  const picture = ready?.decoded.rgba;
  const wholeCrop: CropBox | null = picture
    ? { x: 0, y: 0, w: picture.width, h: picture.height }
    : null;
  const activeCrop = crop ?? wholeCrop;
  const kindName = ready?.decoded.kind === 'png' ? 'PNG' : 'JPEG';
  const suggested = ready?.analysis?.suggestInvert ?? false;
  const boxMeaning = ink
    ? `, the dashed line the ${noun === 'digit' ? 'ink' : noun} found`
    : resizeFit === 'fill'
      ? ', the dashed line the part that fills the grid'
      : '';

  return (
    <dialog ref={ref} className="pl-panel pl-upload" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Use a picture as input</h2>
      <p className="pl-explain">
        {ink
          ? `The network reads ${width}×${height} grey pixels with bright strokes on a black (zero) background. Choose the part of the picture to read, then check the grid on the right.`
          : `The network reads ${width}×${height} ${colour ? 'colour (RGB)' : 'grey'} pixels; 0 (${colour ? 'black' : 'shown white'}) is the background, which carries no pathway. Choose the part of the picture to read and how it fits the grid, then check the grid on the right.`}
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
                inkBox={result?.ok ? result.box : null}
                maxWidth={260}
                maxHeight={200}
              />
              <figcaption>Your picture: the box is what the network reads{boxMeaning}.</figcaption>
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
                  displayWidth={shown.width}
                  displayHeight={shown.height}
                  className="pl-upload-result"
                  style={shown.smooth ? { imageRendering: 'auto' } : undefined}
                />
              ) : (
                <div
                  className="pl-upload-result pl-upload-empty"
                  style={{ width: shown.width, height: shown.height }}
                />
              )}
              <figcaption data-testid="upload-grid-caption">
                What the network sees: exactly these {width}×{height} pixels
                {result?.ok && `, ${result.nonZero} ${marked}`}
              </figcaption>
            </figure>
          </div>
          <div className="pl-upload-crop-actions">
            {ink && (
              <button
                type="button"
                className="pl-button"
                disabled={!result?.ok || !result.box}
                onClick={() => {
                  if (result?.ok && result.box)
                    setCrop(cropAround(result.box, picture.width, picture.height));
                }}
              >
                Crop to the {noun}
              </button>
            )}
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
                  <li key={w.key}>{w.message}</li>
                ))}
              </ul>
            </div>
          )}
          {result && !result.ok && (
            <p className="pl-error" role="alert">
              {result.error}
            </p>
          )}
          {ink ? (
            <InkOptions
              name={titleId}
              invert={invert}
              onInvert={setInvert}
              suggested={suggested}
              fit={inkFit}
              onFit={setInkFit}
              width={width}
              height={height}
            />
          ) : (
            <ResizeOptions
              name={titleId}
              fit={resizeFit}
              onFit={setResizeFit}
              invert={invert}
              onInvert={setInvert}
              width={width}
              height={height}
            />
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
