import { Button, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useServices } from './services-context';

/**
 * **Logga in**: opens the identity provider's sign-in window from the user's own click (a
 * window opened by anything else is blocked by the browser), then `onSignedIn` (retry what
 * failed). A failed sign-in (blocked window, a permission IT has not granted) goes to
 * `onFailed`, which shows its message. Nothing typed is touched.
 */
export function SignInButton({
  onSignedIn,
  onFailed,
}: {
  onSignedIn: () => void;
  onFailed: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const { signIn } = useServices();
  const [busy, setBusy] = useState(false);
  if (!signIn) return null;
  const start = () => {
    setBusy(true);
    signIn.signIn().then(
      () => {
        setBusy(false);
        onSignedIn();
      },
      (error: unknown) => {
        setBusy(false);
        onFailed(error);
      },
    );
  };
  return (
    <Button
      appearance="primary"
      disabled={busy}
      icon={busy ? <Spinner size="tiny" aria-label={t.errors.signingIn} /> : undefined}
      onClick={start}
    >
      {t.errors.signIn}
    </Button>
  );
}
