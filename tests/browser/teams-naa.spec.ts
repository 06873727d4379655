import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { generate } from 'selfsigned';
import { expect, test, type Page } from '@playwright/test';
import { TestSite } from './rest';
import { idpBroker, TEAMS_BROKER_GRANT } from './teams-broker';
import {
  HARNESS_USER,
  openInTeams,
  type BrokerAnswer,
  type BrokerRequest,
  type HarnessOptions,
  type HarnessUser,
} from './teams-harness';

// Nested app authentication through the Teams stand-in (tests/browser/teams-harness/host.js),
// with the real teams-js and MSAL in a tiny probe tab (teams-harness/naa-probe.ts), not the app.
// The broker is this file's: it mints tokens as Entra would for the nested app's client id.

const CLIENT_ID = '7a1b2c3d-0000-4000-8000-00000000c11e';
const AUTHORITY_HOST = 'localhost:4401';
const SCOPES = ['api://planuppfoljning/access_as_user', 'User.Read'];
const PROBE_PATH = '/__naa-probe__';

let probeScript = '';
let signingKey: CryptoKey;

test.beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./teams-harness/naa-probe.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  probeScript = bundle.outputFiles[0]?.text ?? '';
  ({ privateKey: signingKey } = await generateKeyPair('RS256'));
});

/** Tokens as Entra's token endpoint would return them for this user and client. */
async function mint(user: HarnessUser, clientId: string, scopes: string[]) {
  const issuer = `https://${AUTHORITY_HOST}/${user.tid}/v2.0`;
  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('1h')
      .sign(signingKey);
  const person = { oid: user.oid, tid: user.tid, sub: `sub-${user.oid}`, name: user.name };
  return {
    token_type: 'Bearer',
    scope: scopes.join(' '),
    expires_in: 3600,
    access_token: await sign(
      { ...person, scp: scopes.join(' '), azp: clientId, ver: '2.0' },
      'api://planuppfoljning',
    ),
    id_token: await sign({ ...person, preferred_username: user.upn, ver: '2.0' }, clientId),
    client_info: Buffer.from(JSON.stringify({ uid: user.oid, utid: user.tid })).toString(
      'base64url',
    ),
  };
}

/** A broker that grants everything except what `refuse` refuses; records what it was asked. */
function testBroker(
  user: HarnessUser,
  refuse: (request: BrokerRequest) => BrokerAnswer | undefined = () => undefined,
) {
  const asked: BrokerRequest[] = [];
  const broker = async (request: BrokerRequest): Promise<BrokerAnswer> => {
    asked.push(request);
    const refusal = refuse(request);
    if (refusal) return refusal;
    return { ok: true, token: await mint(user, request.clientId, request.scopes) };
  };
  return { asked, broker };
}

const CONSENT_REQUIRED: BrokerAnswer = {
  ok: false,
  status: 400,
  error: {
    error: 'invalid_grant',
    error_description:
      'AADSTS65001: The user or administrator has not consented to use the application.',
    suberror: 'consent_required',
    error_codes: [65001],
  },
};

interface ProbeStep {
  call: string;
  ok: boolean;
  accessToken?: string;
  fromCache?: boolean;
  homeAccountId?: string;
  username?: string;
  name?: string;
  errorCode?: string;
  subError?: string;
  interactionRequired?: boolean;
}
interface ProbeResult {
  steps: ProbeStep[];
  bridge: string;
  naaRecommended: boolean;
  clientType: string;
  userObjectId: string;
  userPrincipalName: string;
  accounts?: string[];
  fatal?: string;
  logs?: string[];
}

/** Every request to the authority's host and every extra window: MSAL must use neither. */
function watchAuthority(page: Page) {
  const requests: string[] = [];
  const popups: string[] = [];
  page.context().on('request', (request) => {
    if (new URL(request.url()).host === AUTHORITY_HOST) requests.push(request.url());
  });
  page.context().on('page', (opened) => popups.push(opened.url()));
  return { requests, popups };
}

async function openProbe(
  page: Page,
  options: HarnessOptions,
  query: Record<string, string> = {},
): Promise<{ result: ProbeResult; teams: Awaited<ReturnType<typeof openInTeams>> }> {
  await page.route(`**${PROBE_PATH}.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: probeScript }),
  );
  await page.route(`**${PROBE_PATH}.html*`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>NAA probe</title></head><body><script type="module" src="${PROBE_PATH}.js"></script></body></html>`,
    }),
  );
  await page.route(`https://${AUTHORITY_HOST}/**`, (route) => route.abort());
  const user = options.user ?? HARNESS_USER;
  const params = new URLSearchParams({
    clientId: CLIENT_ID,
    tid: user.tid,
    scopes: SCOPES.join(' '),
    ...query,
  });
  const teams = await openInTeams(page, new TestSite('naa-probe'), {
    ...options,
    // The account's cloud is the local authority's host (Entra's would be login.microsoftonline.com).
    ...(options.naa ? { naa: { environment: AUTHORITY_HOST, ...options.naa } } : {}),
    tabPath: `${PROBE_PATH}.html?${params}`,
  });
  const text = await teams.tab.locator('#probe').textContent({ timeout: 30_000 });
  return { result: JSON.parse(text ?? '{}') as ProbeResult, teams };
}

/** The NAA requests the tab sent through teams-js, in order (method names). */
async function naaMethods(teams: Awaited<ReturnType<typeof openInTeams>>): Promise<string[]> {
  return (await teams.received())
    .filter((m) => m.func === 'nestedAppAuth.execute')
    .map((m) => (JSON.parse(m.data ?? '{}') as { method: string }).method);
}

test('with NAA, MSAL gets the token through Teams’ bridge: no popup, nothing asked of the authority', async ({
  page,
}) => {
  const watched = watchAuthority(page);
  const { asked, broker } = testBroker(HARNESS_USER);
  const { result, teams } = await openProbe(page, { naa: { broker } });
  expect(result.fatal).toBeUndefined();
  expect(result.bridge).toBe('object');
  expect(result.naaRecommended).toBe(true);
  const [first, again] = result.steps;
  expect(first).toMatchObject({ call: 'acquireTokenSilent', ok: true, fromCache: false });
  expect(first?.homeAccountId).toBe(`${HARNESS_USER.oid}.${HARNESS_USER.tid}`);
  expect(first?.username).toBe(HARNESS_USER.upn);
  // The very token the broker minted reached the tab.
  expect(first?.accessToken?.split('.')).toHaveLength(3);
  const claims = JSON.parse(
    Buffer.from(first?.accessToken?.split('.')[1] ?? '', 'base64url').toString(),
  ) as { azp: string; scp: string };
  expect(claims).toMatchObject({ azp: CLIENT_ID, scp: SCOPES.join(' ') });
  // The second silent call is served from MSAL's cache, without asking Teams.
  expect(again).toMatchObject({ call: 'acquireTokenSilent again', ok: true, fromCache: true });
  expect(result.accounts).toEqual([`${HARNESS_USER.oid}.${HARNESS_USER.tid}`]);

  expect(await naaMethods(teams)).toEqual(['GetInitContext', 'GetToken']);
  const execute = (await teams.received()).find((m) => m.func === 'nestedAppAuth.execute');
  expect(execute?.args).toEqual([]);
  expect(JSON.parse(execute?.data ?? '{}')).toMatchObject({
    messageType: 'NestedAppAuthRequest',
    clientLibrary: 'msal.js.browser',
  });
  expect(asked).toEqual([
    expect.objectContaining({
      kind: 'silent',
      clientId: CLIENT_ID,
      scopes: SCOPES,
      loginHint: HARNESS_USER.upn,
    }),
  ]);
  expect(watched.requests).toEqual([]);
  expect(watched.popups).toEqual([]);
});

test('consent_required from the broker is InteractionRequiredAuthError in the tab; the popup goes through the bridge', async ({
  page,
}) => {
  const watched = watchAuthority(page);
  const { asked, broker } = testBroker(HARNESS_USER, (request) =>
    request.kind === 'silent' ? CONSENT_REQUIRED : undefined,
  );
  const { result, teams } = await openProbe(page, { naa: { broker } });
  expect(result.fatal).toBeUndefined();
  const [silent, popup, again] = result.steps;
  expect(silent).toMatchObject({
    call: 'acquireTokenSilent',
    ok: false,
    name: 'InteractionRequiredAuthError',
    interactionRequired: true,
    errorCode: 'invalid_grant',
  });
  expect(popup).toMatchObject({ call: 'acquireTokenPopup', ok: true });
  expect(popup?.homeAccountId).toBe(`${HARNESS_USER.oid}.${HARNESS_USER.tid}`);
  expect(again).toMatchObject({ ok: true, fromCache: true });
  expect(await naaMethods(teams)).toEqual(['GetInitContext', 'GetToken', 'GetTokenPopup']);
  expect(asked.map((r) => r.kind)).toEqual(['silent', 'popup']);
  expect(watched.requests).toEqual([]);
  expect(watched.popups).toEqual([]);
});

test('a consent the broker still refuses in the popup stays consent_required (interaction required)', async ({
  page,
}) => {
  const { broker } = testBroker(HARNESS_USER, () => CONSENT_REQUIRED);
  const { result } = await openProbe(page, { naa: { broker } });
  expect(result.steps).toEqual([
    expect.objectContaining({ call: 'acquireTokenSilent', ok: false, interactionRequired: true }),
    expect.objectContaining({
      call: 'acquireTokenPopup',
      ok: false,
      name: 'InteractionRequiredAuthError',
      errorCode: 'invalid_grant',
    }),
  ]);
});

test('other broker errors are not interaction-required; a failing broker is a server error', async ({
  page,
}) => {
  const { broker } = testBroker(HARNESS_USER, () => ({
    ok: false,
    status: 400,
    error: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret.' },
  }));
  const { result } = await openProbe(page, { naa: { broker } });
  expect(result.steps).toEqual([
    expect.objectContaining({
      ok: false,
      name: 'ServerError',
      errorCode: 'invalid_client',
      interactionRequired: false,
    }),
  ]);

  const failing = await openProbe(page, {
    naa: {
      broker: () => Promise.reject(new Error('identity provider down')),
    },
  });
  expect(failing.result.steps).toEqual([
    expect.objectContaining({ ok: false, name: 'ServerError', errorCode: 'broker_failed' }),
  ]);
});

test('ssoSilent, another user, a desktop client and a slow Teams: the account comes from the harness user', async ({
  page,
}) => {
  const user: HarnessUser = {
    oid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    upn: 'karin.samordnare@region.example',
    tid: '12345678-1234-4234-8234-123456789abc',
    name: 'Karin Samordnare',
  };
  const { asked, broker } = testBroker(user);
  const started = Date.now();
  const { result, teams } = await openProbe(
    page,
    { naa: { broker }, user, hostClientType: 'desktop', slowInitializeMs: 1500 },
    { silent: 'ssoSilent' },
  );
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  expect(result).toMatchObject({
    clientType: 'desktop',
    userObjectId: user.oid,
    userPrincipalName: user.upn,
  });
  expect(result.steps[0]).toMatchObject({
    call: 'ssoSilent',
    ok: true,
    homeAccountId: `${user.oid}.${user.tid}`,
    username: user.upn,
  });
  expect(asked[0]?.loginHint).toBe(user.upn);
  const initialize = (await teams.received()).find((m) => m.func === 'initialize');
  expect(initialize).toBeDefined();
});

test('an account environment that is not an alias of the app’s authority misses MSAL’s cache', async ({
  page,
}) => {
  // Entra's cloud for the account, a local authority in the app: every call asks Teams again.
  const { asked, broker } = testBroker(HARNESS_USER);
  const { result, teams } = await openProbe(page, {
    naa: { broker, environment: 'login.microsoftonline.com' },
  });
  expect(result.steps.map((s) => [s.ok, s.fromCache])).toEqual([
    [true, false],
    [true, false],
  ]);
  expect(await naaMethods(teams)).toEqual(['GetInitContext', 'GetToken', 'GetToken']);
  expect(asked).toHaveLength(2);
});

test('without NAA the host offers no bridge, and teams-js does not recommend NAA', async ({
  page,
}) => {
  const { result, teams } = await openProbe(page, {});
  expect(result.bridge).toBe('undefined');
  expect(result.naaRecommended).toBe(false);
  expect(result.clientType).toBe('web');
  expect(result.steps).toEqual([]);
  expect((await teams.received()).map((m) => m.func)).not.toContain('nestedAppAuth.execute');
});

test('idpBroker asks the identity provider’s broker grant (self-signed TLS) and the token reaches the tab', async ({
  page,
}) => {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
  });
  const forms: URLSearchParams[] = [];
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      forms.push(form);
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (form.get('grant_type') !== TEAMS_BROKER_GRANT || form.get('client_secret') !== 's3cret') {
        reply(400, { error: 'unauthorized_client' });
        return;
      }
      void mint(
        HARNESS_USER,
        form.get('app_client_id') ?? '',
        (form.get('scope') ?? '').split(' '),
      ).then((tokens) => reply(200, tokens));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const broker = idpBroker({
      tokenEndpoint: `https://localhost:${port}/token`,
      brokerClientId: 'teams-broker',
      brokerSecret: 's3cret',
    });
    const { result } = await openProbe(page, { naa: { broker } });
    expect(result.steps[0]).toMatchObject({
      ok: true,
      homeAccountId: `${HARNESS_USER.oid}.${HARNESS_USER.tid}`,
    });
    expect(Object.fromEntries(forms[0] ?? [])).toEqual({
      grant_type: TEAMS_BROKER_GRANT,
      client_id: 'teams-broker',
      client_secret: 's3cret',
      app_client_id: CLIENT_ID,
      login_hint: HARNESS_USER.upn,
      // As MSAL asked, plus the OpenID scopes Teams asks Entra for (an ID token comes back).
      scope: [...SCOPES, 'openid', 'profile'].join(' '),
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
