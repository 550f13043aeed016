// Lecture mode's page-wide keys: step the pathway layer by layer with what presentation clickers
// send (ArrowLeft/Right, PageUp/Down, Space; Home/End for the first and the last step) and toggle
// full screen with 'f'. The step is the Sankey's playback `reveal` in the store, so the playback
// control and the link follow it.
import { useEffect } from 'react';
import { sankeyColumnCount } from '../../layout/sankey-columns';
import { selectShownPathways } from '../../state/selectors-view';
import { appStore, useAppState } from '../../state/store';
import { toggleFullscreen } from './fullscreen';
import { lectureAction, stepReveal } from './lecture-keys';

export function LectureKeys() {
  const result = useAppState(selectShownPathways);
  const poolMode = useAppState((s) => s.sankey.poolMode);
  // The Sankey's columns are the steps; counting them needs no graph (PathwayView builds that).
  const columns = sankeyColumnCount(result, poolMode);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = lectureAction({
        key: e.key,
        defaultPrevented: e.defaultPrevented,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        targetTag: target?.tagName ?? '',
        targetEditable: target?.isContentEditable ?? false,
      });
      if (!action) return;
      e.preventDefault();
      if (action === 'fullscreen') return toggleFullscreen();
      const { reveal, setReveal } = appStore.getState();
      setReveal(stepReveal(reveal, columns, action));
    };
    // Bubble phase on the document: React's own handlers (focused controls) run first and mark
    // the keys they use with preventDefault.
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [columns]);

  return null;
}
