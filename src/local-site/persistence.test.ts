import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalSite } from './local-site';
import { loadState, saveState, stateProblem } from './persistence';
import type { SiteState } from './site-state';
import { fixtureState, serveSite, FIXTURE_LISTS } from './test-fixture';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-site-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const FU = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.followUps)}')`;
const WRITE_HEADERS = {
  Accept: 'application/json',
  'Content-Type': 'application/json;charset=utf-8',
  'X-RequestDigest': '0xABC,now',
};

describe('persistence', () => {
  it('saves atomically into a new folder and loads the same state back', () => {
    const file = join(dir, 'nested', 'site.json');
    const state = fixtureState();
    saveState(file, state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['site.json']);
    const loaded = loadState(file);
    expect(loaded).toEqual({
      kind: 'loaded',
      state: JSON.parse(JSON.stringify(state)) as SiteState,
    });
    expect(loadState(join(dir, 'missing.json'))).toEqual({ kind: 'missing' });
  });

  it('finds what is wrong with a state that is not one', () => {
    expect(stateProblem([])).toBe('not a JSON object');
    const state = JSON.parse(JSON.stringify(fixtureState())) as Record<string, unknown>;
    expect(stateProblem(state)).toBeNull();
    expect(stateProblem({ ...state, lists: [{ id: 'x', nextItemId: 1 }] })).toBe(
      'a list lacks its Title',
    );
  });

  it('round trip: writes survive a restart of the site', async () => {
    const file = join(dir, 'data', 'site.json');
    const first = createLocalSite({ dataFile: file, createInitialState: fixtureState });
    expect(existsSync(file)).toBe(true);
    const server = await serveSite(first);
    try {
      const added = await fetch(`${server.siteUrl}/${FU}/items`, {
        method: 'POST',
        headers: WRITE_HEADERS,
        body: JSON.stringify({ Title: 'Persisted', PlanPeriodKey: 'p|2020-04' }),
      });
      expect(added.status).toBe(201);
      const merged = await fetch(`${server.siteUrl}/${FU}/items(1)`, {
        method: 'POST',
        headers: { ...WRITE_HEADERS, 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '"1"' },
        body: JSON.stringify({ SortOrder: 42 }),
      });
      expect(merged.status).toBe(204);
    } finally {
      await server.close();
    }
    expect(readdirSync(join(dir, 'data'))).toEqual(['site.json']);

    const second = createLocalSite({
      dataFile: file,
      createInitialState: () => {
        throw new Error('the data file should have been used');
      },
    });
    const items = second.state().lists[0]?.items ?? [];
    expect(items.find((i) => i.Id === 6)?.fields.Title).toBe('Persisted');
    expect(items.find((i) => i.Id === 1)).toMatchObject({ version: 2, fields: { SortOrder: 42 } });
    expect(second.state().lists[0]?.nextItemId).toBe(7);
  });

  it('reset() writes the initial state back to the file', () => {
    const file = join(dir, 'site.json');
    const site = createLocalSite({ dataFile: file, createInitialState: fixtureState });
    site.state().lists[0]?.items.splice(0);
    site.reset();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SiteState;
    expect(saved.lists[0]?.items).toHaveLength(5);
  });

  it('sets a corrupt file aside, logs it and starts from the initial state', () => {
    const file = join(dir, 'site.json');
    writeFileSync(file, '{ "title": "half a file');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const site = createLocalSite({ dataFile: file, createInitialState: fixtureState });
    expect(site.state().lists[0]?.items).toHaveLength(5);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('is not a valid site state'));
    const names = readdirSync(dir);
    expect(names).toContain('site.json');
    expect(names.some((n) => n.startsWith('site.json.corrupt-'))).toBe(true);
  });
});
