import { useEffect, useRef, useState } from 'react';
import { flushUrlSync, linkImageFits } from '../../state/url-sync';
import { useAppState } from '../../state/store';
import { LocalModelLinkNote } from '../open-model/LocalModelLinkNote';

type Copied = 'idle' | 'copied' | 'manual';

/**
 * Copies the page's link, which holds the whole view (image, selection, class, settings). Where
 * the clipboard is unavailable (insecure origin, denied permission) it shows the link in a
 * selected text field to copy by hand.
 */
export function CopyLinkButton() {
  const [state, setState] = useState<Copied>('idle');
  // A drawn or uploaded image larger than a link holds (url-sync.ts) is left out of it.
  const imageTravels = useAppState((s) => linkImageFits(s.image));
  const [link, setLink] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (state === 'manual') field.current?.select();
  }, [state]);

  const copy = async () => {
    // The address bar trails the store by a moment; make sure it holds the view on screen.
    flushUrlSync();
    const href = location.href;
    setLink(href);
    window.clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(href);
      setState('copied');
      timer.current = window.setTimeout(() => setState('idle'), 2000);
    } catch {
      setState('manual');
    }
  };

  return (
    <span className="copy-link" data-testid="copy-link" data-state={state}>
      <button type="button" className="copy-link-button" onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : 'Copy link'}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'The link to this view was copied.' : ''}
      </span>
      {/* A model opened from files does not travel with the link: say so once it is copied. */}
      {state !== 'idle' && <LocalModelLinkNote className="copy-link-note" />}
      {state !== 'idle' && !imageTravels && (
        <span className="local-link-note small copy-link-note" data-testid="image-link-note">
          This image is too detailed to fit in a link: the link opens the model without it.
        </span>
      )}
      {state === 'manual' && (
        <span className="copy-link-manual">
          <label>
            <span className="visually-hidden">Link to this view</span>
            <input
              ref={field}
              type="text"
              readOnly
              value={link}
              data-testid="copy-link-field"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <span className="muted small">Press Ctrl+C (⌘C) to copy.</span>
          <button type="button" className="link-button" onClick={() => setState('idle')}>
            Close
          </button>
        </span>
      )}
    </span>
  );
}
