// The Fullscreen API, guarded: it is missing in some embedded browsers and rejects without a
// user gesture, and neither should break the page.
export function isFullscreen(): boolean {
  return typeof document !== 'undefined' && document.fullscreenElement !== null;
}

export function toggleFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement) {
    void document.exitFullscreen?.().catch(() => undefined);
  } else if (root.requestFullscreen) {
    void root.requestFullscreen().catch(() => undefined);
  }
}
