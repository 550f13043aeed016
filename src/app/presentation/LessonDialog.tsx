// "Create lesson link": a modal dialog that turns the current view plus a lesson's choices
// (view, hidden controls, sample, pixel, class) into a link and iframe code to copy.
import { useRef, useState } from 'react';
import { formatRegion, parseRegion } from '../../lib/selection';
import { selectClassNames } from '../../state/selectors';
import { appStore, useAppState } from '../../state/store';
import { toUrlState } from '../../state/url-sync';
import { INPUT_HEIGHT, INPUT_WIDTH } from '../../state/view-store';
import { copyText } from './copy-text';
import { iframeCode, lessonLink } from './lesson-link';
import { LessonForm, type LessonFormValues } from './LessonForm';

/** The form prefilled from what is on screen now. */
function currentValues(): LessonFormValues {
  const s = appStore.getState();
  const source = s.image?.source;
  return {
    view: s.presentation.embed ? 'embed' : s.presentation.mode,
    hide: s.presentation.hide,
    sample: source?.kind === 'sample' ? source.index : s.pendingSample,
    pixelText: s.selection ? formatRegion(s.selection.region) : '',
    targetClass: s.targetClass,
  };
}

export function LessonDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<LessonFormValues>(currentValues);
  const [status, setStatus] = useState('');
  const classNames = useAppState(selectClassNames);

  const pixelText = values.pixelText.trim();
  const pixel = pixelText === '' ? null : parseRegion(pixelText, INPUT_WIDTH, INPUT_HEIGHT);
  const pixelError =
    pixelText !== '' && pixel === null ? `Use row,col inside 0–${INPUT_WIDTH - 1}.` : null;
  const link = lessonLink(
    `${location.origin}${location.pathname}`,
    toUrlState(appStore.getState()),
    {
      ...values,
      pixel,
    },
  );

  const open = () => {
    setValues(currentValues());
    setStatus('');
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
      <dialog
        ref={dialog}
        className="lesson-dialog"
        aria-labelledby="lesson-title"
        data-testid="lesson-dialog"
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
        />
        <label className="lesson-output">
          Link
          <input type="text" readOnly value={link} data-testid="lesson-link" />
        </label>
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
      </dialog>
    </>
  );
}
