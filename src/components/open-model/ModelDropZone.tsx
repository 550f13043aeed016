// Dropping model files, or their folder, anywhere on the page opens them; an overlay says so while
// they are dragged over it. Image drops stay the input panel's: a drag of images only is never
// claimed, and a drop is a model only when it holds a .json file or a folder (read-drop.ts).
// Listens on the window in the capture phase, so that a model drop never reaches the panels.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { appStore } from '../../state/store';
import { openChosenFiles, reportOpenProblem } from './open-model-actions';
import { dragMayHoldModel, readDrop, takeDrop } from './read-drop';

/** dragover repeats every few hundred ms while a drag is over the page; silence means it left. */
const DRAG_SILENCE_MS = 1500;

export function ModelDropZone() {
  const [dragging, setDragging] = useState(false);
  const silence = useRef<number | undefined>(undefined);

  useEffect(() => {
    const stop = () => {
      window.clearTimeout(silence.current);
      setDragging(false);
    };
    const onDrag = (event: DragEvent) => {
      if (!dragMayHoldModel(event.dataTransfer)) return;
      // Without this the browser would not let the drop happen (it would open the file instead).
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
      window.clearTimeout(silence.current);
      silence.current = window.setTimeout(stop, DRAG_SILENCE_MS);
    };
    const onLeave = (event: DragEvent) => {
      // Leaving one element for another inside the page reports where it went.
      if (event.relatedTarget === null) stop();
    };
    const onDrop = (event: DragEvent) => {
      stop();
      const transfer = event.dataTransfer;
      if (!transfer) return;
      const contents = takeDrop(transfer);
      const images = contents.files.every((f) => f.file.type.startsWith('image/'));
      // Images only are the input panel's. Other files without a model.json (shards alone) are
      // still answered here, with what is missing, instead of the browser opening them.
      if (!contents.isModel && images) return;
      event.preventDefault();
      event.stopPropagation();
      readDrop(contents).then(
        (files) => openChosenFiles(appStore, files),
        (error: unknown) =>
          reportOpenProblem(appStore, error instanceof Error ? error.message : String(error)),
      );
    };
    const options = { capture: true };
    window.addEventListener('dragenter', onDrag, options);
    window.addEventListener('dragover', onDrag, options);
    window.addEventListener('dragleave', onLeave, options);
    window.addEventListener('drop', onDrop, options);
    window.addEventListener('dragend', stop, options);
    return () => {
      stop();
      window.removeEventListener('dragenter', onDrag, options);
      window.removeEventListener('dragover', onDrag, options);
      window.removeEventListener('dragleave', onLeave, options);
      window.removeEventListener('drop', onDrop, options);
      window.removeEventListener('dragend', stop, options);
    };
  }, []);

  if (!dragging) return null;
  return createPortal(
    <div className="model-drop-overlay" data-testid="model-drop-overlay" aria-hidden="true">
      <p>Drop model.json and its weight files</p>
      <p className="small">or the folder they are in</p>
    </div>,
    document.body,
  );
}
