import { Button, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { PlainMessageBar } from './plain-message-bar';

interface BoundaryProps {
  readonly children: ReactNode;
  readonly fallback: (reset: () => void) => ReactNode;
}

class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A panel failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed
      ? this.props.fallback(() => this.setState({ failed: false }))
      : this.props.children;
  }
}

/** Keeps one failing panel from blanking the whole app; the rest stays usable. */
export function PanelBoundary({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Boundary
      fallback={(reset) => (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{t.errors.panelFailed}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={reset}>{t.errors.retry}</Button>
          </MessageBarActions>
        </PlainMessageBar>
      )}
    >
      {children}
    </Boundary>
  );
}
