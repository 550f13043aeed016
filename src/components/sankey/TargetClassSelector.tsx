// Which class the flows are conserved towards. Null means "follow the prediction", so a link made
// without a class keeps tracking the model's answer as the input changes.
import { useId, useMemo } from 'react';

export interface TargetClassSelectorProps {
  classNames: readonly string[];
  /** Chosen class, or null for the predicted class. */
  value: number | null;
  predicted: number | null;
  onChange: (classIndex: number | null) => void;
  label?: string;
}

const AUTO = 'auto';

function nameOf(classNames: readonly string[], c: number): string {
  const name = classNames[c];
  return name && name !== String(c) ? `${c} · ${name}` : String(c);
}

export function TargetClassSelector(props: TargetClassSelectorProps) {
  const { classNames, value, predicted, onChange } = props;
  const id = useId();
  // One option per class, built once per model and prediction: a model may have 1,000 classes
  // (a native select scrolls them and finds one by its first characters, here its number).
  const options = useMemo(
    () =>
      classNames.map((_, c) => (
        <option key={c} value={String(c)}>
          {nameOf(classNames, c)}
          {c === predicted ? ' (predicted)' : ''}
        </option>
      )),
    [classNames, predicted],
  );
  return (
    <span className="pl-class-select">
      <label htmlFor={id}>{props.label ?? 'Target class'}</label>{' '}
      <select
        id={id}
        data-testid="sankey-class"
        value={value === null ? AUTO : String(value)}
        onChange={(e) => onChange(e.target.value === AUTO ? null : Number(e.target.value))}
      >
        <option value={AUTO}>
          {predicted === null ? 'predicted class' : `predicted: ${nameOf(classNames, predicted)}`}
        </option>
        {options}
      </select>
    </span>
  );
}
