// What a presentation clicker or keyboard key does in lecture mode. Pure, so the rules are tested
// without a browser (lecture-keys.test.ts).

export type StepAction = 'next' | 'previous' | 'first' | 'last';
export type LectureAction = StepAction | 'fullscreen';

const ACTIONS: Record<string, LectureAction> = {
  ArrowRight: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  f: 'fullscreen',
  F: 'fullscreen',
};

export interface KeyInfo {
  key: string;
  /** Another handler (a focused control: the input cursor, a Sankey node, playback) took it. */
  defaultPrevented: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element's tag name (upper case) and whether it is editable. */
  targetTag: string;
  targetEditable: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
// Space and Enter belong to a focused button, link or summary: they activate it.
const ACTIVATABLE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

export function lectureAction(e: KeyInfo): LectureAction | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.targetEditable || TYPING_TAGS.has(e.targetTag)) return null;
  if (e.key === ' ' && ACTIVATABLE_TAGS.has(e.targetTag)) return null;
  return ACTIONS[e.key] ?? null;
}

/** The next reveal step (null = every column) after `action`, for `columns` columns. */
export function stepReveal(
  reveal: number | null,
  columns: number,
  action: StepAction,
): number | null {
  if (columns < 1) return reveal;
  const current = Math.min(reveal ?? columns, columns);
  const next =
    action === 'first'
      ? 1
      : action === 'last'
        ? columns
        : action === 'next'
          ? current + 1
          : Math.max(1, current - 1);
  return next >= columns ? null : next;
}
