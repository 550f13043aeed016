import { useAppState } from '../state/store';
import type { Notice } from '../state/types';

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss?: () => void }) {
  // Errors interrupt screen readers; warnings and info wait their turn.
  const role = notice.level === 'error' ? 'alert' : 'status';
  return (
    <div className={`notice notice-${notice.level}`} role={role} data-notice-id={notice.id}>
      <span className="notice-icon" aria-hidden="true">
        {notice.level === 'error' ? '!' : notice.level === 'warning' ? '⚠' : 'i'}
      </span>
      <p className="notice-text">{notice.text}</p>
      {onDismiss && (
        <button type="button" className="notice-close" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

/** Notices from the store, plus the model's load error, which stays until a model loads. */
export function Notices() {
  const notices = useAppState((s) => s.notices);
  const dismiss = useAppState((s) => s.dismissNotice);
  const modelError = useAppState((s) => (s.model.status === 'error' ? s.model.error : null));
  if (notices.length === 0 && !modelError) return null;
  return (
    <div className="notices" data-testid="notices">
      {modelError && (
        <div className="notice notice-error" role="alert" data-testid="error">
          <span className="notice-icon" aria-hidden="true">
            !
          </span>
          <p className="notice-text">
            {modelError} The gallery still works; pick another model to try again.
          </p>
        </div>
      )}
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} onDismiss={() => dismiss(n.id)} />
      ))}
    </div>
  );
}
