// Finding 4c: movement perception. Shift the image; the conv and pool layers are equivariant, so
// the diffusion maps move along and the per-map pathway sizes stay (exactly when the shift is a
// multiple of the total pool stride and the object stays clear of the border).
import { useEffect, useMemo } from 'react';
import { shiftImage } from '../../analysis/images';
import { shiftLimit, shiftPresets, strideFromSizes } from '../../analysis/shift-scale';
import { CompareEntry } from '../compare/CompareEntry';
import { PointableImage, PointedPixelZone } from '../compare/pointed-pixel';
import { analysesStore, useAnalyses } from '../../state/analyses-store';
import { defaultAnalysesUrlState } from '../../state/analyses-url';
import { selectClassNames } from '../../state/selectors';
import { selectLiveForward } from '../../state/selectors-view';
import { useAppState } from '../../state/store';
import { AnalysisTable, layerColumn, numClass } from './AnalysisTable';
import { DiffusionMaps } from './DiffusionMaps';
import { ImageThumb } from './ImageThumb';
import { RunResult } from './RunResult';
import { RunStatus } from './RunStatus';
import { changePct, className } from './format';
import { movementVerdict } from './movement-verdict';
import { useAnalysisRun } from './use-analysis-run';
import { useCurrentInput, useInputPlaceholder } from './use-current-input';

const DEFAULT_SHIFT = defaultAnalysesUrlState().shift;

/**
 * The model's total pool stride, from its layers' sizes (before a run; a run's verdict then has
 * the exact one), or null while the model has not run.
 */
function useModelStride(): number | null {
  const layers = useAppState((s) => selectLiveForward(s)?.layers ?? null);
  const input = useAppState((s) => s.input);
  return useMemo(() => (layers ? strideFromSizes(input, layers) : null), [layers, input]);
}

export function MovementView() {
  const input = useCurrentInput();
  const placeholder = useInputPlaceholder();
  const names = useAppState(selectClassNames);
  const shift = useAnalyses((s) => s.shift);
  const shape = useAppState((s) => s.input);
  const limit = shiftLimit(shape.height, shape.width);
  const key = input ? `${input.key}|${shift.dx},${shift.dy}` : null;
  const shifted = useMemo(
    () => (input ? shiftImage(input.pixels, input.shape, shift.dx, shift.dy).image : null),
    [input, shift],
  );
  const modelStride = useModelStride();
  const modelUrl = input?.modelUrl ?? null;
  // The view opens with a shift by the model's stride, which keeps the sizes exactly: the
  // default (4, 0) is the small MNIST CNN's. A shift the user or the link chose stays.
  useEffect(() => {
    if (modelUrl === null || modelStride === null || modelStride > limit) return;
    const now = analysesStore.getState().shift;
    if (now.dx === DEFAULT_SHIFT.dx && now.dy === DEFAULT_SHIFT.dy && modelStride !== now.dx) {
      analysesStore.getState().setShift({ dx: modelStride, dy: 0 });
    }
  }, [modelUrl, modelStride, limit]);

  const { result: r, stale } = useAnalysisRun(
    'movement',
    key,
    () => (input ? { image: input.pixels, label: input.label, dx: shift.dx, dy: shift.dy } : null),
    { autoMs: 150 },
  );
  const verdict = r ? movementVerdict(r) : null;
  const presets = shiftPresets(verdict?.poolStride ?? modelStride, limit);
  const set = analysesStore.getState().setShift;
  const slider = (axis: 'dx' | 'dy', label: string) => (
    <label className="an-field">
      {label}
      <input
        type="range"
        min={-limit}
        max={limit}
        value={shift[axis]}
        data-testid={`shift-${axis}`}
        onChange={(e) => set({ ...shift, [axis]: Number(e.target.value) })}
      />
      <output className="an-num">{shift[axis]}</output>
    </label>
  );
  return (
    <PointedPixelZone className="an-view">
      <p className="an-explain">
        Move the object and its pathways move with it: convolution and pooling treat every position
        alike, so each pixel’s diffusion maps are shifted copies and its per-map pathway sizes stay
        the same. This is exact when the shift is a multiple of the total pooling stride (otherwise
        the pooling windows group the pixels differently) and the object stays clear of the border
        (zero padding). Dense layers have no such symmetry.
      </p>
      <div className="an-controls">
        {slider('dx', 'Right')}
        {slider('dy', 'Down')}
        <span className="an-presets">
          {presets.map(([dx, dy]) => (
            <button
              key={`${dx},${dy}`}
              type="button"
              className="an-button an-button-quiet"
              onClick={() => set({ dx, dy })}
            >
              ({dx}, {dy})
            </button>
          ))}
        </span>
        <RunStatus id="movement" />
        <CompareEntry kind="shifted" disabled={!shifted} variant={() => shifted} />
      </div>
      {!input && <p className="an-placeholder">{placeholder}</p>}
      {input && shifted && (
        <div className="an-images">
          <figure className="an-imgcard">
            <PointableImage width={input.width} height={input.height}>
              <ImageThumb
                pixels={input.pixels}
                width={input.width}
                height={input.height}
                channels={input.channels}
                size={112}
              />
            </PointableImage>
            <figcaption>
              <strong>Original</strong>
              {r && <span>predicted {className(names, r.originalPrediction)}</span>}
            </figcaption>
          </figure>
          <span className="an-arrow" aria-hidden="true">
            →
          </span>
          <figure className="an-imgcard">
            <PointableImage width={input.width} height={input.height}>
              <ImageThumb
                pixels={shifted}
                width={input.width}
                height={input.height}
                channels={input.channels}
                size={112}
              />
            </PointableImage>
            <figcaption>
              <strong>
                Shifted ({shift.dx}, {shift.dy})
              </strong>
              {r && <span>predicted {className(names, r.shiftedPrediction)}</span>}
            </figcaption>
          </figure>
        </div>
      )}
      {r && verdict && (
        <RunResult stale={stale}>
          <p className="an-verdict" data-testid="movement-verdict" data-verdict={verdict.kind}>
            {verdict.text}
          </p>
          <div className="an-split">
            <AnalysisTable
              testId="movement-table"
              rows={r.layers}
              columns={[
                layerColumn(),
                { head: 'stride', cell: (l) => l.stride ?? 'dense', className: 'an-num' },
                {
                  head: 'sizes, per pixel',
                  cell: (l) => changePct(l.pixelSizeChange),
                  className: (l) => numClass(l.pixelSizeChange < 1e-4),
                },
                {
                  head: 'sizes, whole image',
                  cell: (l) => changePct(l.sizeChange),
                  className: 'an-num',
                },
                {
                  head: 'moved map vs shifted map',
                  cell: (l) => (l.mapShiftError === null ? '–' : changePct(l.mapShiftError)),
                  className: 'an-num',
                },
              ]}
            />
            <DiffusionMaps maps={r.maps} />
          </div>
          <p className="an-note">
            Changes are relative L1 differences: per pixel compares each pixel with its moved copy;
            the last column compares the original’s total diffusion map, moved by the shift divided
            by the layer’s stride, with the shifted image’s (only where that is a whole number).
          </p>
        </RunResult>
      )}
    </PointedPixelZone>
  );
}
