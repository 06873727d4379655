/**
 * Bench of the owner screen: builds the app once, serves it with `vite preview` and the local
 * SharePoint site, and measures in Chromium (Playwright) what the first screen downloads, which
 * REST calls it needs, how fast it shows, and one save, for three sizes of the follow-up list.
 * Prints one table and writes docs/benchmarks.md (the previous "Latest" moves to "Previous runs").
 *
 *   npx tsx scripts/bench.ts [--no-build] [--sizes=demo,500,20000]
 *
 * `--sizes` other than the default prints the table but leaves docs/benchmarks.md alone.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from '@playwright/test';
import { format, resolveConfig } from 'prettier';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from './chromium';
import { timeReport } from './report-bench';
import {
  FOLLOW_UP_LIST,
  INPUT_STATE_CHOICES,
  LIFECYCLE_CHOICES,
  REVIEW_CHOICES,
  STATUS_CHOICES,
} from '../src/adapters/sharepoint/schema';
import { loadDemoState } from '../src/demo/load-demo-state';
import type { ListItemRecord, ListState, SiteState } from '../src/local-site/site-state';
import { DEMO_SITE_NAME, siteDataFile } from '../src/local-site/vite-plugin';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOC_FILE = join(ROOT, 'docs', 'benchmarks.md');
const SITE_PATH = '/sites/planuppfoljning';
const VIEWPORT = { width: 1400, height: 1000 };
const TIMING_RUNS = 5;
const CPU_THROTTLING = 4;
const ADDED_LATENCY_MS = 50;
const BUILD_TIMEOUT_MS = 300_000;
const SERVER_START_TIMEOUT_MS = 90_000;
const WAIT_MS = 30_000;
const THROTTLED_WAIT_MS = 90_000;
/** The whole bench is stopped (and fails) after this long. */
const WATCHDOG_MS = 15 * 60_000;

/** UI texts the bench waits for (Swedish, the default locale). */
const UI = {
  table: 'Handlingsplaner',
  comment: 'Kommentar',
  status: STATUS_CHOICES.good,
  saveDraft: 'Spara utkast',
  savedDraft: 'Utkastet sparades',
} as const;

type SizeSpec = 'demo' | number;
const DEFAULT_SIZES: readonly SizeSpec[] = ['demo', 500, 20_000];

// ---------------------------------------------------------------------------------------------
// Small helpers

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) throw new Error('median of no values');
  const lower = sorted[middle - 1];
  return sorted.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function gzipSize(body: Buffer): number {
  return body.length === 0 ? 0 : gzipSync(body, { level: 9 }).length;
}

// ---------------------------------------------------------------------------------------------
// Data: the demo state plus follow-ups of old periods

const TOPICS = [
  'Läkemedel',
  'Patientsäkerhet',
  'Miljö',
  'Tillgänglighet',
  'Folkhälsa',
  'Digitalisering',
  'Kompetensförsörjning',
  'Psykisk hälsa',
  'Jämställdhet',
  'Informationssäkerhet',
  'Krisberedskap',
  'Primärvård',
  'Barn och unga',
  'Äldres hälsa',
  'Hållbar upphandling',
  'Kulturmiljö',
];

function followUpList(state: SiteState): ListState {
  const list = state.lists.find((l) => l.Title === FOLLOW_UP_LIST.title);
  if (!list) throw new Error(`The demo state has no list '${FOLLOW_UP_LIST.title}'`);
  return list;
}

/** The day owners submitted a period's follow-up: the 14th of the month after it closed. */
function submittedAt(periodKey: string): string {
  const [year = 0, month = 0] = periodKey.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return `${next}-14T08:00:00Z`;
}

/** As SharePoint stores enhanced rich text (and as the demo snapshot holds it). */
function wrapRichText(html: string, id: number): string {
  return `<div class="ExternalClass${id.toString(16).toUpperCase().padStart(8, '0')}">${html}</div>`;
}

/** Period keys 2000-04 … 2019-12 (April, August, December) that the demo does not use. */
function oldPeriodKeys(used: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  for (let year = 2000; year <= 2019; year += 1) {
    for (const month of ['04', '08', '12']) {
      const key = `${year}-${month}`;
      if (!used.has(key)) keys.push(key);
    }
  }
  return keys;
}

/**
 * One follow-up of an old period, with every field of FOLLOW_UP_LIST in the stored shapes of
 * the demo snapshot: Owners an array of user ids, SubmittedBy a user id, choices as Swedish text,
 * PlanDocument `{ Description, Url }`, rich text wrapped, dates ISO UTC.
 */
function oldFollowUp(id: number, index: number, keys: readonly string[], owners: number[]) {
  const periodKey = keys[index % keys.length] ?? '2000-04';
  const planNo = Math.floor(index / keys.length) + 1;
  const year = Number(periodKey.slice(0, 4));
  const topic = TOPICS[planNo % TOPICS.length] ?? 'Verksamhet';
  const planKey = `arkiv-${planNo}`;
  const title = `Övergripande handlingsplan ${topic} (${planNo}) ${year - 1}-${year + 1}`;
  const owner = owners[planNo % owners.length] ?? 11;
  const coOwner = owners[(planNo + 3) % owners.length] ?? owner;
  const statuses = Object.values(STATUS_CHOICES);
  const status = statuses[(index + planNo) % statuses.length] ?? STATUS_CHOICES.good;
  const at = submittedAt(periodKey);
  const values: Record<string, unknown> = {
    Title: title,
    PlanKey: planKey,
    PeriodKey: periodKey,
    PlanPeriodKey: `${planKey}|${periodKey}`,
    SortOrder: planNo,
    Validity: `${year - 1}–${year + 1}`,
    Decision: `RD ${year - 1}-11-16`,
    DiaryNumber: `RS/${1000 + planNo}/${year - 1}`,
    PlanDocument:
      planNo % 3 === 0
        ? { Description: title, Url: `https://diariet.region.example/files/${planKey}.pdf` }
        : null,
    Owners: planNo % 5 === 0 && coOwner !== owner ? [owner, coOwner] : [owner],
    Lifecycle: planNo % 10 === 0 ? LIFECYCLE_CHOICES.retired : LIFECYCLE_CHOICES.active,
    LifecycleFrom: planNo % 10 === 0 ? periodKey : null,
    ReplacedBy: null,
    Status: status,
    StatusNote: status === STATUS_CHOICES['not-assessed'] ? 'Ska omarbetas' : '',
    Comment: wrapRichText(
      `<p><i>Kommentar:</i> Uppföljning per ${periodKey} av handlingsplanen för ${topic.toLowerCase()}. ` +
        'Arbetet med målen pågår; flera aktiviteter är genomförda och resterande planeras till ' +
        'nästa period.</p><ul><li>Aktivitet 1 genomförd</li><li>Aktivitet 2 påbörjad</li></ul>',
      id,
    ),
    InputState: INPUT_STATE_CHOICES.submitted,
    SubmittedBy: owner,
    SubmittedAt: at,
    ReviewState: REVIEW_CHOICES.approved,
    ReviewComment: '',
  };
  const fields: Record<string, unknown> = {};
  for (const field of FOLLOW_UP_LIST.fields) {
    if (!(field.internalName in values))
      throw new Error(`No bench value for ${field.internalName}`);
    fields[field.internalName] = values[field.internalName];
  }
  const extra = Object.keys(values).filter((k) => !(k in fields));
  if (extra.length > 0) throw new Error(`Bench values not in the list: ${extra.join(', ')}`);
  const item: ListItemRecord = {
    Id: id,
    version: 1,
    Created: at,
    Modified: at,
    AuthorId: owner,
    EditorId: owner,
    fields,
  };
  return item;
}

/** The demo state, with follow-ups of old periods added until the list holds `total` items. */
function benchState(size: SizeSpec): SiteState {
  const demo = loadDemoState();
  const list = followUpList(demo);
  if (size === 'demo') return demo;
  const missing = size - list.items.length;
  if (missing < 0) {
    throw new Error(`Size ${size} is below the demo's ${list.items.length} items; use 'demo'`);
  }
  const used = new Set(list.items.map((i) => String(i.fields.PeriodKey)));
  const keys = oldPeriodKeys(used);
  const owners = [
    ...new Set(
      list.items.flatMap((i) =>
        Array.isArray(i.fields.Owners)
          ? i.fields.Owners.filter((o): o is number => typeof o === 'number')
          : [],
      ),
    ),
  ].sort((a, b) => a - b);
  const extra: ListItemRecord[] = [];
  for (let index = 0; index < missing; index += 1) {
    extra.push(oldFollowUp(list.nextItemId + index, index, keys, owners));
  }
  const grown: ListState = {
    ...list,
    items: [...list.items, ...extra],
    nextItemId: list.nextItemId + missing,
  };
  return { ...demo, lists: demo.lists.map((l) => (l === list ? grown : l)) };
}

// ---------------------------------------------------------------------------------------------
// Build and server

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
}

function git(args: readonly string[]): string {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : '';
}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? done(port) : reject(new Error('No free port'))));
    });
  });
}

interface PreviewServer {
  readonly origin: string;
  stop(): Promise<void>;
}

let runningServer: PreviewServer | null = null;

function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((done) => {
    const killed = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      done();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(killed);
      done();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(killed);
      done();
    }
  });
}

async function startPreview(port: number, dataDir: string): Promise<PreviewServer> {
  // Its own process group (detached), so stopping it also stops the node process npx starts.
  const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOCAL_SITE_DATA_DIR: dataDir,
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const origin = `http://localhost:${port}`;
  const server: PreviewServer = { origin, stop: () => stopProcessGroup(child) };
  runningServer = server;
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`vite preview exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    try {
      const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Error(
        `vite preview did not answer within ${SERVER_START_TIMEOUT_MS} ms:\n${output}`,
      );
    }
    await sleep(200);
  }
}

/** Asks the site how many follow-ups it holds (and so has it load its data file). */
async function itemCountOnServer(origin: string): Promise<number> {
  const title = encodeURIComponent(FOLLOW_UP_LIST.title);
  const url = `${origin}${SITE_PATH}/_api/web/lists/getByTitle('${title}')?$select=ItemCount`;
  const response = await fetch(url, {
    headers: { Accept: 'application/json;odata=nometadata' },
    signal: AbortSignal.timeout(WAIT_MS),
  });
  const body: unknown = await response.json();
  if (
    !response.ok ||
    typeof body !== 'object' ||
    body === null ||
    !('ItemCount' in body) ||
    typeof body.ItemCount !== 'number'
  ) {
    throw new Error(`ItemCount request failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.ItemCount;
}

// ---------------------------------------------------------------------------------------------
// Browser measurements

/** Records, relative to navigation start, when the plan table enters the DOM. */
const MARK_TABLE_SCRIPT = `(() => {
  const selector = '[aria-label="${UI.table}"]';
  window.__benchTableShown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const table = document.querySelector(selector);
      if (window.__benchTableAt === undefined && table && table.matches('table, [role="table"]')) {
        window.__benchTableAt = performance.now();
        observer.disconnect();
        resolve(window.__benchTableAt);
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
})();`;

/** Records when the "Spara utkast" click happens and when the saved message enters the DOM. */
const MARK_SAVE_SCRIPT = `(() => {
  window.__benchSaveClick = undefined;
  window.__benchSaveDone = undefined;
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (window.__benchSaveClick === undefined && button && (button.textContent || '').includes('${UI.saveDraft}')) {
      window.__benchSaveClick = performance.now();
    }
  }, true);
  const observer = new MutationObserver(() => {
    if (window.__benchSaveClick !== undefined && (document.body.textContent || '').includes('${UI.savedDraft}')) {
      window.__benchSaveDone = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

async function pageNumber(page: Page, expression: string): Promise<number> {
  const value = await page.evaluate<unknown>(expression);
  if (typeof value !== 'number') throw new Error(`${expression} is ${String(value)} in the page`);
  return value;
}

interface Asset {
  readonly name: string;
  readonly raw: number;
  readonly gzip: number;
  /** Starts with V8's compile hint (vite.config.ts, FIRST_SCREEN_CHUNKS). */
  readonly compileHint: boolean;
}

const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
/** First-screen scripts from this size on should carry the compile hint. */
const COMPILE_HINT_FROM_BYTES = 10_240;

interface RestCall {
  readonly label: string;
  readonly status: number;
  readonly bytes: number;
  readonly gzip: number;
  /** Request start to response end as Chromium timed it; -1 when unknown. */
  readonly ms: number;
}

/** Every request of a page, in order; positions mark the phases of a run. */
class Traffic {
  readonly requests: Request[] = [];
  readonly pageErrors: string[] = [];

  constructor(page: Page) {
    page.on('request', (request) => this.requests.push(request));
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  mark(): number {
    return this.requests.length;
  }

  between(from: number, to: number = this.requests.length): Request[] {
    return this.requests.slice(from, to);
  }
}

const isRest = (r: Request) => r.url().includes('/_api/');
const isLocalOnly = (r: Request) => r.url().includes(`${SITE_PATH}/_local/`);
const pathOf = (r: Request) => new URL(r.url()).pathname;
const isScript = (r: Request) => r.resourceType() === 'script' || /\.m?js$/.test(pathOf(r));
const isStyle = (r: Request) => r.resourceType() === 'stylesheet' || pathOf(r).endsWith('.css');

async function responseOf(request: Request) {
  return withTimeout(request.response(), WAIT_MS, `response of ${request.url()}`);
}

async function bodyOf(request: Request): Promise<{ status: number; body: Buffer }> {
  const response = await responseOf(request);
  if (!response) return { status: 0, body: Buffer.alloc(0) };
  try {
    return { status: response.status(), body: await response.body() };
  } catch {
    return { status: response.status(), body: Buffer.alloc(0) };
  }
}

async function assets(requests: readonly Request[]): Promise<Asset[]> {
  const found: Asset[] = [];
  for (const request of requests) {
    const { status, body } = await bodyOf(request);
    if (status >= 400) throw new Error(`HTTP ${status} for ${request.url()}`);
    const name = pathOf(request).split('/').pop() ?? request.url();
    const head = body.subarray(0, 1024).toString('utf8').split('\n').slice(0, 2);
    found.push({
      name,
      raw: body.length,
      gzip: gzipSize(body),
      compileHint: head.includes(COMPILE_HINT),
    });
  }
  return found;
}

/** "GET web/lists/getByTitle('…')/items ($filter=…, $top=…)": the call without $select noise. */
function restLabel(request: Request): string {
  const url = new URL(request.url());
  const path = decodeURIComponent(url.pathname.slice(url.pathname.indexOf('/_api/') + 6));
  const options = ['$filter', '$top']
    .map((name) => [name, url.searchParams.get(name)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== null)
    .map(([name, value]) => `${name}=${value}`);
  const method = request.headers()['x-http-method'] ?? request.method();
  return `${method} ${path}${options.length > 0 ? ` (${options.join(', ')})` : ''}`;
}

async function restCalls(requests: readonly Request[]): Promise<RestCall[]> {
  const calls: RestCall[] = [];
  for (const request of requests.filter(isRest)) {
    const { status, body } = await bodyOf(request);
    const label = restLabel(request);
    if (status === 0 || status >= 400) throw new Error(`REST call failed (${status}): ${label}`);
    const ms = request.timing().responseEnd;
    calls.push({ label, status, bytes: body.length, gzip: gzipSize(body), ms });
  }
  return calls;
}

interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly traffic: Traffic;
  readonly wait: number;
}

/** A fresh context (no cache, no cookies) and page; optionally slowed down. */
async function openSession(browser: Browser, origin: string, throttled: boolean): Promise<Session> {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: VIEWPORT,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  const page = await context.newPage();
  const traffic = new Traffic(page);
  await page.addInitScript({ content: MARK_TABLE_SCRIPT });
  if (throttled) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await page.route('**/*', async (route) => {
      await sleep(ADDED_LATENCY_MS);
      await route.continue().catch(() => undefined);
    });
  }
  return { context, page, traffic, wait: throttled ? THROTTLED_WAIT_MS : WAIT_MS };
}

async function closeSession(session: Session): Promise<void> {
  await withTimeout(session.context.close(), WAIT_MS, 'closing a browser context').catch(
    (error: unknown) => log(`could not close a context: ${String(error)}`),
  );
}

const planTable = (page: Page) => page.getByRole('table', { name: UI.table });

/**
 * Loads "/" and waits for the plan table; answers ms from navigation start. It waits in the page
 * (the init script's promise), not by polling a locator: Playwright's injected script would run
 * its queries on the page's throttled main thread while the app starts. Only then does
 * Playwright check that the table is visible.
 */
async function showOwnerScreen(session: Session): Promise<number> {
  await session.page.goto('/', { waitUntil: 'commit', timeout: session.wait });
  await withTimeout(
    session.page.evaluate('window.__benchTableShown'),
    session.wait,
    'the plan table entering the page',
  );
  await planTable(session.page).waitFor({ state: 'visible', timeout: session.wait });
  return pageNumber(session.page, 'window.__benchTableAt');
}

/** Clicks the first plan in the table and waits for the form's comment editor. */
async function openFirstPlan(session: Session): Promise<void> {
  await planTable(session.page).getByRole('button').first().click({ timeout: session.wait });
  await session.page
    .getByRole('textbox', { name: UI.comment })
    .waitFor({ state: 'visible', timeout: session.wait });
}

interface FirstScreen {
  readonly js: Asset[];
  readonly css: Asset[];
  readonly rest: RestCall[];
  readonly localOnlyCalls: number;
  readonly formRest: RestCall[];
  readonly onDemand: Asset[];
  readonly editorOnFirstScreen: boolean;
  readonly pageErrors: string[];
}

async function measureFirstScreen(browser: Browser, origin: string): Promise<FirstScreen> {
  const session = await openSession(browser, origin, false);
  try {
    const { traffic } = session;
    await showOwnerScreen(session);
    const shown = traffic.mark();
    await openFirstPlan(session);
    const opened = traffic.mark();
    const first = traffic.between(0, shown);
    const form = traffic.between(shown, opened);
    const js = await assets(first.filter(isScript));
    return {
      js,
      css: await assets(first.filter(isStyle)),
      rest: await restCalls(first),
      localOnlyCalls: first.filter(isLocalOnly).length,
      formRest: await restCalls(form),
      onDemand: await assets(form.filter((r) => isScript(r) || isStyle(r))),
      editorOnFirstScreen: js.some((a) => a.name.includes('comment-editor')),
      pageErrors: traffic.pageErrors,
    };
  } finally {
    await closeSession(session);
  }
}

/** When the drawing started (the app's `planuppfoljning:draw` mark) and the table was there. */
interface FirstScreenTime {
  readonly drawn: number;
  readonly shown: number;
}

async function timeFirstScreen(
  browser: Browser,
  origin: string,
  throttled: boolean,
): Promise<FirstScreenTime> {
  const session = await openSession(browser, origin, throttled);
  try {
    const shown = await showOwnerScreen(session);
    const drawn = await pageNumber(
      session.page,
      "performance.getEntriesByName('planuppfoljning:draw')[0]?.startTime",
    );
    return { drawn, shown };
  } finally {
    await closeSession(session);
  }
}

/** REST calls of the other screens, opened cold, and of moving from the owner screen to them. */
interface ScreenCalls {
  readonly overview: RestCall[];
  readonly report: RestCall[];
  readonly ownerToOverview: RestCall[];
}

const overviewReady = (page: Page) => page.getByRole('region', { name: 'Väntar på svar' });
const reportReady = (page: Page) => page.getByRole('button', { name: 'Exportera till Word' });

async function measureScreens(browser: Browser, origin: string): Promise<ScreenCalls> {
  const cold = async (path: string, ready: (page: Page) => ReturnType<Page['getByRole']>) => {
    const session = await openSession(browser, origin, false);
    try {
      await session.page.goto(path, { waitUntil: 'commit', timeout: session.wait });
      await ready(session.page).waitFor({ state: 'visible', timeout: session.wait });
      return await restCalls(session.traffic.between(0));
    } finally {
      await closeSession(session);
    }
  };
  const overview = await cold('/?view=overview', overviewReady);
  const report = await cold('/?view=report', reportReady);
  const session = await openSession(browser, origin, false);
  try {
    await showOwnerScreen(session);
    const before = session.traffic.mark();
    await session.page
      .getByRole('link', { name: 'Översikt', exact: true })
      .click({ timeout: session.wait });
    await overviewReady(session.page).waitFor({ state: 'visible', timeout: session.wait });
    const ownerToOverview = await restCalls(session.traffic.between(before));
    return { overview, report, ownerToOverview };
  } finally {
    await closeSession(session);
  }
}

interface SaveResult {
  readonly calls: RestCall[];
  readonly ms: number;
}

async function measureSave(browser: Browser, origin: string): Promise<SaveResult> {
  const session = await openSession(browser, origin, false);
  try {
    const { page, traffic } = session;
    await showOwnerScreen(session);
    await openFirstPlan(session);
    await page.getByRole('radio', { name: UI.status }).check({ timeout: WAIT_MS });
    await page.evaluate(MARK_SAVE_SCRIPT);
    const before = traffic.mark();
    await page.getByRole('button', { name: UI.saveDraft }).click({ timeout: WAIT_MS });
    await page
      .getByRole('status')
      .filter({ hasText: UI.savedDraft })
      .waitFor({ state: 'visible', timeout: WAIT_MS });
    const calls = await restCalls(traffic.between(before));
    const clicked = await pageNumber(page, 'window.__benchSaveClick');
    const done = await pageNumber(page, 'window.__benchSaveDone');
    return { calls, ms: done - clicked };
  } finally {
    await closeSession(session);
  }
}

interface SizeResult {
  readonly label: string;
  readonly items: number;
  readonly first: FirstScreen;
  readonly plain: number[];
  readonly throttled: number[];
  /** When the drawing started in the throttled runs. */
  readonly throttledDrawn: number[];
  readonly save: SaveResult;
  readonly screens: ScreenCalls;
}

async function benchSize(browser: Browser, size: SizeSpec, port: number): Promise<SizeResult> {
  const state = benchState(size);
  const items = followUpList(state).items.length;
  const label = size === 'demo' ? `demo (${items} items)` : `${int(items)} items`;
  const dataDir = mkdtempSync(join(tmpdir(), 'planuppfoljning-bench-'));
  let server: PreviewServer | null = null;
  try {
    const dataFile = siteDataFile(dataDir, DEMO_SITE_NAME);
    mkdirSync(dirname(dataFile), { recursive: true });
    writeFileSync(dataFile, JSON.stringify(state));
    log(`${label}: starting vite preview on port ${port}`);
    server = await startPreview(port, dataDir);
    const served = await itemCountOnServer(server.origin);
    if (served !== items) throw new Error(`The site serves ${served} follow-ups, not ${items}`);
    log(`${label}: first screen, form and REST calls`);
    const first = await measureFirstScreen(browser, server.origin);
    const plain: number[] = [];
    const throttled: number[] = [];
    const throttledDrawn: number[] = [];
    for (let i = 0; i < TIMING_RUNS; i += 1) {
      plain.push((await timeFirstScreen(browser, server.origin, false)).shown);
    }
    log(`${label}: plain ${plain.map(Math.round).join(', ')} ms`);
    for (let i = 0; i < TIMING_RUNS; i += 1) {
      const time = await timeFirstScreen(browser, server.origin, true);
      throttled.push(time.shown);
      throttledDrawn.push(time.drawn);
    }
    log(`${label}: throttled ${throttled.map(Math.round).join(', ')} ms`);
    const save = await measureSave(browser, server.origin);
    log(`${label}: save ${save.calls.length} calls, ${Math.round(save.ms)} ms`);
    const screens = await measureScreens(browser, server.origin);
    log(
      `${label}: overview ${screens.overview.length}, report ${screens.report.length}, owner → overview ${screens.ownerToOverview.length} calls`,
    );
    return { label, items, first, plain, throttled, throttledDrawn, save, screens };
  } finally {
    if (server) await server.stop();
    runningServer = null;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function summaryTable(results: readonly SizeResult[]): string {
  const row = (measure: string, value: (r: SizeResult) => string) => [
    measure,
    ...results.map(value),
  ];
  const restBytes = (calls: readonly RestCall[]) =>
    `${int(sum(calls.map((c) => c.bytes)))} (gzip ${int(sum(calls.map((c) => c.gzip)))})`;
  const callsAndBytes = (calls: readonly RestCall[]) =>
    `${calls.length} / ${int(sum(calls.map((c) => c.bytes)))}`;
  return markdownTable(
    ['measure', ...results.map((r) => r.label)],
    [
      row('first-screen JS gzip (KB)', (r) => kb(sum(r.first.js.map((a) => a.gzip)))),
      row('first-screen CSS gzip (KB)', (r) => kb(sum(r.first.css.map((a) => a.gzip)))),
      row('REST calls to show owner screen', (r) => String(r.first.rest.length)),
      row('REST bytes to show owner screen', (r) => restBytes(r.first.rest)),
      row('REST calls to open a form', (r) => String(r.first.formRest.length)),
      row('REST calls / bytes to show the overview', (r) => callsAndBytes(r.screens.overview)),
      row('REST calls / bytes to show Bilaga 2', (r) => callsAndBytes(r.screens.report)),
      row('REST calls, owner screen → overview', (r) => callsAndBytes(r.screens.ownerToOverview)),
      row(`time to first screen, median of ${TIMING_RUNS} (ms)`, (r) => int(median(r.plain))),
      row(`same with ${CPU_THROTTLING}× CPU + ${ADDED_LATENCY_MS} ms latency (ms)`, (r) =>
        int(median(r.throttled)),
      ),
      row('save round trip (calls / ms)', (r) => `${r.save.calls.length} / ${int(r.save.ms)}`),
    ],
  );
}

function onDemandLine(results: readonly SizeResult[]): string {
  const chunks = results[results.length - 1]?.first.onDemand ?? [];
  if (chunks.length === 0) return 'Form editor chunk (on demand): none loaded when a plan opened.';
  const names = chunks.map((c) => `\`${c.name}\``).join(', ');
  const sizes = [...new Set(results.map((r) => kb(sum(r.first.onDemand.map((c) => c.gzip)))))];
  return `Form editor chunk (on demand): ${sizes.join(' / ')} KB gzip (${names}), loaded when a plan is opened.`;
}

/** Differences between sizes that should not be there: the owner screen must not grow. */
function anomalies(results: readonly SizeResult[]): string[] {
  const found: string[] = [];
  const [base, ...others] = results;
  if (!base) return found;
  for (const r of results) {
    if (r.first.editorOnFirstScreen) {
      found.push(`${r.label}: the comment-editor chunk was loaded before the plan table showed.`);
    }
    for (const error of r.first.pageErrors) found.push(`${r.label}: page error: ${error}`);
    for (const file of r.first.js) {
      if (file.raw >= COMPILE_HINT_FROM_BYTES && !file.compileHint) {
        found.push(`${r.label}: the first-screen script ${file.name} lacks the compile hint.`);
      }
    }
  }
  const describe = (calls: readonly RestCall[]) => calls.map((c) => `${c.label} ${c.bytes} B`);
  for (const r of others) {
    const checks: Array<[string, readonly RestCall[], readonly RestCall[]]> = [
      ['to show the owner screen', base.first.rest, r.first.rest],
      ['to open a form', base.first.formRest, r.first.formRest],
      ['to save', base.save.calls, r.save.calls],
    ];
    for (const [what, a, b] of checks) {
      const before = describe(a).join('; ');
      const after = describe(b).join('; ');
      if (before !== after) {
        found.push(
          `REST calls ${what} differ between ${base.label} and ${r.label}: ${before || 'none'} → ${after || 'none'}`,
        );
      }
    }
  }
  return found;
}

function details(results: readonly SizeResult[], notes: readonly string[]): string {
  const last = results[results.length - 1];
  if (!last) return '';
  const restLabels = [...new Set(results.flatMap((r) => r.first.rest.map((c) => c.label)))];
  const cell = (calls: readonly RestCall[], bytes: boolean) => {
    if (calls.length === 0) return '—';
    const times = calls.map((c) => (c.ms < 0 ? '?' : int(c.ms))).join(' + ');
    const count = calls.length > 1 ? `${calls.length}× ` : '';
    return bytes ? `${count}${int(sum(calls.map((c) => c.bytes)))} B, ${times} ms` : times;
  };
  const restRows = restLabels.map((label) => [
    `\`${label}\``,
    ...results.map((r) =>
      cell(
        r.first.rest.filter((c) => c.label === label),
        true,
      ),
    ),
  ]);
  const saveLabels = [...new Set(results.flatMap((r) => r.save.calls.map((c) => c.label)))];
  const saveRows = saveLabels.map((label) => [
    `\`${label}\``,
    ...results.map((r) =>
      cell(
        r.save.calls.filter((c) => c.label === label),
        false,
      ),
    ),
  ]);
  const files = [...last.first.js, ...last.first.css].map((a) => [
    `\`${a.name}\``,
    kb(a.raw),
    kb(a.gzip),
  ]);
  const samples = results.map((r) => [
    r.label,
    r.plain.map((ms) => int(ms)).join(', '),
    r.throttled.map((ms) => int(ms)).join(', '),
    r.throttledDrawn.map((ms) => int(ms)).join(', '),
  ]);
  const parts = [
    '### Details of the latest run',
    '',
    'REST calls to show the owner screen (response bytes as served; request start to response end in Chromium, one run):',
    '',
    markdownTable(['call', ...results.map((r) => r.label)], restRows),
    '',
    results.some((r) => r.first.localOnlyCalls > 0)
      ? `Not counted: ${last.first.localOnlyCalls} local-only call (\`_local/users\`, the demo's “Visa som”), which does not exist against SharePoint Online.`
      : 'No local-only (`_local/`) calls were made.',
    '',
    'Save calls (request start to response end in Chromium, ms):',
    '',
    markdownTable(['call', ...results.map((r) => r.label)], saveRows),
    '',
    `First-screen files (${last.label}):`,
    '',
    markdownTable(['file', 'raw KB', 'gzip KB'], files),
    '',
    'Time-to-first-screen samples (ms):',
    '',
    markdownTable(
      [
        'size',
        'plain',
        `${CPU_THROTTLING}× CPU + ${ADDED_LATENCY_MS} ms`,
        'same runs: drawing started at',
      ],
      samples,
    ),
    '',
    'The app draws the screen once its first data is in (`src/main.tsx`): from “drawing started” to the table is React and Fluent drawing; before it are loading, the two requests and evaluating the code.',
    '',
    notes.length > 0
      ? ['**Anomalies:**', '', ...notes.map((n) => `- ${n}`)].join('\n')
      : 'No anomalies: the REST calls and their bytes are the same for every list size, the editor chunk loads only on demand, and every first-screen script of 10 KB or more starts with the compile hint.',
  ];
  return parts.join('\n');
}

function methodText(machine: string): string {
  return `## How each figure is measured

Machine: ${machine}. Figures from another machine are not comparable; compare runs of one machine.

- **Server**: the production build (\`npx vite build\`, once per bench) served by \`npx vite preview\`, with the local SharePoint site (\`src/local-site/\`) in the same Node process on the same origin. Each size gets a fresh data folder (\`LOCAL_SITE_DATA_DIR\`) and its own server, stopped afterwards. Before the browser runs, one REST request checks the site's \`ItemCount\` (and so makes it load its data file).
- **Data**: the demo state (\`loadDemoState()\`, src/demo/demo-site.json: 16 + 13 follow-ups of the locked periods 2017-08 and 2020-04, 12 of the open period 2020-08). Larger sizes add follow-ups of old periods 2000-04 … 2019-12 (not 2017-08) until the list holds that many items; each has every field of the follow-up list in the demo's stored shapes and a unique \`PlanPeriodKey\`. The periods list is unchanged (3 periods), and the open period keeps its 12 plans, so the owner screen has the same to show whatever the list size.
- **Browser**: Chromium (\`/usr/bin/chromium\`, headless) via Playwright, ${VIEWPORT.width}×${VIEWPORT.height}, locale sv-SE, a fresh context (no cache, no cookies) for every run, signed in as the demo's default user (an owner of 2 of the 12 plans).
- **First-screen JS / CSS gzip**: every script / stylesheet response from the navigation to \`/\` until the plan table (role table, name “Handlingsplaner”) is visible; each body gzipped by the bench (zlib level 9, as \`vite preview\` serves uncompressed) and summed. KB = 1024 bytes. \`index.html\` is not included.
- **Form editor chunk (on demand)**: scripts and stylesheets loaded between the click on the first plan in the table and the “Kommentar” textbox being visible; they must not be among the first-screen files.
- **REST calls / bytes to show the owner screen**: requests whose URL contains \`/_api/\` from the navigation until the table is visible; bytes are the response bodies as served (uncompressed), in brackets the sum of each body gzipped (level 9), closer to what SharePoint Online sends.
- **REST calls to open a form**: \`/_api/\` requests between the click on the first plan button and the “Kommentar” textbox being visible.
- **REST calls / bytes to show the overview / Bilaga 2**: the same count for \`/?view=overview\` (until the region “Väntar på svar” is visible) and \`/?view=report\` (until “Exportera till Word” is visible), each in a fresh context as the demo's default user. **Owner screen → overview**: \`/_api/\` requests from clicking the Översikt tab on a shown owner screen until the overview is visible (the user and the periods come from the app's cache).
- **Time to first screen**: \`performance.now()\` in the page (i.e. from navigation start) when the plan table enters the DOM, recorded by a MutationObserver installed as an init script. The bench waits for it in the page (a promise of that script), then checks with Playwright that the table is visible: until 2026-11-24 it polled with a Playwright locator, whose injected script ran its queries on the throttled main thread while the app started (in alternating runs on this machine: equal medians, means 30 ms apart). Median of ${TIMING_RUNS} runs, each in a fresh context, after one unmeasured run (the one that measures files and calls). The slowed-down variant adds Chrome DevTools Protocol \`Emulation.setCPUThrottlingRate\` ${CPU_THROTTLING} and ${ADDED_LATENCY_MS} ms before every request (\`page.route('**/*')\`, document, scripts and REST alike).
- **Save round trip**: open the first plan, pick “${UI.status}”, click “${UI.saveDraft}”; calls are the \`/_api/\` requests from the click until the status “${UI.savedDraft} …” is visible, ms from the click event to that text entering the DOM (both in the page).
- Times include the local emulation's own costs (it scans its in-memory list on every query and rewrites the whole data file on every write), which SharePoint Online does not share: calls and bytes carry over to SharePoint, times only roughly.`;
}

// ---------------------------------------------------------------------------------------------
// docs/benchmarks.md

const LATEST_START = '<!-- bench:latest:start -->';
const LATEST_END = '<!-- bench:latest:end -->';
const PREVIOUS_START = '<!-- bench:previous:start -->';
const PREVIOUS_END = '<!-- bench:previous:end -->';
const NO_PREVIOUS = '_None yet._';

function between(text: string, start: string, end: string): string | null {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  return from < 0 || to < from ? null : text.slice(from + start.length, to).trim();
}

/** The old latest summary as a "Previous runs" entry, newest first, plus the older entries. */
function previousRuns(old: string | null): string {
  if (old === null) return '';
  const entries: string[] = [];
  const latest = between(old, LATEST_START, LATEST_END);
  if (latest) {
    const [first = '', ...rest] = latest.split('\n');
    const heading = first.replace(/^Run:\s*/, '').replace(/\.$/, '');
    entries.push(`### ${heading}\n\n${rest.join('\n').trim()}`);
  } else {
    log(`${DOC_FILE} has no "Latest" markers; its old figures are not moved`);
  }
  const older = (between(old, PREVIOUS_START, PREVIOUS_END) ?? '')
    .split('\n')
    .filter((line) => line.trim() !== NO_PREVIOUS)
    .join('\n')
    .trim();
  if (older !== '') entries.push(older);
  return entries.join('\n\n');
}

async function prettierFormat(text: string, filepath: string): Promise<string> {
  const options = (await resolveConfig(filepath)) ?? {};
  return format(text, { ...options, filepath });
}

async function writeDoc(summary: string, body: string): Promise<void> {
  const old = existsSync(DOC_FILE) ? readFileSync(DOC_FILE, 'utf8') : null;
  const previous = previousRuns(old);
  const text = `# Benchmarks

\`npm run bench\` (\`npx tsx scripts/bench.ts\`; \`--no-build\` reuses \`dist/\`) builds the app, serves it with \`vite preview\` and the local SharePoint site, and measures the owner screen in Chromium for three sizes of the follow-up list. Every run replaces **Latest** and moves the figures it replaces to **Previous runs** (newest first), so runs can be compared.

## Latest

${LATEST_START}
${summary}
${LATEST_END}

${body}

## Previous runs

${PREVIOUS_START}
${previous || NO_PREVIOUS}
${PREVIOUS_END}
`;
  writeFileSync(DOC_FILE, await prettierFormat(text, DOC_FILE), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Main

function parseArgs(argv: readonly string[]): { build: boolean; sizes: SizeSpec[] } {
  let build = true;
  let sizes: SizeSpec[] = [...DEFAULT_SIZES];
  for (const arg of argv) {
    if (arg === '--no-build') build = false;
    else if (arg.startsWith('--sizes=')) {
      sizes = arg
        .slice('--sizes='.length)
        .split(',')
        .map((s): SizeSpec => {
          if (s === 'demo') return 'demo';
          const n = Number(s.replace(/_/g, ''));
          if (!Number.isInteger(n) || n <= 0) throw new Error(`Not a size: ${s}`);
          return n;
        });
    } else throw new Error(`Unknown argument ${arg} (use --no-build, --sizes=demo,500,20000)`);
  }
  return { build, sizes };
}

/** Bilaga 2 as Word: build the model and pack the .docx for 16 and 100 plans (node, jsdom). */
async function reportLine(): Promise<string> {
  log('timing the Word report (16 and 100 plans)');
  await timeReport(16); // warm-up: module loading and JIT are not the export's cost
  const timings: string[] = [];
  for (const plans of [16, 100]) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i += 1) runs.push(await timeReport(plans));
    timings.push(`${plans} plans ${int(median(runs))} ms`);
  }
  return `Word report (Bilaga 2), model + .docx, median of 3 after a warm-up, in node with jsdom parsing the comments (a browser parses faster): ${timings.join(', ')}.`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { build, sizes } = parseArgs(process.argv.slice(2));
  const buildEnv = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
  if (build) {
    log('building (npx vite build)');
    run('npx', ['vite', 'build', '--logLevel', 'warn'], buildEnv);
  } else if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('--no-build, but dist/index.html does not exist');
  }
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    headless: true,
    timeout: WAIT_MS,
  });
  const chromiumVersion = browser.version();
  const results: SizeResult[] = [];
  try {
    // One port for every size, so absolute URLs in REST answers have the same length.
    for (const size of sizes) results.push(await benchSize(browser, size, port));
  } finally {
    await withTimeout(browser.close(), WAIT_MS, 'closing the browser').catch(() => undefined);
  }

  const notes = anomalies(results);
  const table = await prettierFormat(summaryTable(results), 'table.md');
  const chunkLine = `${onDemandLine(results)}\n\n${await reportLine()}`;
  process.stdout.write(`\n${table}\n${chunkLine}\n`);
  for (const note of notes) process.stdout.write(`\nANOMALY: ${note}\n`);

  const cpu = cpus();
  const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, Chromium ${chromiumVersion}`;
  const commit = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  const dirty = git(['status', '--porcelain']) !== '';
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const summary = [
    `Run: ${date} UTC, commit ${commit}${dirty ? ' with uncommitted changes' : ''}, ${cpu.length} cores.`,
    '',
    table.trim(),
    '',
    chunkLine,
  ].join('\n');
  const sameAsDefault =
    sizes.length === DEFAULT_SIZES.length && sizes.every((s, i) => s === DEFAULT_SIZES[i]);
  if (sameAsDefault) {
    await writeDoc(summary, `${details(results, notes)}\n\n${methodText(machine)}`);
    log(`wrote ${DOC_FILE}`);
  } else {
    log(`custom --sizes: ${DOC_FILE} left unchanged`);
  }
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}

const watchdog = setTimeout(() => {
  log(`the bench took longer than ${WATCHDOG_MS / 60_000} minutes; stopping`);
  void (runningServer?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (runningServer?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

main().then(
  () => clearTimeout(watchdog),
  async (error: unknown) => {
    process.stderr.write(
      `[bench] FAILED: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    await runningServer?.stop();
    process.exit(1);
  },
);
