// "Create lesson link": a modal dialog that turns the current view plus a lesson's choices
// (view, hidden controls, sample, pixel picked on a preview, class, lecture's starting step) into
// a link and iframe code to copy.
import { useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { buildColumns } from '../../layout/sankey-columns';
import { sampleImage } from '../../model/samples';
import { formatRegion, parseRegion } from '../../lib/selection';
import { defaultAnalysesUrlState } from '../../state/analyses-url';
import { selectClassNames } from '../../state/selectors';
import { selectShownPathways } from '../../state/selectors-view';
import { appStore, useAppState } from '../../state/store';
import { toUrlState } from '../../state/url-sync';
import { sameShape } from '../../state/input-shape';
import { sampleShape } from '../../model/samples';
import { copyText } from './copy-text';
import { iframeCode, lessonLink } from './lesson-link';
import { LessonForm, type LessonFormValues } from './LessonForm';
import { LessonPixelPicker } from './LessonPixelPicker';
import { LocalModelLinkNote } from '../../components/open-model/LocalModelLinkNote';

/** The form prefilled from what is on screen now; a lecture starts at the first step. */
function currentValues(): LessonFormValues {
  const s = appStore.getState();
  const source = s.image?.source;
  return {
    view: s.presentation.embed ? 'embed' : s.presentation.mode,
    hide: s.presentation.hide,
    sample: source?.kind === 'sample' ? source.index : s.pendingSample,
    pixelText: s.selection ? formatRegion(s.selection.region) : '',
    targetClass: s.targetClass,
    step: 1,
  };
}

/** Whether the Analyses area is on the page the link opens (lecture and embed hide it). */
function showsAnalyses(values: LessonFormValues): boolean {
  return values.view === 'normal' && !values.hide.includes('analyses');
}

export function LessonDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<LessonFormValues>(currentValues);
  const [status, setStatus] = useState('');
  // The preview is drawn only while the dialog is open.
  const [shown, setShown] = useState(false);
  const classNames = useAppState(selectClassNames);
  // The steps are needed only while the dialog is open: closed, it ignores each click's new result.
  const result = useAppState((s) => (shown ? selectShownPathways(s) : null));
  const poolMode = useAppState((s) => s.sankey.poolMode);
  const steps = useMemo(
    () => (result ? buildColumns(result, poolMode).map((c) => c.label) : []),
    [result, poolMode],
  );
  const samples = useAppState((s) => s.samples.set);
  const image = useAppState((s) => s.image);
  const input = useAppState((s) => s.input);
  const shownSample = image?.source.kind === 'sample' ? image.source.index : null;
  // The picture the link opens on: the chosen sample, or the input on screen.
  const preview = useMemo(() => {
    const n = values.sample;
    if (n === null || n === shownSample) return image?.pixels ?? null;
    if (!samples || n >= samples.count || !sameShape(sampleShape(samples), input)) return null;
    return sampleImage(samples, n);
  }, [values.sample, shownSample, image, samples, input]);
  const what = values.sample === null ? 'the current input' : `sample ${values.sample}`;

  const pixelText = values.pixelText.trim();
  const pixel = pixelText === '' ? null : parseRegion(pixelText, input.width, input.height);
  const pixelError =
    pixelText !== '' && pixel === null
      ? `Use row,col inside 0–${input.height - 1}, 0–${input.width - 1}.`
      : null;
  // The Analyses area's settings travel only when the lesson shows that area.
  const current = showsAnalyses(values)
    ? toUrlState(appStore.getState())
    : toUrlState(appStore.getState(), defaultAnalysesUrlState());
  // A step at or past the last column reveals everything: that is no step at all.
  const step =
    values.step !== null && steps.length > 0 && values.step >= steps.length ? null : values.step;
  const link = lessonLink(`${location.origin}${location.pathname}`, current, {
    ...values,
    step,
    pixel,
  });

  const open = () => {
    setValues(currentValues());
    setStatus('');
    setShown(true);
    dialog.current?.showModal();
  };
  const copy = async (text: string, what: string) => {
    setStatus((await copyText(text)) ? `${what} copied.` : `Select the ${what} and copy it.`);
  };

  return (
    <>
      <button type="button" className="header-button" onClick={open} data-testid="lesson-open">
        Create lesson link
      </button>
      {/* In the page's body, outside the header: lecture mode zooms the header for the room (and
          folds this button into its menu), but the dialog is the lecturer's and must fit. */}
      {createPortal(
        <dialog
          ref={dialog}
          className="lesson-dialog"
          aria-labelledby="lesson-title"
          data-testid="lesson-dialog"
          onClose={() => setShown(false)}
        >
          <h2 id="lesson-title">Create lesson link</h2>
          <p className="muted small">
            The link opens this model and input with the choices below; the hidden controls stay
            hidden for whoever opens it.
          </p>
          <LessonForm
            values={values}
            onChange={setValues}
            classNames={classNames}
            pixelError={pixelError}
            steps={steps}
            picker={
              shown && (
                <LessonPixelPicker
                  image={preview}
                  width={input.width}
                  height={input.height}
                  channels={input.channels}
                  what={what}
                  pixel={pixel}
                  onPick={(region) => setValues((v) => ({ ...v, pixelText: formatRegion(region) }))}
                />
              )
            }
          />
          <label className="lesson-output">
            Link
            <input type="text" readOnly value={link} data-testid="lesson-link" />
          </label>
          <LocalModelLinkNote />
          <label className="lesson-output">
            Iframe code (600×400)
            <input type="text" readOnly value={iframeCode(link)} data-testid="lesson-iframe" />
          </label>
          <p className="small" aria-live="polite" data-testid="lesson-status">
            {status}
          </p>
          <div className="lesson-actions">
            <button type="button" onClick={() => void copy(link, 'link')}>
              Copy link
            </button>
            <button type="button" onClick={() => void copy(iframeCode(link), 'iframe code')}>
              Copy iframe code
            </button>
            <a href={link} target="_blank" rel="noopener">
              Open link
            </a>
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </dialog>,
        document.body,
      )}
    </>
  );
}
