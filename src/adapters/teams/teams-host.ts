import { app, pages } from '@microsoft/teams-js';
import type { HostContext, HostPort, StartFailure, TabConfig } from '../../domain/ports';
import { hostContextFrom, themeFromTeams } from './context-mapping';

type Theme = NonNullable<HostContext['theme']>;

const FAILED_REASONS: Record<StartFailure, app.FailedReason> = {
  auth: app.FailedReason.AuthFailed,
  timeout: app.FailedReason.Timeout,
  other: app.FailedReason.Other,
};

/** The tab inside Teams: teams-js behind the HostPort. Built by `startTeamsHost` only. */
class TeamsHost implements HostPort {
  private readonly themeListeners = new Set<(theme: Theme) => void>();
  private notified = false;

  constructor(readonly context: HostContext) {
    app.registerOnThemeChangeHandler((theme) => {
      const mapped = themeFromTeams(theme);
      for (const listener of this.themeListeners) listener(mapped);
    });
  }

  firstScreenReady(): void {
    if (this.notified) return;
    this.notified = true;
    // Microsoft's "Show a native loading indicator": notifyAppLoaded hides Teams' indicator once
    // the app can show itself; notifySuccess (mandatory, within 30 s) says it has loaded. The app
    // shows its own spinner, errors and retry from here on. Hosts that answer notifySuccess reply
    // asynchronously; nothing waits for it.
    app.notifyAppLoaded();
    void app.notifySuccess().catch(() => undefined);
  }

  firstScreenFailed(reason: StartFailure, message: string): void {
    if (this.notified) return;
    this.notified = true;
    app.notifyFailure({ reason: FAILED_REASONS[reason], message });
  }

  onThemeChange(listener: (theme: Theme) => void): () => void {
    this.themeListeners.add(listener);
    return () => this.themeListeners.delete(listener);
  }

  setConfigValid(valid: boolean): void {
    pages.config.setValidityState(valid);
  }

  openLink(url: string): Promise<void> {
    // teams-js: "The host deep link or external web URL to which to navigate" (app.openLink).
    return app.openLink(url);
  }

  onConfigSave(getConfig: () => TabConfig | null): void {
    pages.config.registerOnSaveHandler((saveEvent) => {
      const config = getConfig();
      if (!config) {
        saveEvent.notifyFailure('Inställningarna är inte giltiga.');
        return;
      }
      pages.config.setConfig({ ...config }).then(
        () => saveEvent.notifySuccess(),
        (error: unknown) =>
          saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
      );
    });
  }
}

/**
 * Starts teams-js and reads the context. `app.initialize` rejects at once when there is neither a
 * parent frame nor Teams' native bridge, but waits 60 s when a frame that is not Teams frames the
 * page: with `timeoutMs` the app goes on standalone (null) after that long; with null it waits as
 * long as teams-js does (the page is known to be in Teams: detect-host.ts).
 */
export async function startTeamsHost(timeoutMs: number | null): Promise<HostPort | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    if (timeoutMs !== null) timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const started = await Promise.race([app.initialize().then(() => 'ready' as const), timeout]);
    if (started === 'timeout') return null;
    return new TeamsHost(hostContextFrom(await app.getContext()));
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
