import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

// Browser tests run the production build under `vite preview`, with the local SharePoint sites on
// the same origin and a fresh data folder for every run. Every test works on a site of its own
// (tests/browser/fixtures.ts), so tests run in parallel. Chromium is Debian's (/usr/bin/chromium):
// nothing is downloaded.
const port = Number(process.env.E2E_PORT ?? 4319);
const dataDir = mkdtempSync(join(tmpdir(), 'planuppfoljning-e2e-'));
// The tenant path (tests/browser/tenant): `npm run start:tenant` on its own ports, with the app's
// production build in tenant mode, a local identity provider, and SharePoint and Graph on origins
// of their own, all over https with a certificate made for the run.
const tenantPort = Number(process.env.E2E_TENANT_PORT ?? 4420);
const tenantDataDir = mkdtempSync(join(tmpdir(), 'planuppfoljning-tenant-'));

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1400, height: 1000 },
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
};

/**
 * Tests that measure how soon the first screen draws (against the app's one-second wait): they
 * run after all the others, one at a time, so that the suite's own parallel workers do not use up
 * the second they measure. (`--no-deps` runs them without the rest.)
 */
const TIMED = '**/first-screen.spec.ts';
const TENANT = '**/tenant/*.spec.ts';

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  // One output folder per port, so runs on different ports do not share trace files.
  outputDir: `test-results/${port}`,
  fullyParallel: true,
  // E2E_WORKERS overrides; the default is what measured fastest on a 2-core machine.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // Generous for a shared 2-core machine: beside parallel workers (and whatever else runs) the
  // slowest steps, such as locking a period (a dozen permission changes) or keyboard journeys of
  // a hundred key presses, take several times what they take alone.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', use: chromium, testIgnore: [TIMED, TENANT] },
    {
      name: 'tenant',
      testMatch: TENANT,
      use: { ...chromium, baseURL: `https://localhost:${tenantPort}`, ignoreHTTPSErrors: true },
    },
    {
      name: 'timed',
      use: chromium,
      testMatch: TIMED,
      dependencies: ['chromium'],
      fullyParallel: false,
    },
  ],
  webServer: [
    {
      command: `npx vite build --logLevel warn && npx vite preview --port ${port} --strictPort`,
      url: `http://localhost:${port}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        LOCAL_SITE_DATA_DIR: dataDir,
        PORT: String(port),
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
        // The manifest id, as a deployment builds it in (HARNESS_APP_ID in teams-harness.ts).
        VITE_TEAMS_APP_ID: '00000000-0000-4000-8000-0000000000aa',
      },
    },
    {
      command: 'npx tsx scripts/start-tenant.ts',
      url: `https://localhost:${tenantPort}/`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 240_000,
      env: {
        TENANT_PORT: String(tenantPort),
        LOCAL_TENANT_DATA_DIR: tenantDataDir,
        // Tokens the tests let expire are refused at once, not after five minutes' skew.
        TENANT_CLOCK_SKEW_SECONDS: '0',
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
      },
    },
  ],
});
