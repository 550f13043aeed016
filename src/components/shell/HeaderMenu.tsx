// One "⋯ More" button that holds header controls a room does not need to see (lecture mode): a
// disclosure, not an ARIA menu, as it holds a status line and a badge besides buttons. Its panel
// stays mounted while closed (hidden), so a dialog opened from it (the lesson dialog) keeps its
// state; Escape and a click outside close it, unless a dialog opened from it is open.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface HeaderMenuProps {
  /** The button's text (after a "⋯"), also the panel's accessible name. */
  label?: string;
  children: ReactNode;
}

const dialogOpen = () => document.querySelector('dialog[open]') !== null;

export function HeaderMenu({ label = 'More', children }: HeaderMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || dialogOpen()) return;
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && root.current?.contains(e.target)) return;
      if (!dialogOpen()) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="header-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="header-menu"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⋯ </span>
        {label}
      </button>
      <div
        id={panelId}
        className="header-menu-panel"
        role="group"
        aria-label={label}
        hidden={!open}
      >
        {children}
      </div>
    </div>
  );
}
