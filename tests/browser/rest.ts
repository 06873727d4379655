import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

/** Talking to a local site's SharePoint REST API directly, as another client could. */
export const JSON_HEADERS = { Accept: 'application/json;odata=nometadata' };

/**
 * One test's own local SharePoint site (tests/browser/fixtures.ts gives each test one): the local
 * SharePoint serves every `/sites/<name>` as a site of its own, starting from the demo data.
 */
export class TestSite {
  /** The site's server-relative address, `/sites/<name>`. */
  readonly path: string;
  /** The follow-up list's REST address on this site. */
  readonly followUps: string;

  constructor(readonly name: string) {
    this.path = `/sites/${name}`;
    this.followUps = `${this.path}/_api/web/lists/getByTitle('Uppf%C3%B6ljning%20handlingsplaner')`;
  }

  /**
   * An address of the app (path and query on the app's origin) working on this site: the app
   * takes its local site from `?site=`. Other addresses (the Teams stand-in's page, full URLs)
   * are left as they are.
   */
  app(address = '/'): string {
    if (!address.startsWith('/')) return address;
    const url = new URL(address, 'http://app.invalid');
    if (url.pathname !== '/' || url.searchParams.has('site')) return address;
    url.search = new URLSearchParams([['site', this.path], ...url.searchParams]).toString();
    return `${url.pathname}${url.search}${url.hash}`;
  }
}

/** Puts the site back to its demo data, or to one of its named states (`partial`, `empty`). */
export async function resetSite(request: APIRequestContext, site: TestSite, state?: string) {
  const response = await request.post(`${site.path}/_local/reset`, {
    ...(state ? { data: { state } } : {}),
  });
  expect(response.ok(), `reset ${site.path} to ${state ?? 'the demo data'}`).toBe(true);
}

/**
 * Signs `request` (a page's, a context's or the test's own) in to the site as a demo user: a site
 * user by id, or a directory person by UPN (the site may never have seen them).
 */
export async function signIn(request: APIRequestContext, site: TestSite, user: number | string) {
  const data = typeof user === 'number' ? { userId: user } : { login: user };
  const response = await request.post(`${site.path}/_local/signin`, { data });
  expect(response.ok(), `sign in as user ${user}`).toBe(true);
}

/** Makes the site answer the next `count` requests matching `match` with `status`. */
export async function injectFault(
  request: APIRequestContext,
  site: TestSite,
  fault: { status: number; count: number; match?: string; retryAfterSeconds?: number },
) {
  const response = await request.post(`${site.path}/_local/fault`, { data: fault });
  expect(response.ok(), `inject ${JSON.stringify(fault)}`).toBe(true);
}

/** The id of the follow-up item of a plan and period (`PlanPeriodKey`: `lakemedel|2020-08`). */
export async function followUpId(
  request: APIRequestContext,
  site: TestSite,
  planPeriodKey: string,
): Promise<number> {
  const filter = encodeURIComponent(`PlanPeriodKey eq '${planPeriodKey}'`);
  const list = await request.get(`${site.followUps}/items?$select=Id&$filter=${filter}`, {
    headers: JSON_HEADERS,
  });
  expect(list.ok()).toBe(true);
  const [found] = ((await list.json()) as { value: { Id: number }[] }).value;
  if (!found) throw new Error(`no follow-up ${planPeriodKey} on ${site.path}`);
  return found.Id;
}

/**
 * A MERGE of a follow-up item as SharePoint's REST API takes it: a request digest from
 * contextinfo, IF-MATCH * (no concurrency check), as the signed-in user of `request`.
 */
export async function directMerge(
  request: APIRequestContext,
  site: TestSite,
  itemId: number,
  data: Record<string, unknown>,
) {
  const contextInfo = await request.post(`${site.path}/_api/contextinfo`, {
    headers: JSON_HEADERS,
  });
  expect(contextInfo.ok()).toBe(true);
  const { FormDigestValue } = (await contextInfo.json()) as { FormDigestValue: string };
  return request.post(`${site.followUps}/items(${itemId})`, {
    headers: {
      ...JSON_HEADERS,
      'Content-Type': 'application/json;charset=utf-8',
      'X-HTTP-Method': 'MERGE',
      'IF-MATCH': '*',
      'X-RequestDigest': FormDigestValue,
    },
    data,
  });
}

/**
 * A page of its own (a fresh context: own cookies, own IndexedDB) signed in to the site as
 * `user` (a site user id or a directory person's UPN), opened at the app's `path` on that site.
 */
export async function signedIn(
  browser: Browser,
  site: TestSite,
  user: number | string,
  path: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page.request, site, user);
  await page.goto(site.app(path));
  return page;
}
