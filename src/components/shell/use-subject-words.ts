// The dataset's words for what the image shows (src/lib/dataset-words.ts), from the store's model.
import { subjectWords, type SubjectWords } from '../../lib/dataset-words';
import { useAppState } from '../../state/store';

export function useSubjectWords(): SubjectWords {
  const modelId = useAppState((s) => s.modelId);
  const custom = useAppState((s) => s.customModelUrl !== null);
  return subjectWords(modelId, custom);
}
