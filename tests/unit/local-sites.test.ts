import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { emptySiteState } from '../../src/local-site/test-fixture';
import { localSitesMiddleware, siteDataFile } from '../../src/local-site/vite-plugin';

// The Vite plugin's router of many local sites, on a plain Node server (Vitest keeps the plugin
// out of its own Vite server).

const PERIODS = `_api/web/lists/getByTitle('Uppf%C3%B6ljningsperioder')/items?$select=PeriodKey`;

let dataDir: string;
let server: Server;
let base: string;

async function start(maxSites?: number) {
  const middleware = localSitesMiddleware({
    dataDir,
    createInitialState: loadDemoState,
    namedStates: { empty: emptySiteState },
    ...(maxSites ? { maxSites } : {}),
  });
  server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 299;
      res.end('not a site');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const get = (path: string) => fetch(`${base}${path}`, { headers: { Accept: 'application/json' } });

/** A GET with the path exactly as written (fetch would resolve `%2e%2e` first). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}
const reset = (site: string, state?: string) =>
  fetch(`${base}${site}/_local/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: state ? JSON.stringify({ state }) : '',
  });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-sites-test-'));
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('localSitesMiddleware', () => {
  it('serves any /sites/<name> as a site of its own, starting from the demo data', async () => {
    await start();
    for (const site of ['/sites/planuppfoljning', '/sites/e2e-w1-abc', '/sites/0']) {
      const answer = await get(`${site}/${PERIODS}`);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(await answer.json())).toContain('2020-04');
    }
  });

  it('resets only the site it is sent to, and keeps each site in its own data file', async () => {
    await start();
    expect((await get(`/sites/team-a/${PERIODS}`)).status).toBe(200);
    expect((await reset('/sites/team-b', 'empty')).status).toBe(204);

    expect((await get(`/sites/team-b/${PERIODS}`)).status).toBe(404);
    expect((await get(`/sites/team-a/${PERIODS}`)).status).toBe(200);
    expect(existsSync(siteDataFile(dataDir, 'team-b'))).toBe(true);
    expect(siteDataFile(dataDir, 'team-b')).toBe(join(dataDir, 'sites', 'team-b.json'));

    expect((await reset('/sites/team-b')).status).toBe(204);
    expect((await get(`/sites/team-b/${PERIODS}`)).status).toBe(200);
  });

  it('picks up a site’s data file again after a restart', async () => {
    await start();
    expect((await reset('/sites/team-b', 'empty')).status).toBe(204);
    await new Promise((resolve) => server.close(resolve));
    await start();
    expect((await get(`/sites/team-b/${PERIODS}`)).status).toBe(404);
    expect((await get(`/sites/team-a/${PERIODS}`)).status).toBe(200);
  });

  it.each([
    '/sites/',
    '/sites/Planuppfoljning/_api/web',
    '/sites/-team/_api/web',
    '/sites/team_a/_api/web',
    '/sites/%2e%2e/_api/web',
    '/sites/..%2f..%2fetc/_api/web',
    `/sites/${'a'.repeat(64)}/_api/web`,
  ])('answers %s as a site that does not exist (404), creating nothing', async (path) => {
    await start();
    const answer = await rawGet(path);
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('no site');
    expect(existsSync(join(dataDir, 'sites'))).toBe(false);
  });

  it('keeps at most maxSites sites; the sites it has keep working', async () => {
    await start(2);
    expect((await get(`/sites/one/${PERIODS}`)).status).toBe(200);
    expect((await get(`/sites/two/${PERIODS}`)).status).toBe(200);
    const third = await get(`/sites/three/${PERIODS}`);
    expect(third.status).toBe(404);
    expect(await third.text()).toContain('at most 2 sites');
    expect((await get(`/sites/one/${PERIODS}`)).status).toBe(200);
    expect(existsSync(siteDataFile(dataDir, 'three'))).toBe(false);
  });

  it('leaves everything outside /sites/ to the next handler', async () => {
    await start();
    for (const path of ['/', '/index.html', '/sites', '/sitesx/a', '/assets/main.js']) {
      expect((await get(path)).status).toBe(299);
    }
  });
});
