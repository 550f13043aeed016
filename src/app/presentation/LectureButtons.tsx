// Header buttons of lecture mode: turn it on or off, and full screen (also the 'f' key).
import { useEffect, useState } from 'react';
import { appStore, useAppState } from '../../state/store';
import { isFullscreen, toggleFullscreen } from './fullscreen';

export function LectureButtons() {
  const mode = useAppState((s) => s.presentation.mode);
  const [full, setFull] = useState(isFullscreen);
  useEffect(() => {
    const update = () => setFull(isFullscreen());
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  const lecture = mode === 'lecture';
  return (
    <>
      <button
        type="button"
        className="header-button"
        aria-pressed={lecture}
        data-testid="lecture-toggle"
        onClick={() => appStore.getState().setMode(lecture ? 'normal' : 'lecture')}
      >
        Lecture mode
      </button>
      {lecture && (
        // The label says what a press does (it follows fullscreenchange, also after Esc).
        <button
          type="button"
          className="header-button"
          aria-keyshortcuts="f"
          data-testid="fullscreen-toggle"
          data-fullscreen={full}
          onClick={toggleFullscreen}
        >
          {full ? 'Exit full screen' : 'Full screen'}
        </button>
      )}
    </>
  );
}
