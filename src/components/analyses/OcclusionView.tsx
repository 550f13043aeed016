// Finding 4b: object completion. Hide a patch of the object: does the network still recognise it,
// and do the pixels left visible keep the pathways they had in the intact image?
import { CompareEntry } from '../compare/CompareEntry';
import { PointableImage, PointedPixelZone } from '../compare/pointed-pixel';
import { occludeImage } from '../../analysis/images';
import { patchSizes, type PatchSizes } from '../../analysis/patch-scale';
import { analysesStore, useAnalyses } from '../../state/analyses-store';
import { selectClassNames } from '../../state/selectors';
import { useAppState } from '../../state/store';
import { clampPatch, defaultPatch, type PatchBox } from '../../lib/patch-geometry';
import { AnalysisTable, layerColumn, Meter, numClass } from './AnalysisTable';
import { PatchEditor } from './PatchEditor';
import { RunResult } from './RunResult';
import { RunStatus } from './RunStatus';
import { className, fixed2, pct, probPct } from './format';
import { useAnalysisRun } from './use-analysis-run';
import { useCurrentInput, useInputPlaceholder } from './use-current-input';
import { useSubjectWords } from '../shell/use-subject-words';

/**
 * The patch to show: the stored one (from the link or a drag) inside the image and within the
 * sizes, else the initial one, centred.
 */
function fitPatch(
  stored: PatchBox | null,
  sizes: PatchSizes,
  height: number,
  width: number,
): PatchBox {
  if (!stored) return defaultPatch(height, width, sizes.initial);
  const size = Math.max(sizes.min, Math.min(sizes.max, stored.size));
  return clampPatch({ ...stored, size }, height, width);
}

export function OcclusionView() {
  const words = useSubjectWords();
  const input = useCurrentInput();
  const placeholder = useInputPlaceholder();
  const names = useAppState(selectClassNames);
  const stored = useAnalyses((s) => s.patch);
  const m = useAnalyses((s) => s.topM);
  // Before the model's input is known there is no image to occlude (the view shows why); the
  // store's input is the geometry the next image will have.
  const shape = useAppState((s) => s.input);
  const { height: H, width: W } = input ?? shape;
  const sizes = patchSizes(H, W);
  const patch = fitPatch(stored, sizes, H, W);
  const key = input ? `${input.key}|${patch.row},${patch.col},${patch.size}|${m}` : null;
  const setPatch = analysesStore.getState().setPatch;

  const { result: r, stale } = useAnalysisRun(
    'occlusion',
    key,
    () => (input ? { image: input.pixels, label: input.label, patch, topM: m } : null),
    { autoMs: 150 },
  );

  return (
    <PointedPixelZone className="an-view">
      <p className="an-explain">
        People recognise an object even when part of it is hidden. Drag the grey patch over the
        image (or focus it and use the arrow keys) to hide part of it. We show whether the network
        still predicts the same class, and for the pixels that stay visible, how many of their top{' '}
        {m} maps per layer are the same as in the intact image (“same pixel”), against a visible
        pixel compared with a random other pixel of the intact image, and against chance.
      </p>
      {!input && <p className="an-placeholder">{placeholder}</p>}
      {input && (
        <div className="an-split">
          <div className="an-stack">
            <PointableImage width={W} height={H}>
              <PatchEditor
                pixels={input.pixels}
                width={W}
                height={H}
                channels={input.channels}
                sizes={sizes}
                patch={patch}
                size={224}
                onChange={setPatch}
              />
            </PointableImage>
            <label className="an-field">
              Patch size
              <input
                type="range"
                min={sizes.min}
                max={sizes.max}
                value={patch.size}
                data-testid="patch-size"
                onChange={(e) =>
                  setPatch(clampPatch({ ...patch, size: Number(e.target.value) }, H, W))
                }
              />
              <output className="an-num">{patch.size}</output>
            </label>
            <RunStatus id="occlusion" />
            <CompareEntry
              kind="occluded"
              disabled={!input}
              variant={() => (input ? occludeImage(input.pixels, input.shape, patch) : null)}
            />
          </div>
          {r && (
            <RunResult stale={stale} style={{ flex: '1 1 480px' }}>
              <div
                className="an-facts"
                data-testid="occlusion-facts"
                data-occluded-probability={r.occludedProbability}
                data-occluded-ink={r.occludedInk}
              >
                <p>
                  <span className="an-muted">Intact</span>{' '}
                  <b>{className(names, r.intactPrediction)}</b>
                  <span className="an-muted">
                    {' '}
                    · p({className(names, r.label)}) {probPct(r.intactProbability)}
                  </span>
                </p>
                <p>
                  <span className="an-muted">Occluded</span>{' '}
                  <b>{className(names, r.occludedPrediction)}</b>
                  <span className="an-muted">
                    {' '}
                    · p({className(names, r.label)}) {probPct(r.occludedProbability)}
                  </span>
                </p>
                <p data-testid="occluded-ink">
                  The patch hides {pct(r.occludedInk)} of {words.material}; {r.visiblePixels}{' '}
                  {words.pixels} stay visible.
                </p>
              </div>
              <AnalysisTable
                testId="occlusion-table"
                rows={r.layers}
                columns={[
                  layerColumn(),
                  {
                    head: 'same pixel',
                    cell: (l) => (
                      <>
                        <Meter value={l.overlap || 0} mark={l.baseline || 0} />
                        <span className={numClass(l.overlap > l.baseline)}>
                          {fixed2(l.overlap)}
                        </span>
                      </>
                    ),
                  },
                  { head: 'other pixel', cell: (l) => fixed2(l.baseline), className: 'an-num' },
                  { head: 'chance', cell: (l) => fixed2(l.chance), className: 'an-num an-muted' },
                  {
                    head: 'size pattern r',
                    cell: (l) => fixed2(l.correlation),
                    className: 'an-num',
                  },
                ]}
              />
              <p className="an-note">
                Same pixel: share of a visible pixel’s top {m} maps kept from the intact image (bar;
                the tick marks the other-pixel baseline). Size pattern r: correlation of the per-map
                pathway sizes, occluded vs intact.
              </p>
            </RunResult>
          )}
        </div>
      )}
    </PointedPixelZone>
  );
}
