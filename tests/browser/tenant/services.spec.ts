import {
  ALL_CONSENTED,
  SCOPES,
  TENANT,
  UPN,
  accessToken,
  brokerToken,
  expect,
  idpControl,
  JSON_NOMETADATA,
  test,
} from './tenant';

// SharePoint and Graph of the local tenant as the app meets them: on origins of their own, every
// request authenticated by its bearer token, what it may do capped by its delegated scopes. The
// tokens are real ones from the local identity provider.

const HANNA = 'hanna.lasare@region.example';

test('SharePoint refuses a request without a token, with an expired one, or one for Graph', async ({
  request,
  site,
}) => {
  const web = `${site.url}/_api/web?$select=Title`;
  const missing = await request.get(web, { headers: JSON_NOMETADATA });
  expect(missing.status()).toBe(401);
  expect(missing.headers()['www-authenticate']).toMatch(/^Bearer realm="/);

  const forGraph = await accessToken(request, UPN.anna, [SCOPES.readUsers]);
  const wrongAudience = await request.get(web, {
    headers: { ...JSON_NOMETADATA, Authorization: `Bearer ${forGraph}` },
  });
  expect(wrongAudience.status()).toBe(401);

  await idpControl(request, 'token-lifetime', { seconds: 1, user: HANNA });
  const shortLived = await accessToken(request, HANNA, [SCOPES.read]);
  await new Promise((done) => setTimeout(done, 2_500));
  const expired = await request.get(web, {
    headers: { ...JSON_NOMETADATA, Authorization: `Bearer ${shortLived}` },
  });
  // (The tests' services allow no clock skew: TENANT_CLOCK_SKEW_SECONDS=0, playwright.config.ts.)
  expect(expired.status()).toBe(401);

  const good = await accessToken(request, UPN.anna, [SCOPES.fullControl]);
  const ok = await request.get(web, {
    headers: { ...JSON_NOMETADATA, Authorization: `Bearer ${good}` },
  });
  expect(ok.status()).toBe(200);
});

test('a token short of a scope cannot write, whatever the user may do', async ({
  request,
  site,
}) => {
  // IT granted only reading for Karin's tokens: she is a coordinator, but the token caps her.
  await idpControl(request, 'consent', { user: UPN.karin, consented: [SCOPES.read] });
  const { status, body } = await brokerToken(request, UPN.karin, [SCOPES.fullControl]);
  expect(status).toBe(400);
  expect(String(body.error_description)).toMatch(/AADSTS65001/);
  const readOnly = await accessToken(request, UPN.karin, [SCOPES.read]);
  const write = await request.post(`${site.followUps}/items`, {
    headers: {
      ...JSON_NOMETADATA,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${readOnly}`,
    },
    data: { Title: 'Ska inte skrivas' },
  });
  expect(write.status()).toBe(403);
  await idpControl(request, 'consent', { user: UPN.karin, consented: ALL_CONSENTED });
});

test('CORS: the app’s origin may call SharePoint and read the ETag; another origin may not', async ({
  request,
  site,
}) => {
  const preflight = await request.fetch(`${site.followUps}/items(1)`, {
    method: 'OPTIONS',
    headers: {
      Origin: TENANT.app,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,if-match,x-http-method',
    },
  });
  expect(preflight.status()).toBeLessThan(300);
  expect(preflight.headers()['access-control-allow-origin']).toBe(TENANT.app);
  const other = await request.fetch(`${site.followUps}/items(1)`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
  });
  expect(other.headers()['access-control-allow-origin']).toBeUndefined();

  const token = await accessToken(request, UPN.anna, [SCOPES.fullControl]);
  const item = await request.get(`${site.followUps}/items?$top=1&$select=Id`, {
    headers: { ...JSON_NOMETADATA, Authorization: `Bearer ${token}`, Origin: TENANT.app },
  });
  expect(item.ok()).toBe(true);
  expect(item.headers()['access-control-expose-headers']?.toLowerCase()).toContain('etag');
});

test('Graph refuses a token without its scope and one for SharePoint', async ({ request }) => {
  const sharePointToken = await accessToken(request, UPN.anna, [SCOPES.fullControl]);
  const me = await request.get(`${TENANT.graph}/v1.0/users/${UPN.anna}`, {
    headers: { Authorization: `Bearer ${sharePointToken}` },
  });
  expect(me.status()).toBe(401);
  expect(((await me.json()) as { error: { code: string } }).error.code).toBe(
    'InvalidAuthenticationToken',
  );
  const token = await accessToken(request, UPN.anna, [SCOPES.readUsers]);
  const found = await request.get(`${TENANT.graph}/v1.0/users/${UPN.anna}?$select=id,displayName`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(found.status()).toBe(200);
});
