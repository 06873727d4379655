import type { HostPort } from '../../domain/ports';
import { TEAMS_MARKER_PARAM } from '../../domain/tab-config';

/** How long a framed page without the Teams marker waits for Teams before it goes on standalone. */
export const HOST_TIMEOUT_MS = 1_500;

/** What the page can tell about its host before any of teams-js is loaded. */
export interface HostSigns {
  /** Something frames the page (`window.parent !== window`): Teams web and desktop do. */
  readonly framed: boolean;
  /**
   * Teams' native bridge is there (`window.nativeInterface`): Teams iOS and Android show the tab
   * in a top-level webview and talk to it through this object, teams-js's "frameless" window.
   */
  readonly nativeBridge: boolean;
  /** The address carries TEAMS_MARKER_PARAM (the manifest's and the saved tab's addresses do). */
  readonly marked: boolean;
}

/**
 * How the app starts:
 * - `standalone`: no teams-js at all (it stays out of the standalone first screen);
 * - `teams`: teams-js, waiting for Teams as long as teams-js itself does (its own 60 s);
 * - `probe`: teams-js, but standalone after HOST_TIMEOUT_MS (a frame that may not be Teams).
 */
export type HostStart = 'standalone' | 'teams' | 'probe';

/**
 * The start the signs call for. teams-js talks to a parent frame when there is one, else to the
 * native bridge, else it fails at once (`initializeCommunication` in its
 * internal/communication.ts): a top-level page without the bridge is never in Teams, marker or
 * not (a tab address opened in a browser). A frame with the marker, or the bridge, is Teams;
 * only a frame without the marker (a tab saved before the marker existed, or someone else's
 * frame) needs the short race.
 */
export function hostStart(signs: HostSigns): HostStart {
  if (!signs.framed) return signs.nativeBridge ? 'teams' : 'standalone';
  return signs.marked ? 'teams' : 'probe';
}

/** Reads the signs from the page itself. */
export function hostSigns(win: Window): HostSigns {
  const bridge = (win as Window & { nativeInterface?: unknown }).nativeInterface;
  return {
    framed: win.parent !== win,
    nativeBridge: typeof bridge === 'object' && bridge !== null,
    marked: new URLSearchParams(win.location.search).has(TEAMS_MARKER_PARAM),
  };
}

/**
 * Whether the page runs inside Teams (see hostStart). teams-js is loaded on demand, only when a
 * sign says the page may be in Teams.
 */
export async function detectHost(
  win: Window = window,
  timeoutMs: number = HOST_TIMEOUT_MS,
): Promise<HostPort | null> {
  const start = hostStart(hostSigns(win));
  if (start === 'standalone') return null;
  try {
    const { startTeamsHost } = await import('./teams-host');
    return await startTeamsHost(start === 'probe' ? timeoutMs : null);
  } catch {
    // teams-js could not be loaded (offline, blocked): the app still works standalone.
    return null;
  }
}
