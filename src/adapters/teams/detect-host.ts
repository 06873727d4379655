import type { HostPort } from '../../domain/ports';

/** How long a framed page waits for Teams before it goes on standalone. */
export const HOST_TIMEOUT_MS = 1_500;

/**
 * Whether the page runs inside Teams. A page nobody frames is standalone at once, without loading
 * teams-js (it stays out of the standalone first screen); a framed page loads it on demand and
 * gives Teams `timeoutMs` to answer.
 */
export async function detectHost(
  win: Window = window,
  timeoutMs: number = HOST_TIMEOUT_MS,
): Promise<HostPort | null> {
  if (win.parent === win) return null;
  try {
    const { startTeamsHost } = await import('./teams-host');
    return await startTeamsHost(timeoutMs);
  } catch {
    // teams-js could not be loaded (offline, blocked): the app still works standalone.
    return null;
  }
}
