import { useEffect, useRef } from 'react';
import { useAppState } from '../../state/store';
import { selectClassNames, selectTrueLabel } from '../../state/selectors';
import type { ImageSource } from '../../state/types';
import { drawGrey } from './gray-canvas';

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

/** The image the model sees now, enlarged, with where it came from. */
export function InputPreview() {
  const image = useAppState((s) => s.image);
  const names = useAppState(selectClassNames);
  const trueLabel = useAppState(selectTrueLabel);
  const set = useAppState((s) => s.samples.set);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = set?.width ?? 28;
  const height = set?.height ?? 28;

  useEffect(() => {
    if (canvas.current && image) drawGrey(canvas.current, image.pixels, width, height, 1);
  }, [image, width, height]);

  const caption = image
    ? describe(image.source, trueLabel === null ? null : (names[trueLabel] ?? String(trueLabel)))
    : 'Loading the first sample…';
  return (
    <section className="panel input-preview" aria-labelledby="input-title">
      <h2 id="input-title">Input</h2>
      <figure>
        <canvas
          ref={canvas}
          width={width}
          height={height}
          className="input-canvas"
          role="img"
          aria-label={caption}
          data-testid="input-preview"
          data-ready={image ? 'true' : 'false'}
        />
        <figcaption data-testid="input-caption">{caption}</figcaption>
      </figure>
    </section>
  );
}
