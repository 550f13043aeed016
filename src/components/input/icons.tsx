/** Small line icons (16 px, currentColor). Decorative: every button also has visible text. */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const SelectIcon = () => (
  <Icon>
    <path d="M3 2.5l8.5 5-3.7.9 2.2 4-1.6.9-2.2-4L3.5 12z" />
  </Icon>
);

export const BrushIcon = () => (
  <Icon>
    <path d="M13.5 2.5l-6 6.5" />
    <path d="M7.6 8.9c-1.6-.5-3.3.4-3.6 2-.2 1.2-.8 2-2 2.6 2.4.5 4.7.2 5.6-1.4.6-1 .6-2.2 0-3.2z" />
  </Icon>
);

export const EraserIcon = () => (
  <Icon>
    <path d="M6 13.5h7.5" />
    <path d="M2.8 9.7l6.4-6.4a1.4 1.4 0 0 1 2 0l2.5 2.5a1.4 1.4 0 0 1 0 2l-5.7 5.7H5.6l-2.8-2.8a.7.7 0 0 1 0-1z" />
    <path d="M6.2 6.3l4.5 4.5" />
  </Icon>
);

export const ClearIcon = () => (
  <Icon>
    <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4" />
  </Icon>
);

export const UploadIcon = () => (
  <Icon>
    <path d="M8 10.5V2.5M5 5.5l3-3 3 3" />
    <path d="M2.5 10v3.5h11V10" />
  </Icon>
);
