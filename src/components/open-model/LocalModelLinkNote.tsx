// Says, wherever the app hands out a link, that a model opened from files does not travel with it:
// the link names the model by its hash (src/storage/local-model-id.ts), and whoever opens it
// needs the same files.
import { useAppState } from '../../state/store';
import { isLocalModelUrl } from '../../storage/local-model-id';

export const LOCAL_LINK_NOTE =
  'This link shows a model opened from files: whoever opens it needs the same files (model.json and its weights) to see it.';

/** The note, or nothing while the model on screen is not one from files. */
export function LocalModelLinkNote({ className = '' }: { className?: string }) {
  const local = useAppState((s) => isLocalModelUrl(s.customModelUrl));
  if (!local) return null;
  return (
    <span className={`local-link-note small ${className}`} data-testid="local-link-note">
      {LOCAL_LINK_NOTE}
    </span>
  );
}
