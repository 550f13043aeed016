// The image the per-image analyses work on, with the class their probabilities are read for and a
// key that changes whenever the answer would (model, image, label).
import { useMemo } from 'react';
import type { InputShape } from '../../state/input-shape';
import { selectTrueLabel } from '../../state/selectors';
import { useAppState } from '../../state/store';

export interface CurrentInput {
  /** H×W×C float32 in [0, 1], NHWC: the model's input. */
  pixels: Float32Array;
  height: number;
  width: number;
  /** 1 (grey) or 3 (RGB). */
  channels: number;
  /** The same geometry as one object, for the image edits (src/analysis/images.ts). */
  shape: InputShape;
  /** The gallery label, or null for drawn images (the worker then reads the prediction's class). */
  label: number | null;
  modelUrl: string;
  key: string;
}

export function useCurrentInput(): CurrentInput | null {
  const image = useAppState((s) => s.image);
  const label = useAppState(selectTrueLabel);
  const summary = useAppState((s) => (s.model.status === 'ready' ? s.model.summary : null));
  return useMemo(() => {
    if (!image || !summary?.pathways.supported) return null;
    const [height, width, channels] = summary.inputShape;
    // An image of the previous model's geometry, until the store has replaced it.
    if (image.pixels.length !== height * width * channels) return null;
    return {
      pixels: image.pixels,
      height,
      width,
      channels,
      shape: { height, width, channels },
      label,
      modelUrl: summary.url,
      key: `${summary.url}|${image.version}|${label ?? 'p'}`,
    };
  }, [image, label, summary]);
}

/** Why there is nothing to analyse yet, for the placeholder. */
export function useInputPlaceholder(): string {
  return useAppState((s) => {
    if (s.model.status === 'error')
      return 'The model could not be loaded, so there is nothing to analyse.';
    if (s.model.status !== 'ready') return 'Waiting for the model…';
    if (s.model.summary && !s.model.summary.pathways.supported)
      return `Pathways are unavailable for this model: ${s.model.summary.pathways.reason}`;
    return 'Pick or draw an image first.';
  });
}
