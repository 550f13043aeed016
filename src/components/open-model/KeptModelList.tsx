// The models this browser keeps (src/storage/local-models.ts): name, size and date, each with Open
// and Remove (one click: the files are the user's own and can be opened again).
import { useCallback, useEffect, useState } from 'react';
import { useAppState } from '../../state/store';
import { parseLocalModelAddress } from '../../storage/local-model-id';
import {
  listKeptModels,
  onKeptModelsChange,
  removeKeptModel,
  type KeptModel,
} from '../../storage/local-models';

type Listing =
  | { status: 'loading' }
  | { status: 'ready'; models: KeptModel[] }
  | { status: 'error'; reason: string };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export interface KeptModelListProps {
  /** Listed afresh each time the dialog opens. */
  active: boolean;
  onOpen(model: KeptModel): void;
}

export function KeptModelList({ active, onOpen }: KeptModelListProps) {
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const currentId = useAppState((s) => parseLocalModelAddress(s.customModelUrl)?.id ?? null);

  const refresh = useCallback(() => {
    listKeptModels().then(
      (models) => setListing({ status: 'ready', models }),
      (error: unknown) =>
        setListing({
          status: 'error',
          reason: error instanceof Error ? error.message : String(error),
        }),
    );
  }, []);

  useEffect(() => {
    if (!active) return;
    refresh();
    return onKeptModelsChange(refresh);
  }, [active, refresh]);

  const remove = (model: KeptModel) => {
    setProblem(null);
    removeKeptModel(model.hash).catch((error: unknown) =>
      setProblem(
        `“${model.name}” could not be removed: ${error instanceof Error ? error.message : String(error)}.`,
      ),
    );
  };

  if (listing.status === 'loading') return <p className="muted small">Reading the kept models…</p>;
  if (listing.status === 'error') {
    return (
      <p className="muted small" data-testid="kept-models-error">
        This browser cannot keep models here: {listing.reason}. Opened models still work until the
        page is reloaded.
      </p>
    );
  }
  if (listing.models.length === 0) {
    return (
      <p className="muted small" data-testid="kept-models-empty">
        None yet: every model you open from files is kept here, so that a reload (even offline)
        finds it again.
      </p>
    );
  }
  return (
    <>
      <ul className="kept-models" data-testid="kept-models">
        {listing.models.map((model) => (
          <li key={model.hash} data-kept-id={model.id}>
            <span className="kept-model-name">
              {model.name}
              {model.id === currentId && <span className="muted"> (open)</span>}
            </span>
            <span className="muted small">
              {formatBytes(model.bytes)} · {formatDate(model.savedAt)}
            </span>
            <span className="kept-model-actions">
              <button
                type="button"
                onClick={() => onOpen(model)}
                aria-label={`Open ${model.name}`}
                disabled={model.id === currentId}
              >
                Open
              </button>
              <button
                type="button"
                onClick={() => remove(model)}
                aria-label={`Remove ${model.name}`}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="open-model-error small" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
