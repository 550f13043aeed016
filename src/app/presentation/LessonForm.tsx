// The choices of a lesson link: view, hidden controls, and the sample, pixel and class it opens
// on. Controlled: LessonDialog keeps the values.
import { useId, type ReactNode } from 'react';
import { CONTROL_LABELS, HIDEABLE_CONTROLS } from '../../state/presentation-url';
import type { LessonChoices, LessonView } from './lesson-link';

export interface LessonFormValues extends Omit<LessonChoices, 'pixel'> {
  /** The pixel as typed (`row,col`); checked by the dialog. */
  pixelText: string;
}

const VIEWS: { value: LessonView; label: string }[] = [
  { value: 'normal', label: 'Full page' },
  { value: 'lecture', label: 'Lecture mode' },
  { value: 'embed', label: 'Embedded (minimal)' },
];

export interface LessonFormProps {
  values: LessonFormValues;
  onChange: (values: LessonFormValues) => void;
  classNames: readonly string[];
  pixelError: string | null;
  /** The Sankey's column labels, one per lecture step (empty while there is no pathway). */
  steps: readonly string[];
  /** The preview to pick the pixel on (LessonPixelPicker). */
  picker?: ReactNode;
}

/** The starting step's options: each column revealed in turn, then every layer. */
function stepOptions(steps: readonly string[]): Array<{ value: string; label: string }> {
  const shown = steps.length > 1 ? steps.slice(0, -1) : ['input'];
  return [
    ...shown.map((label, i) => ({
      value: String(i + 1),
      label: i === 0 ? '1: the pixel only' : `${i + 1}: up to ${label}`,
    })),
    { value: '', label: 'every layer at once' },
  ];
}

export function LessonForm(props: LessonFormProps) {
  const { values, onChange, classNames, pixelError } = props;
  const id = useId();
  const set = (patch: Partial<LessonFormValues>) => onChange({ ...values, ...patch });
  const toggle = (c: (typeof HIDEABLE_CONTROLS)[number], on: boolean) =>
    set({ hide: HIDEABLE_CONTROLS.filter((h) => (h === c ? on : values.hide.includes(h))) });
  return (
    <div className="lesson-form">
      <fieldset>
        <legend>Opens as</legend>
        {VIEWS.map((v) => (
          <label key={v.value}>
            <input
              type="radio"
              name={`${id}-view`}
              value={v.value}
              checked={values.view === v.value}
              onChange={() => set({ view: v.value })}
            />{' '}
            {v.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Hide these controls</legend>
        {HIDEABLE_CONTROLS.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              name="hide"
              value={c}
              checked={values.hide.includes(c)}
              onChange={(e) => toggle(c, e.currentTarget.checked)}
            />{' '}
            {CONTROL_LABELS[c]}
          </label>
        ))}
      </fieldset>
      <div className="lesson-pick">
        <div className="lesson-fields">
          <label>
            Sample number
            <input
              type="number"
              min={0}
              max={99999}
              value={values.sample ?? ''}
              placeholder="current input"
              onChange={(e) => {
                const n = e.currentTarget.valueAsNumber;
                set({ sample: Number.isInteger(n) && n >= 0 ? n : null });
              }}
            />
          </label>
          <label>
            Pixel (row,col)
            <input
              type="text"
              value={values.pixelText}
              inputMode="numeric"
              aria-invalid={pixelError !== null}
              aria-describedby={pixelError ? `${id}-px-error` : undefined}
              onChange={(e) => set({ pixelText: e.currentTarget.value })}
            />
          </label>
          {pixelError && (
            <span id={`${id}-px-error`} className="lesson-error">
              {pixelError}
            </span>
          )}
          <label>
            Class
            <select
              value={values.targetClass ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                set({ targetClass: v === '' ? null : Number(v) });
              }}
            >
              <option value="">the predicted class</option>
              {classNames.map((name, i) => (
                <option key={i} value={i}>
                  {i}: {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Lecture starts at
            <select
              value={values.step === null ? '' : String(values.step)}
              disabled={values.view !== 'lecture'}
              aria-describedby={`${id}-step-note`}
              onChange={(e) => {
                const v = e.currentTarget.value;
                set({ step: v === '' ? null : Number(v) });
              }}
            >
              {stepOptions(props.steps).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <span id={`${id}-step-note`} className="lesson-note muted small">
            {values.view === 'lecture'
              ? 'The clicker’s first “next” reveals the next layer.'
              : 'Only a lecture link opens at a chosen step.'}
          </span>
        </div>
        {props.picker}
      </div>
    </div>
  );
}
