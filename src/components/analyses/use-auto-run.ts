// Runs a per-image analysis whenever what it is about (its key) changes, after a short pause so
// that dragging a slider or a patch sends one request per pause, not one per pixel moved.
import { useEffect, useRef } from 'react';
import { useAnalyses } from '../../state/analyses-store';
import type { RunId } from '../../state/analyses-types';

export function useAutoRun(id: RunId, key: string | null, start: () => void, delayMs = 150): void {
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  const runKey = useAnalyses((s) => s.runs[id].key);
  useEffect(() => {
    // The same key again (e.g. after a cancel) does not rerun by itself: the user asks.
    if (key === null || key === runKey) return;
    const timer = setTimeout(() => startRef.current(), delayMs);
    return () => clearTimeout(timer);
  }, [key, runKey, delayMs]);
}
