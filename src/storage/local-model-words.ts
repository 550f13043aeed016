// Sentences about models opened from files that both the session (src/app/session/model-loader.ts)
// and the "Open model…" dialog (src/components/open-model) show, and the id of their notice.

/** The notice of a model the user opened (a failure, a link's missing files, keeping). */
export const OPEN_MODEL_NOTICE_ID = 'open-model';

/** For a link to a model from files that this browser does not keep. */
export function missingLocalModelText(name: string | null): string {
  const which = name ? ` (${name})` : '';
  return `This link shows a model opened from a file${which}. Open the same files to see it.`;
}
