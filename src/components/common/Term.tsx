// A technical term with its explanation one click (or hover, or focus) away: the term, then a small
// ⓘ button whose tooltip holds the gloss (src/lib/glossary.ts). The gloss is the button's
// accessible description, so screen readers hear it on focus; Escape or leaving closes it.
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { GLOSSARY, type GlossaryId } from '../../lib/glossary';
import './term.css';

export interface TermProps {
  id: GlossaryId;
  /** What is written before the button (default: the glossary's term). */
  children?: ReactNode;
}

export function Term({ id, children }: TermProps) {
  const entry = GLOSSARY[id];
  const tipId = useId();
  const [open, setOpen] = useState(false);
  const [shift, setShift] = useState(0);
  const tip = useRef<HTMLSpanElement>(null);

  // Keep the open tooltip inside the window: the term may sit at the page's right edge.
  useLayoutEffect(() => {
    if (!open || !tip.current) return;
    const rect = tip.current.getBoundingClientRect();
    const room = document.documentElement.clientWidth - 8;
    const left = rect.left - shift;
    setShift(left + rect.width > room ? Math.max(8 - left, room - rect.width - left) : 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shift` is read, not tracked: one measurement per opening
  }, [open]);

  return (
    <span className="pl-term" data-open={open || undefined}>
      {children ?? entry.term}
      <button
        type="button"
        className="pl-term-button"
        aria-label={`What is “${entry.term}”?`}
        aria-describedby={tipId}
        aria-expanded={open}
        onClick={() => setOpen(true)}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      >
        <span aria-hidden="true">i</span>
      </button>
      <span
        ref={tip}
        id={tipId}
        role="tooltip"
        className="pl-term-tip"
        style={shift ? { transform: `translateX(${shift}px)` } : undefined}
      >
        <strong>{entry.term}</strong>: {entry.text}
      </span>
    </span>
  );
}
