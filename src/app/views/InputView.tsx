// The input panel connected to the store: selection, hover, tools, drawing and upload. Drawn and
// uploaded images are quantised when committed, so a copied link reproduces exactly what was
// computed (src/lib/image-codec.ts).
import { useCallback } from 'react';
import { InputPanel } from '../../components/input/InputPanel';
import { useSubjectWords } from '../../components/shell/use-subject-words';
import type { DrawPhase } from '../../components/input/types';
import { quantizeImage } from '../../lib/image-codec';
import { selectClassNames, selectTrueLabel } from '../../state/selectors';
import { appStore, useAppState } from '../../state/store';
import type { ImageSource } from '../../state/types';
import { INPUT_HEIGHT, INPUT_WIDTH } from '../../state/view-store';

const NO_PIXELS: readonly number[] = [];
/** The canvas offered when the gallery cannot load: nothing to show, but something to draw on. */
const BLANK = new Float32Array(INPUT_WIDTH * INPUT_HEIGHT);

function describe(source: ImageSource, label: string | null): string {
  switch (source.kind) {
    case 'sample':
      return label === null ? `Sample ${source.index}` : `Sample ${source.index} · label ${label}`;
    case 'drawn':
      return 'Your drawing';
    case 'uploaded':
      return source.name ? `Uploaded: ${source.name}` : 'Uploaded image';
  }
}

export function InputView() {
  const image = useAppState((s) => s.image);
  const selection = useAppState((s) => s.selection);
  const hoverPixel = useAppState((s) => s.hoverPixel);
  const mode = useAppState((s) => s.inputMode);
  const brushSize = useAppState((s) => s.brushSize);
  const names = useAppState(selectClassNames);
  const trueLabel = useAppState(selectTrueLabel);
  const galleryFailed = useAppState((s) => s.samples.status === 'error');
  const words = useSubjectWords();
  const actions = appStore.getState();

  const onDraw = useCallback((pixels: Float32Array, phase: DrawPhase) => {
    // Strokes in progress are painted by the canvas itself; the model sees finished strokes.
    if (phase === 'end') appStore.getState().setImage(quantizeImage(pixels), { kind: 'drawn' });
  }, []);
  const onUpload = useCallback((pixels: Float32Array, name: string) => {
    appStore.getState().setImage(quantizeImage(pixels), { kind: 'uploaded', name });
  }, []);

  const caption = image
    ? describe(image.source, trueLabel === null ? null : (names[trueLabel] ?? String(trueLabel)))
    : galleryFailed
      ? 'No sample could be loaded. Draw here with the Brush, or Upload… a picture.'
      : 'Loading the first sample…';

  if (!image && !galleryFailed) {
    return (
      <section className="pl-panel pl-input-panel" aria-label="Input image">
        <h2>Input image</h2>
        <p className="pl-input-caption" data-testid="input-caption">
          {caption}
        </p>
      </section>
    );
  }
  return (
    <InputPanel
      image={image?.pixels ?? BLANK}
      width={INPUT_WIDTH}
      height={INPUT_HEIGHT}
      selectedPixels={selection?.pixels ?? NO_PIXELS}
      hoverPixel={hoverPixel}
      onSelect={(_, region) => actions.select(region)}
      onHover={actions.setHoverPixel}
      mode={mode}
      onModeChange={actions.setInputMode}
      brushSize={brushSize}
      onBrushSizeChange={actions.setBrushSize}
      onDraw={onDraw}
      onUpload={onUpload}
      displaySize={224}
      words={words}
      caption={
        <p className="pl-input-caption" data-testid="input-caption">
          {caption}
        </p>
      }
    />
  );
}
