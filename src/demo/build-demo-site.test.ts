import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDemoSite } from './build-demo-site';
import { DEMO_SNAPSHOT_FILE, serializeDemoState } from './load-demo-state';

describe('the demo snapshot', () => {
  it('is exactly what the app’s set-up and adapters make of an empty site (else: npm run build-demo)', async () => {
    const built = serializeDemoState(await buildDemoSite());
    const committed = readFileSync(DEMO_SNAPSHOT_FILE, 'utf8');
    // Compared as text, so that a stale snapshot fails even where the parsed values would agree.
    expect(built).toBe(committed);
  }, 30_000);
});
