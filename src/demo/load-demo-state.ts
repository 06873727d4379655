/**
 * The demo site as committed (demo-site.json, written by `npm run build-demo` from
 * build-demo-site.ts): what `npm start` and `npm run reset-demo` start from, and the demo data of
 * node tests. Read afresh on every call, so each caller gets a state of its own to change.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stateProblem } from '../local-site/persistence';
import type { SiteState } from '../local-site/site-state';

/** Where the snapshot lives (a path: jsdom's URL class is not one node:fs takes). */
export const DEMO_SNAPSHOT_FILE = join(dirname(fileURLToPath(import.meta.url)), 'demo-site.json');

/** The snapshot's text as `npm run build-demo` writes it. */
export function serializeDemoState(state: SiteState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** The demo site state, checked like the local site's data file. */
export function loadDemoState(): SiteState {
  const parsed: unknown = JSON.parse(readFileSync(DEMO_SNAPSHOT_FILE, 'utf8'));
  const problem = stateProblem(parsed);
  if (problem) {
    throw new Error(
      `${DEMO_SNAPSHOT_FILE} is not a site state (${problem}); run npm run build-demo.`,
    );
  }
  return parsed as SiteState;
}

/** The id the site gave a group of the demo (set-up creates the app's groups, so ids follow). */
export function demoGroupId(title: string): number {
  const group = loadDemoState().groups.find((g) => g.Title === title);
  if (!group) throw new Error(`The demo site has no group '${title}'.`);
  return group.Id;
}
