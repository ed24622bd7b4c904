import { Component, type ErrorInfo, type ReactNode } from 'react';
import { FatalScreen } from './FatalScreen';

interface State {
  error: Error | null;
}

/** Catches a rendering error so the window shows what went wrong instead of going blank. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <FatalScreen
          title="Something went wrong on this screen"
          message={`${this.state.error.message}\n\nYour data is safe: nothing was written. Reload the window (Ctrl+R) to continue.`}
        />
      );
    }
    return this.props.children;
  }
}
