// The dataset's words for what the image shows (src/lib/dataset-words.ts), from the store's model.
import { subjectWords, type SubjectWords } from '../../lib/dataset-words';
import { modelEntry } from '../../model/registry';
import { useAppState } from '../../state/store';
import { isOwnModel } from '../../state/own-model';

export function useSubjectWords(): SubjectWords {
  const dataset = useAppState((s) => modelEntry(s.modelId).dataset);
  const custom = useAppState(isOwnModel);
  const channels = useAppState((s) => s.input.channels);
  return subjectWords(dataset, custom, channels);
}
