import { useId, type ReactNode } from 'react';
import { BRUSH_SIZES, type BrushSizes } from '../../lib/brush';
import type { Rgb01 } from '../../lib/colour-brush';
import { ColourPicker } from './ColourPicker';
import { BrushIcon, ClearIcon, EraserIcon, SelectIcon, UploadIcon } from './icons';
import type { InputMode } from '../../state/view-types';
import './toolbar.css';

interface InputToolbarProps {
  mode: InputMode;
  onModeChange: (mode: InputMode) => void;
  brushSize: number;
  onBrushSizeChange: (size: number) => void;
  /** The size slider's range (default BRUSH_SIZES, for 28 px images: lib/brush.ts brushSizesFor). */
  brushSizes?: BrushSizes;
  /** The colour brush of an RGB input; without it the brush paints grey ink. */
  colour?: { value: Rgb01; onChange: (colour: Rgb01) => void };
  /** Without a handler the button is hidden (e.g. a lecture link that locks the image). */
  onClear?: () => void;
  onUpload?: () => void;
  /** Hide the drawing tools (a read-only sample). */
  allowDrawing?: boolean;
  /** Tooltips of the brush and the eraser, in the dataset's words. */
  titles?: { draw?: string; erase?: string };
}

const MODES: Array<{ mode: InputMode; label: string; icon: ReactNode; title: string }> = [
  {
    mode: 'select',
    label: 'Select',
    icon: <SelectIcon />,
    title: 'Click a pixel or drag a rectangle',
  },
  { mode: 'draw', label: 'Brush', icon: <BrushIcon />, title: 'Draw strokes like an MNIST digit' },
  { mode: 'erase', label: 'Eraser', icon: <EraserIcon />, title: 'Erase ink' },
];

/** Mode switch, brush size, clear and upload, with icons and visible text. */
export function InputToolbar(props: InputToolbarProps) {
  const { mode, brushSize, allowDrawing = true } = props;
  const sizes = props.brushSizes ?? BRUSH_SIZES;
  const sizeId = useId();
  const modes = (allowDrawing ? MODES : MODES.slice(0, 1)).map((m) =>
    m.mode === 'select' ? m : { ...m, title: props.titles?.[m.mode] ?? m.title },
  );
  // The brush size (last, under Clear and Upload) keeps its place while Select is on (hidden,
  // not removed), so switching tools never moves the canvas below.
  const sizeInactive = mode === 'select';
  return (
    <div className="pl-toolbar" role="toolbar" aria-label="Input tools">
      {modes.length > 1 && (
        <div className="pl-toolbar-group" role="group" aria-label="Tool">
          {modes.map((m) => (
            <button
              key={m.mode}
              type="button"
              className="pl-button"
              aria-pressed={mode === m.mode}
              title={m.title}
              onClick={() => props.onModeChange(m.mode)}
            >
              {m.icon}
              {m.label}
            </button>
          ))}
        </div>
      )}
      <div className="pl-toolbar-group pl-toolbar-end">
        {allowDrawing && props.onClear && (
          <button type="button" className="pl-button" onClick={props.onClear}>
            <ClearIcon />
            Clear
          </button>
        )}
        {props.onUpload && (
          <button type="button" className="pl-button" onClick={props.onUpload}>
            <UploadIcon />
            Upload…
          </button>
        )}
      </div>
      {allowDrawing && (
        <div
          className="pl-toolbar-group pl-brush-size"
          data-inactive={sizeInactive || undefined}
          aria-hidden={sizeInactive || undefined}
          data-testid="brush-size"
        >
          <label htmlFor={sizeId}>Size</label>
          <input
            id={sizeId}
            type="range"
            min={sizes.min}
            max={sizes.max}
            step={sizes.step}
            value={brushSize}
            disabled={sizeInactive}
            aria-valuetext={`${brushSize} pixels`}
            onChange={(e) => props.onBrushSizeChange(Number(e.currentTarget.value))}
          />
          <output htmlFor={sizeId}>{brushSize} px</output>
        </div>
      )}
      {allowDrawing && props.colour && (
        <ColourPicker
          colour={props.colour.value}
          onChange={props.colour.onChange}
          inactive={mode !== 'draw'}
        />
      )}
    </div>
  );
}
