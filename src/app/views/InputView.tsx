// The input panel connected to the store: selection, hover, tools, drawing and upload. Drawn and
// uploaded images are quantised when committed, so a copied link reproduces exactly what was
// computed (src/lib/image-codec.ts). The panel takes the loaded model's input geometry; uploads
// find a digit's ink only for the built-in models' 28×28 grey input, and are resized plainly for
// any other model.
import { useCallback, useMemo } from 'react';
import { InputPanel } from '../../components/input/InputPanel';
import { useSubjectWords } from '../../components/shell/use-subject-words';
import type { DrawPhase } from '../../components/input/types';
import { brushScale } from '../../lib/brush';
import { PERF_BASELINE } from '../../lib/perf-baseline';
import { subjectWords } from '../../lib/dataset-words';
import { quantizeImage } from '../../lib/image-codec';
import { selectClassNames, selectTrueLabel } from '../../state/selectors';
import { appStore, useAppState } from '../../state/store';
import type { ImageSource, LoadStatus } from '../../state/types';
import { SHIPPED_INPUT, sameShape, valueCount } from '../../state/input-shape';

const NO_PIXELS: readonly number[] = [];

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

/**
 * What the panel waits for before there is an image, or null to offer the canvas: a built-in
 * model's gallery always comes (or fails); an own model's is optional, so once the model has
 * loaded (or failed) without one, the canvas is the input.
 */
function waitingFor(
  hasImage: boolean,
  ownModel: boolean,
  samples: LoadStatus,
  model: LoadStatus,
): 'sample' | 'model' | null {
  if (hasImage) return null;
  if (!ownModel) return samples === 'error' ? null : 'sample';
  if (samples === 'loading') return 'sample';
  return model === 'ready' || model === 'error' ? null : 'model';
}

export function InputView() {
  const image = useAppState((s) => s.image);
  const input = useAppState((s) => s.input);
  // The canvas offered when the gallery cannot load: nothing to show, but something to draw on.
  const blank = useMemo(() => new Float32Array(valueCount(input)), [input]);
  const selection = useAppState((s) => s.selection);
  const hoverPixel = useAppState((s) => s.hoverPixel);
  const mode = useAppState((s) => s.inputMode);
  // The store keeps the brush size on the 28-pixel scale it started on; shown and drawn scaled to
  // this image (lib/brush.ts brushScale), so a brush keeps its share of the picture across models.
  const brushSize = useAppState((s) => s.brushSize);
  const scale = brushScale(input.width, input.height);
  // An own model (a URL or local files; store.ts customModelUrl) may take 28×28 grey images of
  // anything: only the built-in models' pictures are digits or garments drawn in ink.
  const ownModel = useAppState((s) => s.customModelUrl !== null);
  const builtInInput = !ownModel && sameShape(input, SHIPPED_INPUT);
  const names = useAppState(selectClassNames);
  const trueLabel = useAppState(selectTrueLabel);
  const samplesStatus = useAppState((s) => s.samples.status);
  const modelStatus = useAppState((s) => s.model.status);
  const galleryFailed = samplesStatus === 'error';
  const modelWords = useSubjectWords();
  const words = input.channels === 3 ? subjectWords('', ownModel, input.channels) : modelWords;
  const actions = appStore.getState();

  const onDraw = useCallback((pixels: Float32Array, phase: DrawPhase) => {
    // Strokes in progress are painted by the canvas itself; the model sees finished strokes.
    if (phase === 'end') appStore.getState().setImage(quantizeImage(pixels), { kind: 'drawn' });
  }, []);
  const onUpload = useCallback((pixels: Float32Array, name: string) => {
    appStore.getState().setImage(quantizeImage(pixels), { kind: 'uploaded', name });
  }, []);

  const waiting = waitingFor(image !== null, ownModel, samplesStatus, modelStatus);
  const caption = image
    ? describe(image.source, trueLabel === null ? null : (names[trueLabel] ?? String(trueLabel)))
    : waiting === 'sample'
      ? 'Loading the first sample…'
      : waiting === 'model'
        ? 'Loading the model…'
        : galleryFailed
          ? 'No sample could be loaded. Draw here with the Brush, or Upload… a picture.'
          : 'This model brought no sample images: draw here with the Brush, or Upload… a picture.';

  if (waiting) {
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
      image={image?.pixels ?? blank}
      width={input.width}
      height={input.height}
      channels={input.channels}
      selectedPixels={selection?.pixels ?? NO_PIXELS}
      hoverPixel={hoverPixel}
      // Pending until its pathways answer, so that both reach the screen in one frame
      // (view-types.ts pendingSelection); ?perf=baseline commits at once, as before.
      onSelect={(_, region) =>
        PERF_BASELINE ? actions.select(region) : actions.proposeSelection(region)
      }
      // Its pathways are asked for while the button is down (press-ahead.ts).
      onPress={PERF_BASELINE ? undefined : actions.pressSelection}
      onHover={actions.setHoverPixel}
      mode={mode}
      onModeChange={actions.setInputMode}
      brushSize={brushSize * scale}
      onBrushSizeChange={(size) => actions.setBrushSize(size / scale)}
      onDraw={onDraw}
      onUpload={onUpload}
      uploadConversion={builtInInput ? 'ink' : 'resize'}
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
