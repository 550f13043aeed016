import { parseHexColour, toHexColour, type Rgb01 } from '../../lib/colour-brush';

interface ColourPickerProps {
  colour: Rgb01;
  onChange: (colour: Rgb01) => void;
  /** Laid out but hidden and out of the tab order (the eraser and Select need no colour). */
  inactive?: boolean;
}

/**
 * Full-strength colours: they survive the link's 16 levels per channel exactly
 * (src/lib/image-codec.ts), so what is painted is what the network reads.
 */
export const BRUSH_SWATCHES: ReadonlyArray<{ name: string; colour: Rgb01 }> = [
  { name: 'White', colour: [1, 1, 1] },
  { name: 'Black', colour: [0, 0, 0] },
  { name: 'Red', colour: [1, 0, 0] },
  { name: 'Green', colour: [0, 1, 0] },
  { name: 'Blue', colour: [0, 0, 1] },
  { name: 'Yellow', colour: [1, 1, 0] },
];

/**
 * The colour brush's colour: a few swatches (toggle buttons, so the current one is announced as
 * pressed) and the browser's own colour chooser for any other colour (its well shows the current
 * colour, ringed when it is none of the swatches).
 */
export function ColourPicker({ colour, onChange, inactive = false }: ColourPickerProps) {
  const current = toHexColour(colour);
  const isSwatch = BRUSH_SWATCHES.some((s) => toHexColour(s.colour) === current);
  return (
    <div
      className="pl-toolbar-group pl-colour-picker"
      role="group"
      aria-label="Brush colour"
      data-inactive={inactive || undefined}
      aria-hidden={inactive || undefined}
      data-testid="brush-colour"
      data-colour={current}
    >
      <span className="pl-colour-title" aria-hidden="true">
        Colour
      </span>
      {BRUSH_SWATCHES.map((s) => {
        const hex = toHexColour(s.colour);
        return (
          <button
            key={s.name}
            type="button"
            className="pl-swatch"
            aria-label={s.name}
            title={s.name}
            aria-pressed={hex === current}
            disabled={inactive}
            style={{ background: hex }}
            onClick={() => onChange(s.colour)}
          />
        );
      })}
      <input
        type="color"
        className="pl-swatch-other"
        aria-label="Other colour"
        title="Other colour…"
        data-current={!isSwatch || undefined}
        value={current}
        disabled={inactive}
        onChange={(e) => {
          const picked = parseHexColour(e.currentTarget.value);
          if (picked) onChange(picked);
        }}
      />
    </div>
  );
}
