import { BackendBadge } from '../components/shell/BackendBadge';
import { CopyLinkButton } from '../components/shell/CopyLinkButton';
import { ModelPicker } from '../components/shell/ModelPicker';
import { ModelStatus } from '../components/shell/ModelStatus';
import { LectureButtons } from './presentation/LectureButtons';
import { LessonDialog } from './presentation/LessonDialog';

export function Header() {
  return (
    <header className="app-header">
      <div className="brand">
        <h1>Pathway Lens</h1>
        <p className="tagline">How each pixel flows through a CNN to its class</p>
      </div>
      <div className="header-controls">
        <span className="hideable-model">
          <ModelPicker />
        </span>
        <ModelStatus />
        <BackendBadge />
        <CopyLinkButton />
        <LectureButtons />
        <LessonDialog />
      </div>
    </header>
  );
}
