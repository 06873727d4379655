import { useEffect } from 'react';
import { isStoreFailure } from '../../domain/errors';
import type { StartFailure } from '../../domain/ports';
import { useI18n } from '../../i18n/i18n';
import { failureMessage } from './failure-message';
import { useServices } from './services-context';

function startFailure(error: unknown): StartFailure {
  if (!isStoreFailure(error)) return 'other';
  if (error.kind === 'unauthorized' || error.kind === 'forbidden') return 'auth';
  if (error.kind === 'timeout') return 'timeout';
  return 'other';
}

/**
 * Tells the host (Teams) when the first screen has its data, or that it could not load it. Teams
 * shows its loading indicator until then (manifest `showLoadingIndicator`); only the first notice
 * counts, so every screen may call this. Standalone it does nothing.
 */
export function useFirstScreen(state: 'loading' | 'ready' | 'failed', error?: unknown): void {
  const { host } = useServices();
  const { t } = useI18n();
  useEffect(() => {
    if (!host || state === 'loading') return;
    if (state === 'ready') host.firstScreenReady();
    else host.firstScreenFailed(startFailure(error), failureMessage(error, t));
  }, [host, state, error, t]);
}

/** Rendered once a screen without loading of its own is shown. */
export function FirstScreenShown(): null {
  useFirstScreen('ready');
  return null;
}
