import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, resolveConfig, type ViteDevServer } from 'vite';

// `npm start`'s dev server (vite.config.ts) serves the project folder; the local sites' data lies
// in it (.local-site/) and must never be handed out. Its port is the helper's own (4420–4429).

const ROOT = resolve(import.meta.dirname, '../..');
const PORT = 4428;
const SECRET = '{"users":"the raw data of a local site"}';

let server: ViteDevServer;
let dataDir: string;

beforeAll(async () => {
  // A data folder of its own inside the project, as the default .local-site/ is.
  dataDir = mkdtempSync(join(ROOT, '.local-site-test-'));
  mkdirSync(join(dataDir, 'sites'));
  writeFileSync(join(dataDir, 'sites', 'planuppfoljning.json'), SECRET);
  process.env.LOCAL_SITE_DATA_DIR = dataDir;
  server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    server: { port: PORT, strictPort: true, hmr: false, watch: null },
    logLevel: 'silent',
  });
  await server.listen();
}, 60_000);

afterAll(async () => {
  delete process.env.LOCAL_SITE_DATA_DIR;
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// Starting Vite and resolving its config (vite.config.ts bundled on the fly) takes seconds on a
// busy 2-core machine: more than Vitest's default 5 s per test.
describe('the dev server', { timeout: 30_000 }, () => {
  const refused = async (path: string) => {
    const answer = await fetch(`http://localhost:${PORT}${path}`);
    expect([403, 404]).toContain(answer.status);
    expect(await answer.text()).not.toContain('the raw data of a local site');
  };

  it.each(['', '?raw', '?import', '?url'])('refuses the data file, asked as %j', async (query) => {
    await refused(`${dataDir.slice(ROOT.length)}/sites/planuppfoljning.json${query}`);
  });

  it('refuses the data file by its absolute path (/@fs/)', async () => {
    await refused(`/@fs${dataDir}/sites/planuppfoljning.json`);
  });

  it('still serves the app', async () => {
    const answer = await fetch(`http://localhost:${PORT}/src/main.tsx`);
    expect(answer.status).toBe(200);
  });

  it('keeps every file Vite itself refuses, and refuses the default data folder too', async () => {
    const defaults = await resolveConfig(
      { configFile: false, root: ROOT, logLevel: 'silent' },
      'serve',
    );
    delete process.env.LOCAL_SITE_DATA_DIR;
    const project = await resolveConfig(
      { configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent' },
      'serve',
    );
    process.env.LOCAL_SITE_DATA_DIR = dataDir;
    expect(defaults.server.fs.deny.length).toBeGreaterThan(0);
    expect(project.server.fs.deny).toEqual(expect.arrayContaining(defaults.server.fs.deny));
    expect(project.server.fs.deny).toContain(`${join(ROOT, '.local-site')}/**`);
  });
});
