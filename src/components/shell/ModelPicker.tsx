import {
  DATASET_REGISTRY,
  modelEntry,
  modelFor,
  NETWORK_REGISTRY,
  type DatasetId,
  type NetworkId,
} from '../../model/registry';
import { parseLocalModelAddress } from '../../storage/local-model-id';
import { useAppState } from '../../state/store';

interface SegmentsProps<Id extends string> {
  legend: string;
  name: string;
  testId: string;
  entries: readonly { id: Id; label: string; description: string }[];
  checked: Id | null;
  onSelect: (id: Id) => void;
}

/** One segmented radio group (a visually hidden legend names it for screen readers). */
function Segments<Id extends string>(props: SegmentsProps<Id>) {
  return (
    <fieldset className="model-picker" data-testid={props.testId}>
      <legend className="visually-hidden">{props.legend}</legend>
      {props.entries.map((entry) => (
        <label
          key={entry.id}
          className="segment"
          title={entry.description}
          data-checked={entry.id === props.checked}
        >
          <input
            type="radio"
            name={props.name}
            value={entry.id}
            checked={entry.id === props.checked}
            onChange={() => props.onSelect(entry.id)}
          />
          {entry.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * What the custom model's chip says on hover: a local model's readable name and id (its address
 * is an internal `local-model:` key), or the address it was loaded from.
 */
export function customTitle(address: string): string {
  const local = parseLocalModelAddress(address);
  if (!local) return `Loaded from ${address}`;
  const name = local.name === null ? '' : `${local.name}, `;
  return `Opened from files in this browser (${name}id ${local.id})`;
}

/**
 * The built-in models as two choices, the dataset and the network (every pair is a shipped
 * model, src/model/registry.ts); a custom model from the link shows as a chip instead.
 */
export function ModelPicker() {
  const modelId = useAppState((s) => s.modelId);
  const custom = useAppState((s) => s.customModelUrl);
  const selectModel = useAppState((s) => s.selectModel);
  const current = modelEntry(modelId);
  const builtIn = custom === null;
  return (
    <span className="model-pickers" data-testid="model-picker">
      <Segments<DatasetId>
        legend="Dataset"
        name="dataset"
        testId="dataset-picker"
        entries={DATASET_REGISTRY}
        checked={builtIn ? current.dataset : null}
        onSelect={(dataset) => selectModel(modelFor(dataset, current.network))}
      />
      <Segments<NetworkId>
        legend="Network"
        name="network"
        testId="network-picker"
        entries={NETWORK_REGISTRY}
        checked={builtIn ? current.network : null}
        onSelect={(network) => selectModel(modelFor(current.dataset, network))}
      />
      {!builtIn && (
        <span className="segment segment-custom" data-checked="true" title={customTitle(custom)}>
          Custom model
        </span>
      )}
    </span>
  );
}
