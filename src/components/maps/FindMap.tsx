// "Find a map": jump to a map by layer and number, for layers with more maps than a page shows
// (VGG-16: up to 64 here, 512 at full width). Finding a map pins it, so the large view shows it,
// its strip turns to its page and the Sankey highlights it where it is drawn.
import { useId, useState, type FormEvent } from 'react';
import type { PathwayLayerInfo } from '../../pathways/types';
import type { MapRef } from '../../lib/map-id';

export interface FindMapProps {
  layers: PathwayLayerInfo[];
  onFind: (map: MapRef) => void;
}

export function FindMap({ layers, onFind }: FindMapProps) {
  const id = useId();
  const [layerIndex, setLayerIndex] = useState(layers[0]?.index ?? 0);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const layer = layers.find((l) => l.index === layerIndex) ?? layers[0];
  if (!layer) return null;
  const unit = layer.height * layer.width > 1 ? 'map' : 'unit';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const k = Number(text);
    if (text.trim() === '' || !Number.isInteger(k) || k < 0 || k >= layer.channels) {
      setError(`${layer.name} has ${unit}s 0 to ${layer.channels - 1}.`);
      return;
    }
    setError(null);
    onFind({ layer: layer.index, channel: k });
  };

  return (
    <form className="pl-maps-find" onSubmit={submit} aria-label="Find a map" noValidate>
      <label htmlFor={`${id}-layer`}>Find a map:</label>
      <select
        id={`${id}-layer`}
        aria-label="Layer"
        value={layer.index}
        onChange={(e) => {
          setLayerIndex(Number(e.target.value));
          setError(null);
        }}
      >
        {layers.map((l) => (
          <option key={l.index} value={l.index}>
            {l.name} ({l.channels})
          </option>
        ))}
      </select>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={layer.channels - 1}
        aria-label={`${unit} number`}
        placeholder={`0–${layer.channels - 1}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="pl-button">
        Show
      </button>
      {error && (
        <span className="pl-maps-find-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
