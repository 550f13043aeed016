import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useAppState } from '../../state/store';
import { groupByClass, nextFocusIndex, visibleIndices } from './gallery-groups';
import { SampleThumb } from './SampleThumb';

const COLLAPSED_PER_CLASS = 8;
const COLUMNS = 8;

/** Test images grouped by class; click (or Enter) one to make it the input. */
export function SampleGallery() {
  const samples = useAppState((s) => s.samples);
  const source = useAppState((s) => s.image?.source);
  const selectSample = useAppState((s) => s.selectSample);
  // An own model's gallery is optional (samples.json and samples.bin beside it, docs/own-model.md).
  const ownWithout = useAppState(
    (s) =>
      s.customModelUrl !== null &&
      s.model.status === 'ready' &&
      s.samples.status === 'idle' &&
      s.samples.set === null,
  );
  const [expanded, setExpanded] = useState(false);
  const set = samples.set;
  const groups = useMemo(() => (set ? groupByClass(set.labels, set.classNames) : []), [set]);
  const selected = source?.kind === 'sample' ? source.index : null;
  // Digits fit beside their row; longer names (Fashion-MNIST) go above it.
  const inlineNames = groups.every((g) => g.name.length <= 2);
  const perClass = expanded ? Infinity : COLLAPSED_PER_CLASS;
  // Roving tab stop: the gallery is one Tab stop; arrow keys move inside it.
  const rows = groups.map((g) => visibleIndices(g.indices, perClass, selected));
  const visible = rows.flat();
  const tabStop = selected !== null && visible.includes(selected) ? selected : visible[0];

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [
      ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-sample-index]'),
    ];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const next = nextFocusIndex(event.key, current, buttons.length, COLUMNS);
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  }, []);

  return (
    <section className="panel gallery" aria-labelledby="gallery-title" data-testid="gallery">
      <div className="panel-head">
        <h2 id="gallery-title">Test samples</h2>
        {set && (
          <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
            {expanded ? `Show ${COLLAPSED_PER_CLASS} per class` : `Show all ${set.count}`}
          </button>
        )}
      </div>
      {samples.status === 'loading' && <p className="muted">Loading samples…</p>}
      {ownWithout && (
        <p className="muted" data-testid="gallery-none">
          This model came without sample images: draw or upload the input instead. (A gallery comes
          from a samples.json and samples.bin opened with the model’s files, or served beside its
          model.json.)
        </p>
      )}
      {samples.status === 'error' && (
        <p className="panel-error" role="alert" data-testid="gallery-error">
          {samples.error}
        </p>
      )}
      {set && (
        <div className="gallery-groups" data-inline-names={inlineNames} onKeyDown={onKeyDown}>
          {groups.map((group, g) => (
            <div
              key={group.classIndex}
              className="gallery-group"
              role="group"
              aria-label={`Class ${group.name}`}
            >
              <div className="gallery-class">{group.name}</div>
              <div className="gallery-grid">
                {(rows[g] ?? []).map((index) => (
                  <SampleThumb
                    key={index}
                    set={set}
                    index={index}
                    label={group.name}
                    selected={index === selected}
                    focusable={index === tabStop}
                    onPick={selectSample}
                  />
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
