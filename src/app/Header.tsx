import { BackendBadge } from '../components/shell/BackendBadge';
import { CopyLinkButton } from '../components/shell/CopyLinkButton';
import { ModelPicker } from '../components/shell/ModelPicker';
import { ModelStatus } from '../components/shell/ModelStatus';

export function Header() {
  return (
    <header className="app-header">
      <div className="brand">
        <h1>Pathway Lens</h1>
        <p className="tagline">How each pixel flows through a CNN to its class</p>
      </div>
      <div className="header-controls">
        <ModelPicker />
        <ModelStatus />
        <BackendBadge />
        <CopyLinkButton />
      </div>
    </header>
  );
}
