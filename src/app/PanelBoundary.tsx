import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the panel in the message, e.g. "Gallery". */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps one broken panel from blanking the page: the rest of the app stays usable, and the
 * panel says what happened and can try again.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel panel-crashed" role="alert" data-testid="panel-error">
        <h2>{this.props.name} is unavailable</h2>
        <p>This panel hit an error and was switched off; the rest of the page still works.</p>
        <p className="muted small">{error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
