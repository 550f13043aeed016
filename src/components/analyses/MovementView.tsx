// Finding 4c: movement perception. Shift the image; the conv and pool layers are equivariant, so
// the diffusion maps move along and the per-map pathway sizes stay (exactly when the shift is a
// multiple of the total pool stride and the object stays clear of the border).
import { useMemo } from 'react';
import { cancelRun, startRun } from '../../app/session/analysis-requests';
import { analysesStore, useAnalyses, useRun } from '../../state/analyses-store';
import { shiftImage } from '../../analysis/images';
import { selectClassNames } from '../../state/selectors';
import { useAppState } from '../../state/store';
import { DiffusionMaps } from './DiffusionMaps';
import { ImageThumb } from './ImageThumb';
import { RunStatus } from './RunStatus';
import { changePct, className } from './format';
import { SHIFT_LIMIT } from '../../lib/patch-geometry';
import { movementVerdict } from './movement-verdict';
import { useAutoRun } from './use-auto-run';
import { useCurrentInput, useInputPlaceholder } from './use-current-input';

const PRESETS: Array<[number, number]> = [
  [4, 0],
  [0, -4],
  [2, 0],
  [1, 0],
];

export function MovementView() {
  const input = useCurrentInput();
  const placeholder = useInputPlaceholder();
  const names = useAppState(selectClassNames);
  const shift = useAnalyses((s) => s.shift);
  const run = useRun('movement');
  const key = input ? `${input.key}|${shift.dx},${shift.dy}` : null;
  const shifted = useMemo(
    () =>
      input
        ? shiftImage(
            input.pixels,
            { height: input.height, width: input.width, channels: 1 },
            shift.dx,
            shift.dy,
          ).image
        : null,
    [input, shift],
  );

  useAutoRun('movement', key, () => {
    if (!input || !key) return;
    const image = input.pixels.slice();
    void startRun('movement', key, { image, label: input.label, dx: shift.dx, dy: shift.dy }, [
      image.buffer,
    ]);
  });

  const r = run.result;
  const verdict = r ? movementVerdict(r) : null;
  const set = analysesStore.getState().setShift;
  const slider = (axis: 'dx' | 'dy', label: string) => (
    <label className="an-field">
      {label}
      <input
        type="range"
        min={-SHIFT_LIMIT}
        max={SHIFT_LIMIT}
        value={shift[axis]}
        data-testid={`shift-${axis}`}
        onChange={(e) => set({ ...shift, [axis]: Number(e.target.value) })}
      />
      <output className="an-num">{shift[axis]}</output>
    </label>
  );
  return (
    <div className="an-view">
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
          {PRESETS.map(([dx, dy]) => (
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
        <RunStatus run={run} onCancel={() => cancelRun('movement')} testId="run-movement" />
      </div>
      {!input && <p className="an-placeholder">{placeholder}</p>}
      {input && shifted && (
        <div className="an-images">
          <figure className="an-imgcard">
            <ImageThumb
              pixels={input.pixels}
              width={input.width}
              height={input.height}
              size={112}
            />
            <figcaption>
              <strong>Original</strong>
              {r && <span>predicted {className(names, r.originalPrediction)}</span>}
            </figcaption>
          </figure>
          <span className="an-arrow" aria-hidden="true">
            →
          </span>
          <figure className="an-imgcard">
            <ImageThumb pixels={shifted} width={input.width} height={input.height} size={112} />
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
        <div className={run.resultKey !== key ? 'an-result is-stale' : 'an-result'}>
          <p className="an-verdict" data-testid="movement-verdict" data-verdict={verdict.kind}>
            {verdict.text}
          </p>
          <div className="an-split">
            <table className="an-table" data-testid="movement-table">
              <thead>
                <tr>
                  <th scope="col">layer</th>
                  <th scope="col">stride</th>
                  <th scope="col">sizes, per pixel</th>
                  <th scope="col">sizes, whole image</th>
                  <th scope="col">moved map vs shifted map</th>
                </tr>
              </thead>
              <tbody>
                {r.layers.map((l) => (
                  <tr key={l.layer}>
                    <th scope="row">{l.name}</th>
                    <td className="an-num">{l.stride ?? 'dense'}</td>
                    <td className={l.pixelSizeChange < 1e-4 ? 'an-num is-hit' : 'an-num'}>
                      {changePct(l.pixelSizeChange)}
                    </td>
                    <td className="an-num">{changePct(l.sizeChange)}</td>
                    <td className="an-num">
                      {l.mapShiftError === null ? '–' : changePct(l.mapShiftError)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <DiffusionMaps maps={r.maps} />
          </div>
          <p className="an-note">
            Changes are relative L1 differences: per pixel compares each pixel with its moved copy;
            the last column compares the original’s total diffusion map, moved by the shift divided
            by the layer’s stride, with the shifted image’s (only where that is a whole number).
          </p>
        </div>
      )}
    </div>
  );
}
