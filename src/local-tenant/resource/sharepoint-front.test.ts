/**
 * SharePoint Online on its own origin: bearer tokens, delegated scopes capping the user's own
 * rights, the principal entering the site's users, batches, CORS and the test controls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLE_DEFINITION_IDS } from '../../local-site/permissions';
import type { SiteState } from '../../local-site/site-state';
import { fixtureState, FIXTURE_LISTS, withDocumentLibrary } from '../../local-site/test-fixture';
import { createSharePointFront } from './sharepoint-front';
import {
  APP_ORIGIN,
  createIssuer,
  DIRECTORY,
  ISSUER,
  OID,
  serve,
  TENANT_ID,
  type Issuer,
} from './token-fixture';

const SITE = '/sites/planuppfoljning';
const FU = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.followUps)}')`;
const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** The fixture with a directory and permissions: Anna Full Control, Bo and Cilla Edit, Dan Read. */
function tenantState(): SiteState {
  const { fullControl, edit, read } = ROLE_DEFINITION_IDS;
  return {
    ...withDocumentLibrary(fixtureState()),
    directory: DIRECTORY,
    roleAssignments: [
      { principalId: 1, roleDefId: fullControl },
      { principalId: 2, roleDefId: edit },
      { principalId: 3, roleDefId: edit },
      { principalId: 4, roleDefId: read },
    ],
  };
}

let issuer: Issuer;
let server: { origin: string; close(): Promise<void> };
let dataDir: string;
const GRAPH_ORIGIN = 'https://localhost:4403';

beforeAll(async () => {
  issuer = await createIssuer();
  dataDir = mkdtempSync(join(tmpdir(), 'sp-front-'));
  server = await serve(
    (origin) =>
      createSharePointFront({
        origin,
        issuer: ISSUER,
        keys: issuer.keys,
        tenantId: TENANT_ID,
        allowedOrigins: [APP_ORIGIN],
        sites: { dataDir, createInitialState: tenantState },
      }).handler,
  );
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  expect((await fetch(`${server.origin}${SITE}/_local/reset`, { method: 'POST' })).status).toBe(
    204,
  );
});

const token = (oid: string, scp: string | undefined, claims?: Record<string, unknown>) =>
  issuer.mint(server.origin, oid, scp, claims);

async function call(
  method: string,
  path: string,
  bearer: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.origin}${SITE}/${path}`, {
    method,
    headers: {
      ...JSON_HEADERS,
      ...(bearer !== undefined ? { Authorization: `Bearer ${bearer}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

const newItem = { Title: 'Plan Z', PlanKey: 'z', PeriodKey: '2020-04', PlanPeriodKey: 'z|2020-04' };

describe('refused tokens: 401 as SharePoint Online answers them', () => {
  it('challenges a request without a token with the bearer realm', async () => {
    const response = await call('GET', '_api/web', undefined);
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toContain(`Bearer realm="${TENANT_ID}"`);
    expect(challenge).toContain('client_id="00000003-0000-0ff1-ce00-000000000000"');
    expect(challenge).toContain('trusted_issuers="00000001-0000-0000-c000-000000000000@*,');
    expect(challenge).toContain(
      'authorization_uri="https://localhost:4401/common/oauth2/authorize"',
    );
    expect(await response.text()).toBe('');
  });

  it.each([
    [
      'malformed',
      async () => 'not.a.jwt',
      undefined,
      'Invalid JWT token. The token is not a valid JWT.',
    ],
    [
      'expired',
      () => token(OID.bo, 'AllSites.Read', { exp: Math.floor(Date.now() / 1000) - 600 }),
      undefined,
      'Invalid JWT token. The token is expired.',
    ],
    [
      'not yet valid',
      () => token(OID.bo, 'AllSites.Read', { nbf: Math.floor(Date.now() / 1000) + 600 }),
      undefined,
      'Invalid JWT token. The token is not yet valid.',
    ],
    [
      'a Graph token',
      () => issuer.mint(GRAPH_ORIGIN, OID.bo, 'User.ReadBasic.All'),
      `3000003;reason="Invalid audience Uri '${GRAPH_ORIGIN}'.";category="invalid_client"`,
      "Exception of type 'Microsoft.IdentityModel.Tokens.AudienceUriValidationFailedException' was thrown.",
    ],
    [
      'another issuer',
      () => token(OID.bo, 'AllSites.Read', { iss: 'https://sts.elsewhere.example/x/v2.0' }),
      '3000006;reason="Token contains invalid signature.";category="invalid_client"',
      'Invalid issuer or signature.',
    ],
    [
      'a bad signature',
      () => issuer.mint(server.origin, OID.bo, 'AllSites.Read', {}, issuer.strangerKey),
      '3000006;reason="Token contains invalid signature.";category="invalid_client"',
      'Invalid issuer or signature.',
    ],
    [
      'no delegated scopes (app-only)',
      () => token(OID.bo, undefined),
      undefined,
      'Unsupported app only token.',
    ],
  ])('refuses %s', async (_what, make, diagnostics, description) => {
    const response = await call('GET', '_api/web', await make());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain(`realm="${TENANT_ID}"`);
    expect(response.headers.get('x-ms-diagnostics')).toBe(diagnostics ?? null);
    expect(response.headers.get('sprequestguid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ error_description: description });
  });

  it('serves a valid token', async () => {
    const response = await call(
      'GET',
      '_api/web?$select=Title',
      await token(OID.bo, 'AllSites.Read'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('sprequestguid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('delegated scopes cap the user’s rights', () => {
  const DENIED = {
    'odata.error': {
      code: '-2147024891, System.UnauthorizedAccessException',
      message: {
        lang: 'en-US',
        value:
          'Access denied. You do not have permission to perform this action or access this resource.',
      },
    },
  };

  it('refuses a write with a Read token, takes it with a Write token', async () => {
    const read = await call('POST', `${FU}/items`, await token(OID.bo, 'AllSites.Read'), newItem);
    expect(read.status).toBe(403);
    expect(await read.json()).toEqual(DENIED);
    const write = await call('POST', `${FU}/items`, await token(OID.bo, 'AllSites.Write'), newItem);
    expect(write.status).toBe(201);
    expect(write.headers.get('etag')).toBe('"1"');
  });

  it('keeps lists to Manage: a Write token cannot create one, a Manage token can', async () => {
    const list = {
      Title: 'Ny lista',
      BaseTemplate: 100,
      AllowContentTypes: false,
      ContentTypesEnabled: false,
    };
    expect(
      (await call('POST', '_api/web/lists', await token(OID.anna, 'AllSites.Write'), list)).status,
    ).toBe(403);
    expect(
      (await call('POST', '_api/web/lists', await token(OID.anna, 'AllSites.Manage'), list)).status,
    ).toBe(201);
  });

  it('keeps permissions and groups to FullControl', async () => {
    const write = await token(OID.anna, 'AllSites.Write AllSites.Manage');
    const full = await token(OID.anna, 'AllSites.FullControl');
    const item = `${FU}/items(1)`;
    const paths = [
      [
        'POST',
        `${item}/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`,
        undefined,
      ],
      [
        'POST',
        `${item}/roleassignments/addroleassignment(principalid=4,roledefid=${ROLE_DEFINITION_IDS.contribute})`,
        undefined,
      ],
      ['POST', '_api/web/sitegroups', { Title: 'Nya gruppen' }],
    ] as const;
    for (const [method, path, body] of paths) {
      const refused = await call(method, path, write, body);
      expect(refused.status, path).toBe(403);
      const allowed = await call(method, path, full, body);
      expect(allowed.status, path).toBeLessThan(300);
    }
  });

  it('never lifts the user’s own rights: a Read user with a FullControl token cannot write', async () => {
    const response = await call(
      'POST',
      `${FU}/items`,
      await token(OID.dan, 'AllSites.FullControl'),
      newItem,
    );
    expect(response.status).toBe(403);
  });

  it('answers EffectiveBasePermissions for user and scope together', async () => {
    const perms = async (scp: string) =>
      (await (
        await call('GET', '_api/web/EffectiveBasePermissions', await token(OID.anna, scp))
      ).json()) as {
        High: string;
        Low: string;
      };
    expect(await perms('AllSites.FullControl')).toMatchObject({
      High: '2147483647',
      Low: '4294967295',
    });
    expect(await perms('AllSites.Read')).toMatchObject({ High: '176', Low: '138612833' });
  });

  it('gives a token with no site scope nothing', async () => {
    const response = await call('GET', '_api/web', await token(OID.bo, 'User.Read MyFiles.Read'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(DENIED);
  });

  it('caps every part of a batch with the batch’s token', async () => {
    const boundary = 'batch_1';
    const url = `${server.origin}${SITE}/${FU}/items`;
    const body = [
      `--${boundary}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${url}(1)?$select=Title HTTP/1.1`,
      'Accept: application/json',
      '',
      `--${boundary}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `POST ${url} HTTP/1.1`,
      'Accept: application/json',
      'Content-Type: application/json',
      '',
      JSON.stringify(newItem),
      `--${boundary}--`,
      '',
    ].join('\n');
    const send = async (scp: string) =>
      (
        await call('POST', '_api/$batch', await token(OID.bo, scp), body, {
          'Content-Type': `multipart/mixed; boundary=${boundary}`,
        })
      ).text();
    const read = await send('AllSites.Read');
    expect(read).toContain('HTTP/1.1 200 OK');
    expect(read).toContain('HTTP/1.1 403 Forbidden');
    const write = await send('AllSites.Write');
    expect(write).toContain('HTTP/1.1 201 Created');
    expect(write).not.toContain('HTTP/1.1 403');
  });
});

describe('file uploads', () => {
  const folder = `${SITE}/Shared Documents`;
  const upload = `_api/web/getFolderByServerRelativePath(decodedUrl='${encodeURIComponent(folder)}')/files/AddUsingPath(decodedurl='r.docx',Overwrite=true)`;
  // Not UTF-8: the bytes must reach the site as sent.
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]);

  it('pass a binary body through to the site with AllSites.Write', async () => {
    const bearer = await token(OID.anna, 'AllSites.Write');
    const added = await fetch(`${server.origin}${SITE}/${upload}`, {
      method: 'POST',
      headers: { Accept: 'application/json', Authorization: `Bearer ${bearer}` },
      body: bytes,
    });
    expect(added.status).toBe(200);
    const value = await fetch(
      `${server.origin}${SITE}/_api/web/getFileByServerRelativePath(decodedUrl='${encodeURIComponent(`${folder}/r.docx`)}')/$value`,
      { headers: { Authorization: `Bearer ${bearer}` } },
    );
    expect([...new Uint8Array(await value.arrayBuffer())]).toEqual([...bytes]);
  });

  it('refuse an upload with AllSites.Read only, even for a Full Control user', async () => {
    const bearer = await token(OID.anna, 'AllSites.Read');
    const refused = await fetch(`${server.origin}${SITE}/${upload}`, {
      method: 'POST',
      headers: { Accept: 'application/json', Authorization: `Bearer ${bearer}` },
      body: bytes,
    });
    expect(refused.status).toBe(403);
  });
});

describe('the token’s user', () => {
  it('is the directory person of its oid, added to the site’s users on the first request', async () => {
    const before = (await (
      await call('GET', '_api/web/siteusers', await token(OID.anna, 'AllSites.Read'))
    ).json()) as {
      value: { Title: string }[];
    };
    expect(before.value.map((u) => u.Title)).not.toContain('Nils Ny');
    const me = await call('GET', '_api/web/currentuser', await token(OID.nils, 'AllSites.Read'));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      Title: 'Nils Ny',
      UserPrincipalName: 'nils.ny@region.example',
    });
    const after = (await (
      await call('GET', '_api/web/siteusers', await token(OID.anna, 'AllSites.Read'))
    ).json()) as {
      value: { Title: string }[];
    };
    expect(after.value.map((u) => u.Title)).toContain('Nils Ny');
  });

  it('ignores the sign-in cookie', async () => {
    const me = await call(
      'GET',
      '_api/web/currentuser',
      await token(OID.bo, 'AllSites.Read'),
      undefined,
      {
        Cookie: 'LocalSiteUser=1',
      },
    );
    expect(await me.json()).toMatchObject({ Title: 'Bo Samordnare' });
  });

  it('refuses a disabled account (403) and an object id the directory lacks (401)', async () => {
    expect((await call('GET', '_api/web', await token(OID.gone, 'AllSites.Read'))).status).toBe(
      403,
    );
    const stranger = await call(
      'GET',
      '_api/web',
      await token('99999999-0000-4000-8000-000000000000', 'AllSites.Read'),
    );
    expect(stranger.status).toBe(401);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${server.origin}${SITE}/${FU}/items`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization, content-type, if-match, x-http-method, x-pnpjs-requestid',
      },
    });

  it('answers a preflight from the app’s origin', async () => {
    const response = await preflight(APP_ORIGIN);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(', ');
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'if-match',
        'x-http-method',
        // PnPjs's own header: what the page asks to send is let through.
        'x-pnpjs-requestid',
      ]),
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('gives another origin no CORS headers', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const get = await call('GET', '_api/web', await token(OID.bo, 'AllSites.Read'), undefined, {
      Origin: 'https://evil.example',
    });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes ETag on an item read, and CORS headers on a 401 too', async () => {
    const response = await call(
      'GET',
      `${FU}/items(1)`,
      await token(OID.bo, 'AllSites.Read'),
      undefined,
      {
        Origin: APP_ORIGIN,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('etag')).toBe('"1"');
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(', ');
    expect(exposed).toEqual(expect.arrayContaining(['ETag', 'Retry-After', 'SPRequestGuid']));
    const refused = await call('GET', '_api/web', undefined, undefined, { Origin: APP_ORIGIN });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });
});

describe('test controls', () => {
  it('are reachable without a token from Node, never cross-origin', async () => {
    const users = await fetch(`${server.origin}${SITE}/_local/users`);
    expect(users.status).toBe(200);
    const crossOrigin = await fetch(`${server.origin}${SITE}/_local/reset`, {
      method: 'POST',
      headers: { Origin: APP_ORIGIN },
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('refuse _local/signin: who calls is the token’s user', async () => {
    const response = await fetch(`${server.origin}${SITE}/_local/signin`, {
      method: 'POST',
      body: JSON.stringify({ userId: 1 }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('inject faults that reach authenticated requests', async () => {
    const fault = await fetch(`${server.origin}${SITE}/_local/fault`, {
      method: 'POST',
      body: JSON.stringify({ status: 503, count: 1, retryAfterSeconds: 2 }),
    });
    expect(fault.status).toBe(204);
    const bearer = await token(OID.bo, 'AllSites.Read');
    const first = await call('GET', '_api/web', bearer);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await call('GET', '_api/web', bearer)).status).toBe(200);
  });

  it('serve no path outside /sites/<name>', async () => {
    expect((await fetch(`${server.origin}/_api/web`)).status).toBe(404);
  });
});
