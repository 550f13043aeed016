// Which Sankey nodes stand for important maps (finding 1), for the Sankey to mark. Node ids are
// the Sankey's `layerName:channel` (src/layout/node-ref.ts); a pool column merged into its conv
// keeps the conv's id, and a pooled map's importance is its conv map's, so both names are listed.
import { useMemo } from 'react';
import type { ImportanceResult } from '../../analysis/importance';
import { useAnalyses } from '../../state/analyses-store';
import { useAppState } from '../../state/store';

const EMPTY: ReadonlySet<string> = new Set();

/** Ids of the top-m maps by ablation importance of every ablated layer. */
export function importantMapIds(result: ImportanceResult, m: number): Set<string> {
  const ids = new Set<string>();
  for (const layer of result.layers) {
    for (const k of layer.ranking.slice(0, Math.max(0, m))) ids.add(`${layer.name}:${k}`);
  }
  return ids;
}

/**
 * The important maps' node ids for the current model (empty until its importance has loaded, or
 * when the user turned marking off in the Analyses area). A stable Set: it changes only with them.
 * Only reads the analyses store: the session loads the importance (src/app/session/analysis-importance.ts).
 */
export function useImportantMapIds(): ReadonlySet<string> {
  const modelUrl = useAppState((s) => s.model.summary?.url ?? null);
  const importance = useAnalyses((s) => s.importance);
  const m = useAnalyses((s) => s.topM);
  const on = useAnalyses((s) => s.markInSankey);
  const result = importance.modelUrl === modelUrl ? importance.result : null;
  return useMemo(() => (on && result ? importantMapIds(result, m) : EMPTY), [on, result, m]);
}
