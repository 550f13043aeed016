import { useEffect, useState } from 'react';
import { CompareToggle } from '../components/compare/CompareToggle';
import { BackendBadge } from '../components/shell/BackendBadge';
import { CopyLinkButton } from '../components/shell/CopyLinkButton';
import { HeaderMenu } from '../components/shell/HeaderMenu';
import { ModelPicker } from '../components/shell/ModelPicker';
import { ModelStatus } from '../components/shell/ModelStatus';
import { OpenModelButton, OpenModelLayer } from '../components/open-model/OpenModelButton';
import { useAppState } from '../state/store';
import { LectureButtons } from './presentation/LectureButtons';
import { LessonDialog } from './presentation/LessonDialog';

/** A phone's width: the header then folds its details into the menu, as lecture mode does. */
const PHONE = '(max-width: 599px)';

function useMatches(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}

export function Header() {
  const lecture = useAppState((s) => s.presentation.mode === 'lecture');
  const phone = useMatches(PHONE);
  const folded = lecture || phone;
  // The loading progress stays in sight; the loaded model's details may go in the menu.
  const modelReady = useAppState((s) => s.model.status === 'ready');
  return (
    <header className="app-header" data-folded={folded || undefined}>
      <div className="brand">
        <h1>Pathway Lens</h1>
        <p className="tagline">How each pixel flows through a CNN to its class</p>
      </div>
      {/* One tree for both forms, so that a focused button (Lecture mode) survives the switch.
          What to do with the view (share, compare, teach) sits on the title's line; the data and
          model it reads come on the next, which keeps each line whole from about 1,100 px up. */}
      <div className="header-controls header-actions">
        {!folded && <CopyLinkButton />}
        {/* Folded (lecture, phone), it waits in the menu. */}
        {!folded && <CompareToggle />}
        <LectureButtons />
        {folded ? (
          // What a room (or a phone's first screen) does not need, behind one button.
          <HeaderMenu>
            {modelReady && <ModelStatus />}
            <span className="hideable-model">
              <OpenModelButton />
            </span>
            <BackendBadge />
            <CopyLinkButton />
            <CompareToggle />
            <LessonDialog />
          </HeaderMenu>
        ) : (
          <LessonDialog />
        )}
      </div>
      <div className="header-controls header-model">
        <span className="hideable-model">
          <ModelPicker />
          {!folded && <OpenModelButton />}
        </span>
        {(!folded || !modelReady) && <ModelStatus />}
        {!folded && <BackendBadge />}
      </div>
      {/* The open-model dialog, the other-site prompt and the drop zone, whatever the fold. */}
      <OpenModelLayer />
    </header>
  );
}
