import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  AccountEntityUtils,
  AuthorityFactory,
  AuthorityType,
  Logger,
  ProtocolMode,
  StubPerformanceClient,
  type ICrypto,
  type INetworkModule,
} from '@azure/msal-common/node';
import { createRemoteJWKSet, customFetch, decodeProtectedHeader, jwtVerify } from 'jose';
import { generate } from 'selfsigned';
import { Agent, Headers, fetch, type RequestInit, type Response } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIdentityProvider, TEAMS_BROKER_GRANT, type IdentityProvider } from './index';

const TENANT = '3f1c2b7e-8d4a-4c6b-9e2f-0a1b2c3d4e5f';
const APP = '6b0e5a3c-1d2f-4e8a-9b7c-5d4e3f2a1b0c';
const APP_ORIGIN = 'https://localhost:4400';
const REDIRECT = `${APP_ORIGIN}/redirect.html`;
const SP = 'https://localhost:4402';
const GRAPH = 'https://localhost:4403';
const ANNA = {
  id: '0d6a3f2e-5b4c-4a1d-8e9f-7c6b5a4d3e2f',
  userPrincipalName: 'anna.andersson@kommun.example',
  displayName: 'Anna Andersson',
  mail: 'anna.andersson@kommun.example',
};
const BERTIL = {
  id: '1e7b4a3f-6c5d-4b2e-9f0a-8d7c6b5a4e3f',
  userPrincipalName: 'bertil.berg@kommun.example',
  displayName: 'Bertil Berg',
  mail: null,
  accountEnabled: false,
};
const BROKER = { clientId: 'teams-host-stand-in', clientSecret: randomBytes(16).toString('hex') };
const SP_SCOPES = ['AllSites.Read', 'AllSites.Write', 'AllSites.Manage', 'AllSites.FullControl'];
const GRAPH_SCOPES = ['User.ReadBasic.All', 'ChannelMessage.Send'];

const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
let server: Server;
let idp: IdentityProvider;
let origin: string;

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
  });
  // The port is known once listening, and the issuer names it: requests wait for the provider.
  const target: { provider?: IdentityProvider } = {};
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    if (target.provider) target.provider.handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  idp = await createIdentityProvider({
    origin,
    tenantId: TENANT,
    users: [ANNA, BERTIL],
    clients: [{ clientId: APP, redirectUris: [REDIRECT] }],
    resources: [
      { audience: SP, scopes: SP_SCOPES },
      { audience: GRAPH, scopes: GRAPH_SCOPES },
    ],
    consented: [`${SP}/AllSites.Read`, `${SP}/AllSites.Write`, `${GRAPH}/User.ReadBasic.All`],
    broker: BROKER,
  });
  target.provider = idp;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dispatcher.close();
});

beforeEach(() => {
  idp.reset();
});

/** A browser for one user: a cookie jar, no automatic redirects. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set(
        'cookie',
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual', dispatcher });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects on the identity provider's origin; returns the first response elsewhere or not a redirect. */
  async follow(url: string, init: RequestInit = {}): Promise<{ url: string; response: Response }> {
    let current = url;
    let response = await this.request(current, init);
    while (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get('location') ?? '', current).href;
      if (!location.startsWith(origin)) return { url: location, response };
      current = location;
      response = await this.request(current);
    }
    return { url: current, response };
  }
}

const authority = (): string => `${origin}/${TENANT}`;

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

interface Authorization {
  verifier: string;
  nonce: string;
  state: string;
  url: string;
}

function authorizeUrl(scope: string, extra: Record<string, string> = {}): Authorization {
  const { verifier, challenge } = pkce();
  const nonce = randomBytes(8).toString('hex');
  const state = randomBytes(8).toString('hex');
  const params = new URLSearchParams({
    client_id: APP,
    scope,
    redirect_uri: REDIRECT,
    response_type: 'code',
    response_mode: 'fragment',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    nonce,
    state,
    client_info: '1',
    ...extra,
  });
  return {
    verifier,
    nonce,
    state,
    url: `${authority()}/oauth2/v2.0/authorize?${params.toString()}`,
  };
}

/** The parameters the identity provider sent back to the redirect URI (fragment or query). */
function returned(url: string): URLSearchParams {
  const parsed = new URL(url);
  expect(`${parsed.origin}${parsed.pathname}`).toBe(REDIRECT);
  return new URLSearchParams(parsed.hash ? parsed.hash.slice(1) : parsed.search);
}

async function signIn(
  browser: Browser,
  loginPage: string,
  username = ANNA.userPrincipalName,
  password = 'demo',
): Promise<{ url: string; response: Response }> {
  return browser.follow(loginPage, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, action: 'login' }).toString(),
  });
}

/** Signs Anna in and returns the code's parameters. */
async function signedInCode(
  browser: Browser,
  scope: string,
  extra: Record<string, string> = {},
): Promise<{ auth: Authorization; params: URLSearchParams }> {
  const auth = authorizeUrl(scope, extra);
  const page = await browser.follow(auth.url);
  expect(page.response.status).toBe(200);
  const done = await signIn(browser, page.url);
  return { auth, params: returned(done.url) };
}

async function token(
  body: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown>; response: Response }> {
  const response = await fetch(`${authority()}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
    dispatcher,
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    response,
  };
}

async function redeem(auth: Authorization, code: string, scope: string) {
  return token(
    {
      client_id: APP,
      grant_type: 'authorization_code',
      code,
      code_verifier: auth.verifier,
      redirect_uri: REDIRECT,
      scope,
      client_info: '1',
    },
    { origin: APP_ORIGIN },
  );
}

const jwks = () =>
  createRemoteJWKSet(new URL(idp.jwksUri), {
    [customFetch]: (url, options) =>
      fetch(url, {
        headers: Object.fromEntries(options.headers.entries()),
        signal: options.signal,
        dispatcher,
      }) as unknown as Promise<globalThis.Response>,
  });

const control = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}/_local/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    dispatcher,
  });

const SIGN_IN_SCOPE = `${SP}/AllSites.Write openid profile offline_access`;

describe('discovery', () => {
  it('answers MSAL’s AAD-mode discovery URL with Entra-shaped endpoints', async () => {
    const response = await fetch(`${authority()}/v2.0/.well-known/openid-configuration`, {
      dispatcher,
    });
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: `${origin}/${TENANT}/v2.0`,
      authorization_endpoint: `${origin}/${TENANT}/oauth2/v2.0/authorize`,
      token_endpoint: `${origin}/${TENANT}/oauth2/v2.0/token`,
      end_session_endpoint: `${origin}/${TENANT}/oauth2/v2.0/logout`,
      jwks_uri: `${origin}/${TENANT}/discovery/v2.0/keys`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(metadata.response_modes_supported).toEqual(
      expect.arrayContaining(['query', 'fragment']),
    );
    expect(idp.issuer).toBe(metadata.issuer);
    expect(idp.jwksUri).toBe(metadata.jwks_uri);
    const keys = (await (await fetch(idp.jwksUri, { dispatcher })).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(keys.keys[0]).not.toHaveProperty('d');
  });
});

describe('authorization code with PKCE', () => {
  it('signs in on the Swedish page, returns a code and issues Entra-shaped tokens', async () => {
    const browser = new Browser();
    const auth = authorizeUrl(SIGN_IN_SCOPE);
    const page = await browser.follow(auth.url);
    expect(page.response.status).toBe(200);
    const html = await page.response.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<main>');
    expect(html).toContain('<h1>Logga in</h1>');
    expect(html).toMatch(/<label for="username">Användarnamn<\/label>/);
    expect(html).toMatch(/<input id="username"[^>]*autocomplete="username"/);
    expect(html).toMatch(/<label for="password">Lösenord<\/label>/);
    expect(html).toMatch(/<input id="password"[^>]*type="password"/);
    expect(html).toMatch(/<button[^>]*>Logga in<\/button>/);

    const wrong = await signIn(browser, page.url, 'Anna.Andersson@kommun.example', 'fel');
    expect(wrong.response.status).toBe(200);
    const wrongHtml = await wrong.response.text();
    expect(wrongHtml).toContain('<p id="fel" role="alert">Fel användarnamn eller lösenord.</p>');
    expect(wrongHtml).toContain('value="Anna.Andersson@kommun.example"');
    const unknown = await signIn(browser, page.url, 'ingen@kommun.example');
    expect(await unknown.response.text()).toContain('Fel användarnamn eller lösenord.');

    // The UPN is matched case-insensitively.
    const done = await signIn(browser, page.url, 'ANNA.ANDERSSON@kommun.example');
    const params = returned(done.url);
    expect(new URL(done.url).hash).not.toBe('');
    expect(params.get('state')).toBe(auth.state);
    const code = params.get('code');
    expect(code).toBeTruthy();

    const { status, json, response } = await redeem(auth, code ?? '', SIGN_IN_SCOPE);
    expect(status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
    expect(typeof json.refresh_token).toBe('string');
    // Every consented permission of the resource, as full URIs, not only the one asked for.
    expect(String(json.scope).split(' ').sort()).toEqual([
      `${SP}/AllSites.Read`,
      `${SP}/AllSites.Write`,
    ]);
    expect(JSON.parse(Buffer.from(String(json.client_info), 'base64url').toString())).toEqual({
      uid: ANNA.id,
      utid: TENANT,
    });

    const access = String(json.access_token);
    const header = decodeProtectedHeader(access);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(header.kid).toBeTruthy();
    const { payload } = await jwtVerify(access, jwks(), { issuer: idp.issuer, audience: SP });
    expect(payload).toMatchObject({
      aud: SP,
      iss: `${origin}/${TENANT}/v2.0`,
      tid: TENANT,
      oid: ANNA.id,
      upn: ANNA.userPrincipalName,
      preferred_username: ANNA.userPrincipalName,
      name: ANNA.displayName,
      scp: 'AllSites.Read AllSites.Write',
      azp: APP,
      ver: '2.0',
    });
    expect(payload.sub).toMatch(/^[\w-]{43}$/);
    expect(payload.sub).not.toBe(ANNA.id);
    expect(payload.nbf).toBe(payload.iat);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(payload).not.toHaveProperty('scope');
    expect(payload).not.toHaveProperty('client_id');

    const id = await jwtVerify(String(json.id_token), jwks(), {
      issuer: idp.issuer,
      audience: APP,
    });
    expect(id.payload).toMatchObject({
      aud: APP,
      oid: ANNA.id,
      tid: TENANT,
      preferred_username: ANNA.userPrincipalName,
      name: ANNA.displayName,
      nonce: auth.nonce,
      sub: payload.sub,
      ver: '2.0',
    });

    // A code is redeemed once.
    const again = await redeem(auth, code ?? '', SIGN_IN_SCOPE);
    expect(again.json.error).toBe('invalid_grant');
  });

  it('answers in the query when asked, and refuses a request without PKCE', async () => {
    const browser = new Browser();
    const { params } = await signedInCode(browser, SIGN_IN_SCOPE, { response_mode: 'query' });
    expect(params.get('code')).toBeTruthy();

    const noPkce = new URL(authorizeUrl(SIGN_IN_SCOPE).url);
    noPkce.searchParams.delete('code_challenge');
    noPkce.searchParams.delete('code_challenge_method');
    const refused = await browser.follow(noPkce.href);
    expect(returned(refused.url).get('error')).toBe('invalid_request');
  });

  it('refuses a disabled account in Swedish', async () => {
    const browser = new Browser();
    const page = await browser.follow(
      authorizeUrl(SIGN_IN_SCOPE, { login_hint: BERTIL.userPrincipalName }).url,
    );
    expect(await page.response.text()).toContain(`value="${BERTIL.userPrincipalName}"`);
    const refused = await signIn(browser, page.url, BERTIL.userPrincipalName);
    expect(refused.response.status).toBe(200);
    expect(await refused.response.text()).toMatch(/role="alert">Kontot är inaktiverat/);
  });

  it('sets the session cookie SameSite=None; Secure (it is used inside MSAL’s iframe)', async () => {
    const auth = authorizeUrl(SIGN_IN_SCOPE);
    const browser = new Browser();
    const page = await browser.follow(auth.url);
    const response = await browser.request(page.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: ANNA.userPrincipalName, password: 'demo' }).toString(),
    });
    const resume = await browser.request(
      new URL(response.headers.get('location') ?? '', page.url).href,
    );
    const session = resume.headers.getSetCookie().find((line) => line.startsWith('_session='));
    expect(session).toMatch(/samesite=none/i);
    expect(session).toMatch(/;\s*secure/i);
  });
});

describe('refresh tokens', () => {
  it('rotate, and redeem for another resource of the tenant', async () => {
    const browser = new Browser();
    const { auth, params } = await signedInCode(browser, SIGN_IN_SCOPE);
    const first = await redeem(auth, params.get('code') ?? '', SIGN_IN_SCOPE);
    const refreshToken = String(first.json.refresh_token);

    const graphScope = `${GRAPH}/User.ReadBasic.All openid profile offline_access`;
    const refreshed = await token(
      {
        client_id: APP,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        scope: graphScope,
        client_info: '1',
      },
      { origin: APP_ORIGIN },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.refresh_token).toBeTruthy();
    expect(refreshed.json.refresh_token).not.toBe(refreshToken);
    expect(refreshed.json.scope).toBe(`${GRAPH}/User.ReadBasic.All`);
    const { payload } = await jwtVerify(String(refreshed.json.access_token), jwks(), {
      issuer: idp.issuer,
      audience: GRAPH,
    });
    expect(payload).toMatchObject({ scp: 'User.ReadBasic.All', oid: ANNA.id, azp: APP });
    expect(refreshed.json.client_info).toBe(first.json.client_info);

    // The rotated token is spent; using it again revokes the grant (oidc-provider's reuse detection).
    const reused = await token({
      client_id: APP,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: graphScope,
    });
    expect(reused.json.error).toBe('invalid_grant');
  });

  it('answers invalid_grant with suberror consent_required for a permission IT has not granted', async () => {
    const browser = new Browser();
    const { auth, params } = await signedInCode(browser, SIGN_IN_SCOPE);
    const first = await redeem(auth, params.get('code') ?? '', SIGN_IN_SCOPE);
    const refused = await token(
      {
        client_id: APP,
        grant_type: 'refresh_token',
        refresh_token: String(first.json.refresh_token),
        scope: `${GRAPH}/ChannelMessage.Send openid profile offline_access`,
      },
      { origin: APP_ORIGIN },
    );
    expect(refused.status).toBe(400);
    // MSAL reads the error cross-origin.
    expect(refused.response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(refused.json).toMatchObject({
      error: 'invalid_grant',
      suberror: 'consent_required',
      error_codes: [65001],
    });
    expect(String(refused.json.error_description)).toMatch(/^AADSTS65001:.*ChannelMessage\.Send/);
  });
});

describe('prompt=none (MSAL’s hidden iframe)', () => {
  it('returns a code silently with a session and login_required without one', async () => {
    const browser = new Browser();
    await signedInCode(browser, SIGN_IN_SCOPE);
    const silent = authorizeUrl(`${GRAPH}/User.ReadBasic.All openid profile offline_access`, {
      prompt: 'none',
    });
    const first = await browser.request(silent.url);
    expect(first.status).toBe(303);
    const params = returned(new URL(first.headers.get('location') ?? '', silent.url).href);
    expect(params.get('code')).toBeTruthy();
    const redeemed = await redeem(
      silent,
      params.get('code') ?? '',
      `${GRAPH}/User.ReadBasic.All openid profile offline_access`,
    );
    expect(redeemed.status).toBe(200);

    const stranger = await new Browser().follow(
      authorizeUrl(SIGN_IN_SCOPE, { prompt: 'none' }).url,
    );
    expect(returned(stranger.url).get('error')).toBe('login_required');
  });

  it('prompt=login and prompt=select_account show the sign-in page despite the session', async () => {
    const browser = new Browser();
    await signedInCode(browser, SIGN_IN_SCOPE);
    for (const prompt of ['login', 'select_account']) {
      const auth = authorizeUrl(SIGN_IN_SCOPE, { prompt });
      const page = await browser.follow(auth.url);
      expect(page.response.status).toBe(200);
      expect(await page.response.text()).toContain('<h1>Logga in</h1>');
      const done = await signIn(browser, page.url);
      expect(returned(done.url).get('code')).toBeTruthy();
    }
  });
});

describe('admin consent', () => {
  const manage = `${SP}/AllSites.Manage openid profile offline_access`;

  it('answers consent_required silently with AADSTS65001 naming the permission', async () => {
    const browser = new Browser();
    await signedInCode(browser, SIGN_IN_SCOPE);
    const silent = await browser.follow(authorizeUrl(manage, { prompt: 'none' }).url);
    const params = returned(silent.url);
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('error_description')).toMatch(/^AADSTS65001:.*AllSites\.Manage/);
  });

  it('shows “Godkännande krävs” interactively and returns to the app with consent_required', async () => {
    const browser = new Browser();
    const auth = authorizeUrl(manage);
    const login = await browser.follow(auth.url);
    const consent = await signIn(browser, login.url);
    expect(consent.response.status).toBe(200);
    const html = await consent.response.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h1>Godkännande krävs</h1>');
    expect(html).toContain('<strong>AllSites.Manage</strong> för https://localhost:4402');
    expect(html).toMatch(/administratör \(IT\)/);
    expect(html).toMatch(/<button[^>]*>Tillbaka till appen<\/button>/);

    const back = await browser.follow(consent.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=back',
    });
    const params = returned(back.url);
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('error_description')).toMatch(/^AADSTS65001:.*AllSites\.Manage/);
    expect(params.get('state')).toBe(auth.state);
  });

  it('issues the token once IT grants the permission (control over HTTP)', async () => {
    const granted = await control('consent', { consented: [`${SP}/AllSites.Manage`] });
    expect(granted.status).toBe(200);
    const browser = new Browser();
    const { auth, params } = await signedInCode(browser, manage);
    const { json } = await redeem(auth, params.get('code') ?? '', manage);
    const { payload } = await jwtVerify(String(json.access_token), jwks(), {
      issuer: idp.issuer,
      audience: SP,
    });
    expect(payload.scp).toBe('AllSites.Manage');
  });
});

describe('scopes like Entra v2', () => {
  it('refuses scopes of two resources (AADSTS28000) and an unknown scope (invalid_scope)', async () => {
    const browser = new Browser();
    const mixed = await browser.follow(
      authorizeUrl(`${SP}/AllSites.Read ${GRAPH}/User.ReadBasic.All openid profile offline_access`)
        .url,
    );
    const mixedParams = returned(mixed.url);
    expect(mixedParams.get('error')).toBe('invalid_request');
    expect(mixedParams.get('error_description')).toMatch(/^AADSTS28000:/);

    const unknown = await browser.follow(authorizeUrl(`${SP}/AllSites.Delete openid`).url);
    const unknownParams = returned(unknown.url);
    expect(unknownParams.get('error')).toBe('invalid_scope');
    expect(unknownParams.get('error_description')).toMatch(/^AADSTS70011:.*AllSites\.Delete/);
  });
});

describe('Teams broker grant', () => {
  const broker = (extra: Record<string, string> = {}) =>
    token({
      grant_type: TEAMS_BROKER_GRANT,
      client_id: BROKER.clientId,
      client_secret: BROKER.clientSecret,
      app_client_id: APP,
      login_hint: ANNA.userPrincipalName,
      scope: `${SP}/AllSites.Read openid profile offline_access`,
      client_info: '1',
      ...extra,
    });

  it('issues the app’s tokens for the Teams user', async () => {
    const { status, json } = await broker();
    expect(status).toBe(200);
    expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(json).not.toHaveProperty('refresh_token');
    expect(String(json.scope).split(' ').sort()).toEqual([
      `${SP}/AllSites.Read`,
      `${SP}/AllSites.Write`,
    ]);
    expect(JSON.parse(Buffer.from(String(json.client_info), 'base64url').toString())).toEqual({
      uid: ANNA.id,
      utid: TENANT,
    });
    const { payload } = await jwtVerify(String(json.access_token), jwks(), {
      issuer: idp.issuer,
      audience: SP,
    });
    expect(payload).toMatchObject({
      tid: TENANT,
      oid: ANNA.id,
      upn: ANNA.userPrincipalName,
      preferred_username: ANNA.userPrincipalName,
      name: ANNA.displayName,
      scp: 'AllSites.Read AllSites.Write',
      azp: APP,
      ver: '2.0',
    });
    const id = await jwtVerify(String(json.id_token), jwks(), {
      issuer: idp.issuer,
      audience: APP,
    });
    expect(id.payload).toMatchObject({ oid: ANNA.id, tid: TENANT, sub: payload.sub });

    // `/.default`: every permission IT granted for the resource.
    const all = await broker({ scope: `${GRAPH}/.default` });
    expect(all.status).toBe(200);
    expect(all.json.scope).toBe(`${GRAPH}/User.ReadBasic.All`);
    expect(all.json).not.toHaveProperty('id_token');
    idp.setConsented([]);
    const none = await broker({ scope: `${GRAPH}/.default` });
    expect(none.json).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required' });
  });

  it('refuses a wrong secret, a permission not granted and an unknown or disabled user', async () => {
    const badSecret = await broker({ client_secret: 'fel' });
    expect(badSecret.status).toBe(401);
    expect(badSecret.json.error).toBe('invalid_client');

    const notGranted = await broker({ scope: `${GRAPH}/ChannelMessage.Send openid` });
    expect(notGranted.json).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required' });
    expect(String(notGranted.json.error_description)).toMatch(/^AADSTS65001:/);

    const unknown = await broker({ login_hint: 'ingen@kommun.example' });
    expect(unknown.json.error).toBe('invalid_grant');
    const disabled = await broker({ login_hint: BERTIL.userPrincipalName });
    expect(disabled.json).toMatchObject({ error: 'invalid_grant', error_codes: [50057] });

    // The public app cannot use the broker grant itself.
    const app = await token({
      grant_type: TEAMS_BROKER_GRANT,
      client_id: APP,
      app_client_id: APP,
      login_hint: ANNA.userPrincipalName,
      scope: `${SP}/AllSites.Read`,
    });
    expect(app.status).toBe(400);
  });
});

describe('test controls', () => {
  it('shortens the access token lifetime and resets it', async () => {
    expect((await control('token-lifetime', { seconds: 1 })).status).toBe(200);
    const short = await token({
      grant_type: TEAMS_BROKER_GRANT,
      client_id: BROKER.clientId,
      client_secret: BROKER.clientSecret,
      app_client_id: APP,
      login_hint: ANNA.userPrincipalName,
      scope: `${SP}/AllSites.Read`,
    });
    expect(short.json.expires_in).toBe(1);
    const { payload } = await jwtVerify(String(short.json.access_token), jwks(), {
      issuer: idp.issuer,
      audience: SP,
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(1);

    expect((await control('reset', {})).status).toBe(200);
    const normal = await token({
      grant_type: TEAMS_BROKER_GRANT,
      client_id: BROKER.clientId,
      client_secret: BROKER.clientSecret,
      app_client_id: APP,
      login_hint: ANNA.userPrincipalName,
      scope: `${SP}/AllSites.Read`,
    });
    expect(normal.json.expires_in).toBe(3600);
  });

  it('reset ends sessions', async () => {
    const browser = new Browser();
    await signedInCode(browser, SIGN_IN_SCOPE);
    idp.reset();
    const silent = await browser.follow(authorizeUrl(SIGN_IN_SCOPE, { prompt: 'none' }).url);
    expect(returned(silent.url).get('error')).toBe('login_required');
  });

  it('refuses controls from another origin or site', async () => {
    expect((await control('token-lifetime', { seconds: 5 }, { origin: APP_ORIGIN })).status).toBe(
      403,
    );
    expect((await control('reset', {}, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await control('consent', { consented: [] }, { origin })).status).toBe(200);
    const form = await fetch(`${origin}/_local/token-lifetime`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'seconds=5',
      dispatcher,
    });
    expect(form.status).toBe(415);
  });
});

describe('logout', () => {
  it('ends the session and returns to post_logout_redirect_uri', async () => {
    const browser = new Browser();
    await signedInCode(browser, SIGN_IN_SCOPE);
    const logoutUrl = `${authority()}/oauth2/v2.0/logout?${new URLSearchParams({ post_logout_redirect_uri: REDIRECT }).toString()}`;
    const page = await browser.follow(logoutUrl);
    expect(page.response.status).toBe(200);
    const html = await page.response.text();
    expect(html).toContain('<html lang="sv">');
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(action).not.toBe('');
    const done = await browser.follow(new URL(action, logoutUrl).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(done.url).toBe(REDIRECT);

    const silent = await browser.follow(authorizeUrl(SIGN_IN_SCOPE, { prompt: 'none' }).url);
    expect(returned(silent.url).get('error')).toBe('login_required');
  });
});

describe('MSAL’s own code (msal-common, AAD protocol mode)', () => {
  const logger = new Logger({});
  const network: INetworkModule = {
    async sendGetRequestAsync<T>(url: string) {
      const response = await fetch(url, { dispatcher });
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: (await response.json()) as T,
      };
    },
    sendPostRequestAsync() {
      return Promise.reject(new Error('not used'));
    },
  };
  // Authority discovery only reads and writes its metadata entry.
  const cache = {
    getAuthorityMetadataByAlias: () => null,
    generateAuthorityMetadataCacheKey: (authority: string) => `authority-${authority}`,
    setAuthorityMetadata: () => undefined,
  } as unknown as Parameters<typeof AuthorityFactory.createDiscoveredInstance>[2];

  it('discovers the authority with knownAuthorities, validating the issuer, and no instance discovery', async () => {
    const requested: string[] = [];
    const spy: INetworkModule = {
      ...network,
      sendGetRequestAsync: (url, options) => {
        requested.push(url);
        return network.sendGetRequestAsync(url, options);
      },
    };
    const discovered = await AuthorityFactory.createDiscoveredInstance(
      `${authority()}/`,
      spy,
      cache,
      {
        protocolMode: ProtocolMode.AAD,
        knownAuthorities: [new URL(origin).host],
        cloudDiscoveryMetadata: '',
        authorityMetadata: '',
      },
      logger,
      'correlation',
      new StubPerformanceClient(),
    );
    expect(requested).toEqual([`${origin}/${TENANT}/v2.0/.well-known/openid-configuration`]);
    expect(discovered.authorizationEndpoint).toBe(`${origin}/${TENANT}/oauth2/v2.0/authorize`);
    expect(discovered.tokenEndpoint).toBe(`${origin}/${TENANT}/oauth2/v2.0/token`);
    expect(discovered.endSessionEndpoint).toBe(`${origin}/${TENANT}/oauth2/v2.0/logout`);
    expect(discovered.authorityType).toBe(AuthorityType.Default);
  });

  it('builds the account’s homeAccountId `${oid}.${tid}` from client_info', async () => {
    const { json } = await token({
      grant_type: TEAMS_BROKER_GRANT,
      client_id: BROKER.clientId,
      client_secret: BROKER.clientSecret,
      app_client_id: APP,
      login_hint: ANNA.userPrincipalName,
      scope: `${SP}/AllSites.Read openid profile`,
      client_info: '1',
    });
    const crypto = {
      base64Decode: (value: string) => Buffer.from(value, 'base64').toString('utf8'),
    } as unknown as ICrypto;
    const homeAccountId = AccountEntityUtils.generateHomeAccountId(
      String(json.client_info),
      AuthorityType.Default,
      logger,
      crypto,
      'correlation',
    );
    expect(homeAccountId).toBe(`${ANNA.id}.${TENANT}`);
  });
});
