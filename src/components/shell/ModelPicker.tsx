import { MODEL_REGISTRY } from '../../model/registry';
import { useAppState } from '../../state/store';

/** Built-in models as a segmented radio group; a custom model from the link shows as a chip. */
export function ModelPicker() {
  const modelId = useAppState((s) => s.modelId);
  const custom = useAppState((s) => s.customModelUrl);
  const selectModel = useAppState((s) => s.selectModel);
  return (
    <fieldset className="model-picker" data-testid="model-picker">
      <legend className="visually-hidden">Model</legend>
      {MODEL_REGISTRY.map((entry) => (
        <label
          key={entry.id}
          className="segment"
          title={entry.description}
          data-checked={custom === null && entry.id === modelId}
        >
          <input
            type="radio"
            name="model"
            value={entry.id}
            checked={custom === null && entry.id === modelId}
            onChange={() => selectModel(entry.id)}
          />
          {entry.label}
        </label>
      ))}
      {custom !== null && (
        <span className="segment segment-custom" data-checked="true" title={custom}>
          Custom model
        </span>
      )}
    </fieldset>
  );
}
