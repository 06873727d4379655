/**
 * When the site saves its data file: after a write, never after reads — not even a `$batch` of
 * reads, which is every first screen's opening request (saving a large site on each one cost the
 * first screen half a second at 20,000 items).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLocalSite } from './local-site';
import { fixtureState, serveSite, type FixtureServer, FIXTURE_LISTS } from './test-fixture';

let dir: string;
let file: string;
let server: FixtureServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'local-site-saving-'));
  file = join(dir, 'site.json');
  server = await serveSite(createLocalSite({ createInitialState: fixtureState, dataFile: file }));
  // Written at start; removed, so that any later save shows.
  rmSync(file);
});

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('saves nothing for a batch of reads, and saves a batch with a write', async () => {
  const sp = spfi(server.siteUrl).using(SPBrowser({ baseUrl: server.siteUrl }));
  const [reads, runReads] = sp.batched();
  const list = reads.web.lists.getByTitle(FIXTURE_LISTS.followUps);
  void list.items.select('Id')();
  void reads.web.lists.getByTitle(FIXTURE_LISTS.periods).items.select('Id')();
  await runReads();
  expect(existsSync(file)).toBe(false);

  const [writes, runWrites] = sp.batched();
  const update = writes.web.lists
    .getByTitle(FIXTURE_LISTS.followUps)
    .items.getById(1)
    .update({ Title: 'Plan A, ändrad' }, '*');
  await runWrites();
  await update;
  expect(existsSync(file)).toBe(true);
});
