import { useRef, useState, type ReactNode } from 'react';
import { brushSizesFor, snapBrushSize } from '../../lib/brush';
import type { Rgb01 } from '../../lib/colour-brush';
import '../maps/common.css';
import type { SubjectWords } from '../../lib/dataset-words';
import { InputCanvas, type InputCanvasProps } from './InputCanvas';
import { InputToolbar } from './InputToolbar';
import { PixelReadout } from './PixelReadout';
import type { InputMode } from '../../state/view-types';
import type { DrawHandler, SelectHandler } from './types';
import { UploadDialog, type UploadConversion } from './UploadDialog';
import './toolbar.css';

export interface InputPanelProps {
  /** H×W×C values in [0, 1], NHWC. */
  image: Float32Array;
  width: number;
  height: number;
  /** 1 (grey, the default) or 3 (RGB). */
  channels?: number;
  selectedPixels: readonly number[];
  hoverPixel: number | null;
  onSelect: SelectHandler;
  /** A press in select mode, before its release (InputCanvas). */
  onPress?: InputCanvasProps['onPress'];
  onHover: (pixel: number | null) => void;
  mode: InputMode;
  onModeChange: (mode: InputMode) => void;
  /** Brush diameter in pixels of this image (its range scales with the image, lib/brush.ts). */
  brushSize?: number;
  onBrushSizeChange?: (size: number) => void;
  /** Receives drawn strokes and the cleared image (phase 'end'); without it the input is fixed. */
  onDraw?: DrawHandler;
  /** An applied upload, already converted to the model's grid; defaults to onDraw(image, 'end'). */
  onUpload?: (image: Float32Array, fileName: string) => void;
  /**
   * How an uploaded picture becomes the input: 'ink' (the default) finds a digit's strokes as
   * MNIST was made, for the built-in models; 'resize' scales the picture plainly, for any other.
   */
  uploadConversion?: UploadConversion;
  /** Hide drawing, clearing and upload (e.g. a lecture link that fixes the image). */
  readOnly?: boolean;
  displaySize?: number;
  /** Heading level text; the shell may rename the panel. */
  title?: string;
  /** Where the image came from (e.g. "Sample 3 · label 3"), shown under the heading. */
  caption?: ReactNode;
  /** Hints and tool tips in the dataset's words (src/lib/dataset-words.ts; default: digits). */
  words?: Pick<SubjectWords, 'noun' | 'valueHint' | 'drawHint' | 'brushTitle' | 'eraserTitle'>;
}

const WHITE: Rgb01 = [1, 1, 1];

/**
 * The input view: tools, the enlarged image and a plain-language readout. Controlled: the image,
 * selection, hover and mode live with the caller. Only transient UI state (the file being
 * previewed, and the brush size when the caller does not control it) lives here.
 */
export function InputPanel(props: InputPanelProps) {
  const { image, width, height, mode, readOnly = false, onDraw } = props;
  const channels = props.channels ?? 1;
  const brushSizes = brushSizesFor(width, height);
  const [localBrush, setLocalBrush] = useState<number>(brushSizes.initial);
  const brushSize = snapBrushSize(props.brushSize ?? localBrush, brushSizes);
  // The colour brush starts white: the brightest value on the black (zero) background.
  const [colour, setColour] = useState<Rgb01>(WHITE);
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const editable = !readOnly && onDraw !== undefined;

  return (
    <section className="pl-panel pl-input-panel" aria-label={props.title ?? 'Input image'}>
      <h2>{props.title ?? 'Input image'}</h2>
      {props.caption}
      {/* Both hints take the same place (the longer one sets its height), so switching tools
          never moves the canvas. */}
      <p className="pl-explain pl-input-hint">
        <span data-inactive={mode !== 'select' || undefined}>
          Click a pixel (or drag a rectangle) to follow its signal through the network.{' '}
          {props.words?.valueHint ?? 'Darker means more ink; the white background is 0.'}
        </span>
        {editable && (
          <span data-inactive={mode === 'select' || undefined}>
            {props.words?.drawHint ??
              'Draw a digit with the brush; the network recomputes when you lift the pen.'}
          </span>
        )}
      </p>
      <InputToolbar
        mode={mode}
        onModeChange={props.onModeChange}
        brushSize={brushSize}
        onBrushSizeChange={props.onBrushSizeChange ?? setLocalBrush}
        brushSizes={brushSizes}
        colour={channels === 3 ? { value: colour, onChange: setColour } : undefined}
        allowDrawing={editable}
        titles={{ draw: props.words?.brushTitle, erase: props.words?.eraserTitle }}
        // Clear is all zeros: white paper on a grey image, black on a colour one; either way the
        // background that carries no pathway.
        onClear={
          editable ? () => onDraw(new Float32Array(width * height * channels), 'end') : undefined
        }
        onUpload={editable ? () => fileInput.current?.click() : undefined}
      />
      <InputCanvas
        image={image}
        width={width}
        height={height}
        channels={channels}
        selectedPixels={props.selectedPixels}
        hoverPixel={props.hoverPixel}
        onSelect={props.onSelect}
        onPress={props.onPress}
        onHover={props.onHover}
        mode={editable ? mode : 'select'}
        onDraw={onDraw}
        brushSize={brushSize}
        brushColour={colour}
        displaySize={props.displaySize}
      />
      <PixelReadout
        image={image}
        width={width}
        channels={channels}
        selectedPixels={props.selectedPixels}
        hoverPixel={props.hoverPixel}
        noun={props.words?.noun}
      />
      {editable && (
        <>
          <input
            ref={fileInput}
            type="file"
            accept="image/png,image/jpeg"
            className="pl-sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              // Reset so choosing the same file again still fires a change.
              e.currentTarget.value = '';
            }}
          />
          <UploadDialog
            file={file}
            width={width}
            height={height}
            channels={channels}
            conversion={props.uploadConversion ?? 'ink'}
            onApply={(img) =>
              props.onUpload ? props.onUpload(img, file?.name ?? '') : onDraw(img, 'end')
            }
            onClose={() => setFile(null)}
            noun={props.words?.noun}
          />
        </>
      )}
    </section>
  );
}
