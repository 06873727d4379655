import { Button, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { failureAction, failureMessage } from './failure-message';
import { useServices } from './services-context';
import { SignInButton } from './sign-in-button';
import { PlainMessageBar } from './plain-message-bar';

/**
 * A load that failed: what went wrong in the user's language, and "Försök igen" — or, where
 * the user has to sign in (tenant mode), "Logga in", which retries once signed in.
 */
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
  const { signIn } = useServices();
  // A failed sign-in replaces the load's failure (its message says what to do now), until the
  // load fails anew.
  const [signInFailure, setSignInFailure] = useState<{ of: unknown; error: unknown } | null>(null);
  const shown = signInFailure && signInFailure.of === error ? signInFailure.error : error;
  const signInNeeded = signIn !== undefined && failureAction(shown) === 'sign-in';
  return (
    <PlainMessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {what ?? t.errors.loadFailed} {failureMessage(shown, t)}
      </MessageBarBody>
      <MessageBarActions>
        {signInNeeded ? (
          <SignInButton
            onSignedIn={() => {
              setSignInFailure(null);
              onRetry();
            }}
            onFailed={(failure) => setSignInFailure({ of: error, error: failure })}
          />
        ) : (
          <Button onClick={onRetry}>{t.errors.retry}</Button>
        )}
      </MessageBarActions>
    </PlainMessageBar>
  );
}
