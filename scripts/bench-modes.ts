/**
 * Bench of the two ways the app runs, side by side: the local default (the app and its local
 * SharePoint on one origin, no sign-in) and tenant mode (`npm run start:tenant`: MSAL, a local
 * identity provider, SharePoint and Graph on origins of their own). For each, from navigation to
 * the drawn owner screen: the sequential network round trips (the longest chain of requests each
 * of which starts after the one before it has ended: HTML, scripts, the token, CORS preflights,
 * REST), the requests of each kind, and the time with 4× CPU and 50 ms of network latency.
 * Tenant mode is measured as a returning user's visit: the identity provider knows the browser
 * (an earlier sign-in), the new tab has no tokens yet.
 *
 *   npx tsx scripts/bench-modes.ts [--no-build]
 *
 * Writes its table into docs/benchmarks.md (between the bench:modes markers).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { format, resolveConfig } from 'prettier';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { tenantOrigins } from './tenant-env';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOC_FILE = join(ROOT, 'docs', 'benchmarks.md');
const RUNS = 5;
const CPU_THROTTLING = 4;
const LATENCY_MS = 50;
const WAIT_MS = 90_000;
const LOCAL_PORT = Number(process.env.BENCH_LOCAL_PORT ?? 4391);
const TENANT_PORT = Number(process.env.BENCH_TENANT_PORT ?? 4460);
const TENANT = tenantOrigins(TENANT_PORT);
const START = '<!-- bench:modes:start -->';
const END = '<!-- bench:modes:end -->';

const log = (message: string) => process.stderr.write(`[bench-modes] ${message}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// ---------------------------------------------------------------------------------------------
// Servers

const children: ChildProcess[] = [];

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

function stopAll(): void {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Gone already.
      }
    }
  }
}

async function waitFor(url: string, page: Page): Promise<void> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const ok = await page.request
      .get(url, { timeout: 2_000 })
      .then((r) => r.ok())
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await sleep(500);
  }
}

// ---------------------------------------------------------------------------------------------
// One visit, seen through the DevTools protocol (which, unlike Playwright's request events,
// shows CORS preflights and the hidden sign-in frame's requests)

interface Hop {
  readonly url: string;
  readonly method: string;
  readonly preflight: boolean;
  readonly start: number;
  end: number;
}

interface Visit {
  readonly ms: number;
  readonly roundTrips: number;
  readonly requests: number;
  readonly rest: number;
  readonly preflights: number;
  readonly identity: number;
  readonly scripts: number;
}

/** The longest chain of hops in which each starts after the one before it has ended. */
export function roundTrips(hops: readonly { start: number; end: number }[]): number {
  const sorted = [...hops].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  let longest = 0;
  sorted.forEach((hop, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) {
      const earlier = sorted[j];
      if (earlier && earlier.end <= hop.start) before = Math.max(before, depth[j] ?? 0);
    }
    depth[i] = before + 1;
    longest = Math.max(longest, before + 1);
  });
  return longest;
}

const TABLE_SCRIPT = `(() => {
  window.__benchTableShown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const table = document.querySelector('[aria-label="Handlingsplaner"]');
      if (table && table.matches('table, [role="table"]')) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
})();`;

async function visit(
  context: BrowserContext,
  url: string,
  throttled: boolean,
  apiOrigin: string,
): Promise<Visit> {
  const page = await context.newPage();
  await page.addInitScript({ content: TABLE_SCRIPT });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }
  const hops = new Map<string, Hop>();
  const done: Hop[] = [];
  cdp.on('Network.requestWillBeSent', (event) => {
    const previous = hops.get(event.requestId);
    if (previous && event.redirectResponse) {
      previous.end = event.timestamp;
      done.push(previous);
    }
    hops.set(event.requestId, {
      url: event.request.url,
      method: event.request.method,
      preflight: (event.type as string | undefined) === 'Preflight',
      start: event.timestamp,
      end: Number.POSITIVE_INFINITY,
    });
  });
  const finish = (event: { requestId: string; timestamp: number }) => {
    const hop = hops.get(event.requestId);
    if (!hop) return;
    hop.end = event.timestamp;
    done.push(hop);
    hops.delete(event.requestId);
  };
  cdp.on('Network.loadingFinished', finish);
  cdp.on('Network.loadingFailed', finish);
  await page.goto(url, { waitUntil: 'commit', timeout: WAIT_MS });
  const ms = (await page.evaluate('window.__benchTableShown')) as number;
  // What had ended by the time the table was there (later requests are not on its path).
  const onPath = done.filter((h) => Number.isFinite(h.end));
  await page.close();
  const isIdentity = (h: Hop) => h.url.startsWith(TENANT.login);
  const isPreflight = (h: Hop) => h.preflight || h.method === 'OPTIONS';
  return {
    ms,
    roundTrips: roundTrips(onPath),
    requests: onPath.length,
    rest: onPath.filter(
      (h) => h.url.startsWith(apiOrigin) && h.url.includes('/_api/') && !isPreflight(h),
    ).length,
    preflights: onPath.filter(isPreflight).length,
    identity: onPath.filter((h) => isIdentity(h) && !isPreflight(h)).length,
    scripts: onPath.filter((h) => /\.m?js(\?|$)/.test(h.url)).length,
  };
}

async function signInOnce(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Logga in' }).click({ timeout: WAIT_MS });
  const window = await popup;
  await window.getByLabel('Användarnamn').fill('anna.lindgren@region.example');
  await window.getByLabel('Lösenord').fill('demo');
  await window.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('table', { name: 'Handlingsplaner' }).waitFor({ timeout: WAIT_MS });
  await page.close();
}

interface ModeResult {
  readonly mode: string;
  readonly plain: Visit;
  readonly throttledMs: number;
}

async function measure(
  browser: Browser,
  mode: 'local' | 'tenant',
  url: string,
  apiOrigin: string,
): Promise<ModeResult> {
  const plainRuns: Visit[] = [];
  const throttled: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const slow of [false, true]) {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 1000 },
        locale: 'sv-SE',
        ignoreHTTPSErrors: true,
      });
      if (mode === 'tenant') await signInOnce(context, url);
      const result = await visit(context, url, slow, apiOrigin);
      await context.close();
      if (slow) throttled.push(result.ms);
      else plainRuns.push(result);
    }
    log(`${mode}: run ${run + 1} of ${RUNS}`);
  }
  const pick = (key: keyof Visit) => median(plainRuns.map((v) => v[key]));
  return {
    mode,
    plain: {
      ms: pick('ms'),
      roundTrips: pick('roundTrips'),
      requests: pick('requests'),
      rest: pick('rest'),
      preflights: pick('preflights'),
      identity: pick('identity'),
      scripts: pick('scripts'),
    },
    throttledMs: median(throttled),
  };
}

function table(results: readonly ModeResult[]): string {
  const header =
    '| mode | round trips in sequence | requests | REST calls | CORS preflights | identity provider | scripts | drawn (ms) | drawn, 4× CPU + 50 ms (ms) |';
  const rule = '|' + ' --- |'.repeat(9);
  const rows = results.map(
    ({ mode, plain, throttledMs }) =>
      `| ${mode} | ${plain.roundTrips} | ${plain.requests} | ${plain.rest} | ${plain.preflights} | ${plain.identity} | ${plain.scripts} | ${Math.round(plain.ms)} | ${Math.round(throttledMs)} |`,
  );
  return [header, rule, ...rows].join('\n');
}

async function main(): Promise<void> {
  const build = !process.argv.includes('--no-build');
  const localDist = mkdtempSync(join(tmpdir(), 'bench-modes-local-'));
  if (build) {
    log('building the local default');
    const built = spawnSync('npx', ['vite', 'build', '--outDir', localDist, '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    if (built.status !== 0) throw new Error('local build failed');
  }
  startProcess(
    'npx',
    ['vite', 'preview', '--port', String(LOCAL_PORT), '--strictPort', '--outDir', localDist],
    { LOCAL_SITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-modes-site-')) },
  );
  startProcess('npx', ['tsx', 'scripts/start-tenant.ts', ...(build ? [] : ['--no-build'])], {
    TENANT_PORT: String(TENANT_PORT),
    LOCAL_TENANT_DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-modes-tenant-')),
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });

  try {
    const probe = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
    const localOrigin = `http://localhost:${LOCAL_PORT}`;
    await waitFor(`${localOrigin}/`, probe);
    await waitFor(`${TENANT.app}/`, probe);
    const local = await measure(browser, 'local', `${localOrigin}/`, localOrigin);
    const tenant = await measure(browser, 'tenant', `${TENANT.app}/`, TENANT.sharePoint);
    const text = table([local, tenant]);
    console.log(text);
    const doc = readFileSync(DOC_FILE, 'utf8');
    const section = `${START}\n\n${text}\n\nMedians of ${RUNS} visits each (\`npm run bench\`, scripts/bench-modes.ts), ${new Date().toISOString().slice(0, 10)}. Round trips in sequence: the longest chain of requests each of which starts after the one before it has ended, from the HTML to the owner screen's last REST answer, read through the DevTools protocol (it shows CORS preflights and the hidden sign-in frame). Tenant mode is a returning user's visit in a new tab: the identity provider knows the browser, MSAL has no token yet (silent sign-in in a hidden frame, then the token request). Both on this machine: another origin is another port on localhost, so the 50 ms latency stands for every hop.\n\n${END}`;
    const updated = doc.includes(START)
      ? doc.slice(0, doc.indexOf(START)) + section + doc.slice(doc.indexOf(END) + END.length)
      : `${doc.trimEnd()}\n\n## Local and tenant mode\n\n${section}\n`;
    const options = (await resolveConfig(DOC_FILE)) ?? {};
    writeFileSync(DOC_FILE, await format(updated, { ...options, filepath: DOC_FILE }));
  } finally {
    await browser.close();
    stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    stopAll();
    process.exit(1);
  },
);
