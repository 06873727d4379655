import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type Page,
} from '@playwright/test';
import {
  LOCAL_TENANT_BROKER,
  LOCAL_TENANT_CLIENT_ID,
  tenantOrigins,
} from '../../../scripts/tenant-env';
import { DEMO_TENANT_ID } from '../../../src/demo/directory-demo';

export { expect };

/** The local tenant of this test run (`npm run start:tenant` on E2E_TENANT_PORT). */
export const TENANT = tenantOrigins(Number(process.env.E2E_TENANT_PORT ?? 4420));
export const TOKEN_ENDPOINT = `${TENANT.login}/${DEMO_TENANT_ID}/oauth2/v2.0/token`;
export const PASSWORD = 'demo';

export const UPN = {
  anna: 'anna.lindgren@region.example',
  karin: 'karin.samordnare@region.example',
  sofia: 'sofia.berg@region.example',
} as const;

export const SCOPES = {
  read: `${TENANT.sharePoint}/AllSites.Read`,
  write: `${TENANT.sharePoint}/AllSites.Write`,
  manage: `${TENANT.sharePoint}/AllSites.Manage`,
  fullControl: `${TENANT.sharePoint}/AllSites.FullControl`,
  channelMessage: `${TENANT.graph}/ChannelMessage.Send`,
  readUsers: `${TENANT.graph}/User.ReadBasic.All`,
  teamsActivity: `${TENANT.graph}/TeamsActivity.Send`,
} as const;

/** Every permission of the app registration, as IT grants them by default. */
export const ALL_CONSENTED = [
  SCOPES.read,
  SCOPES.write,
  SCOPES.manage,
  SCOPES.fullControl,
  `${TENANT.graph}/User.Read.All`,
  SCOPES.channelMessage,
  SCOPES.readUsers,
  SCOPES.teamsActivity,
];

/** One test's own site on the local tenant's SharePoint (an origin of its own). */
export class TenantSite {
  readonly path: string;
  /** The site's absolute address, as the app's `?site=` takes it. */
  readonly url: string;
  readonly followUps: string;

  constructor(readonly name: string) {
    this.path = `/sites/${name}`;
    this.url = `${TENANT.sharePoint}${this.path}`;
    this.followUps = `${this.url}/_api/web/lists/getByTitle('Uppf%C3%B6ljning%20handlingsplaner')`;
  }

  /** An address of the app (on its own origin) working on this site. */
  app(address = '/'): string {
    if (!address.startsWith('/')) return address;
    const url = new URL(address, TENANT.app);
    if (url.pathname !== '/' || url.searchParams.has('site')) return address;
    url.search = new URLSearchParams([['site', this.url], ...url.searchParams]).toString();
    return `${url.pathname}${url.search}${url.hash}`;
  }
}

/** Test controls of the identity provider (from Node: no Origin header). */
export async function idpControl(request: APIRequestContext, path: string, data?: unknown) {
  const response = await request.post(`${TENANT.login}/_local/${path}`, data ? { data } : {});
  expect(response.ok(), `identity provider control ${path}`).toBe(true);
}

/**
 * A token for `upn` as the Teams host stand-in gets one (the broker grant): for REST calls a
 * test makes as that person, outside the app.
 */
export async function brokerToken(
  request: APIRequestContext,
  upn: string,
  scopes: readonly string[],
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await request.post(TOKEN_ENDPOINT, {
    form: {
      grant_type: 'urn:planuppfoljning:teams-broker',
      client_id: LOCAL_TENANT_BROKER.clientId,
      client_secret: LOCAL_TENANT_BROKER.clientSecret,
      app_client_id: LOCAL_TENANT_CLIENT_ID,
      login_hint: upn,
      scope: [...scopes, 'openid', 'profile'].join(' '),
    },
  });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

/** An access token for `upn`, or the test fails. */
export async function accessToken(
  request: APIRequestContext,
  upn: string,
  scopes: readonly string[],
): Promise<string> {
  const { status, body } = await brokerToken(request, upn, scopes);
  expect(status, JSON.stringify(body)).toBe(200);
  return String(body.access_token);
}

export const JSON_NOMETADATA = { Accept: 'application/json;odata=nometadata' };

/** Reads SharePoint REST as `upn` (with a bearer token of theirs). */
export async function restGet(
  request: APIRequestContext,
  upn: string,
  url: string,
): Promise<Record<string, unknown>> {
  const token = await accessToken(request, upn, [SCOPES.fullControl]);
  const response = await request.get(url, {
    headers: { ...JSON_NOMETADATA, Authorization: `Bearer ${token}` },
  });
  expect(response.ok(), `GET ${url}: ${response.status()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Signs in through the identity provider's own page, from the app's **Logga in** button: the
 * pop-up opens from the click, the person types their user name and password, the window
 * closes and the app goes on.
 */
export async function signInThroughProvider(page: Page, upn: string): Promise<void> {
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Logga in' }).click();
  const window = await popup;
  await expect(window.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await window.getByLabel('Användarnamn').fill(upn);
  await window.getByLabel('Lösenord').fill(PASSWORD);
  const closed = window.waitForEvent('close');
  await window.getByRole('button', { name: 'Logga in' }).click();
  await closed;
}

/** A fresh browser (own cookies and storage) signed in as `upn`, at the app's `path`. */
export async function signedInTenant(
  browser: Browser,
  site: TenantSite,
  upn: string,
  path = '/',
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.app(path));
  await signInThroughProvider(page, upn);
  return page;
}

/**
 * Playwright's `test` for the tenant project: each test its own site on the local tenant's
 * SharePoint (put back to the demo data), and the identity provider's consent and token
 * lifetime as IT sets them by default.
 */
export const test = base.extend<{ site: TenantSite }>({
  site: async ({ request }, provide, testInfo) => {
    const name = `t-w${testInfo.workerIndex}-${testInfo.testId}`
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .slice(0, 63);
    const site = new TenantSite(name);
    const reset = await request.post(`${site.url}/_local/reset`);
    expect(reset.ok(), `reset ${site.url}`).toBe(true);
    await provide(site);
  },
  page: async ({ page, site }, provide) => {
    const goto = page.goto.bind(page);
    page.goto = (url, options) => goto(site.app(url), options);
    await provide(page);
  },
});
