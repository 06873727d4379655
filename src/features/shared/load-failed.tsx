import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';
import { failureMessage } from './failure-message';

/** A load that failed: what went wrong in the user's language, and "Försök igen". */
export function LoadFailed({
  error,
  onRetry,
  what,
}: {
  error: unknown;
  onRetry: () => void;
  /** What could not be loaded; defaults to "Det gick inte att hämta uppgifterna." */
  what?: string;
}) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {what ?? t.errors.loadFailed} {failureMessage(error, t)}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t.errors.retry}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
