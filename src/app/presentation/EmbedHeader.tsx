// The header of an embedded view: a small title and a link to the full page (same view, without
// `embed`), opened outside the iframe.
import { flushUrlSync } from '../../state/url-sync';

function fullViewHref(): string {
  const url = new URL(location.href);
  url.searchParams.delete('embed');
  return url.toString();
}

// The address bar trails the store by a moment: bring it up to date when the link is used.
function refresh(e: { currentTarget: HTMLAnchorElement }): void {
  flushUrlSync();
  e.currentTarget.href = fullViewHref();
}

export function EmbedHeader() {
  return (
    <header className="app-header embed-header">
      <p className="embed-title">Pathway Lens</p>
      <a
        href={fullViewHref()}
        target="_blank"
        rel="noopener"
        data-testid="embed-full-view"
        onClick={refresh}
        onFocus={refresh}
        onPointerEnter={refresh}
      >
        Open full view
      </a>
    </header>
  );
}
