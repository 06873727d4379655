import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBearer } from './bearer';
import { createIssuer, ISSUER, OID, type Issuer } from './token-fixture';

const SP = 'https://localhost:4402';
const GRAPH = 'https://localhost:4403';
let issuer: Issuer;

beforeAll(async () => {
  issuer = await createIssuer();
});

const verify = (authorization: string | undefined) =>
  verifyBearer(authorization, { issuer: ISSUER, audience: SP, keys: issuer.keys });
const reason = async (authorization: string | undefined) => {
  const result = await verify(authorization);
  return result.ok ? 'ok' : result.reason;
};
const now = () => Math.floor(Date.now() / 1000);

describe('verifyBearer', () => {
  it('accepts a delegated token for its audience, with its scopes and claims', async () => {
    const token = await issuer.mint(SP, OID.bo, 'AllSites.Write AllSites.Read');
    const result = await verify(`Bearer ${token}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.scopes].sort()).toEqual(['AllSites.Read', 'AllSites.Write']);
    expect(result.claims.oid).toBe(OID.bo);
    expect(result.claims.upn).toBe('bo@region.example');
  });

  it('names each refusal', async () => {
    const ok = (claims: Record<string, unknown>, scp: string | undefined = 'AllSites.Read') =>
      issuer.mint(SP, OID.bo, scp, claims);
    expect(await reason(undefined)).toBe('missing');
    expect(await reason('Bearer ')).toBe('missing');
    expect(await reason('Bearer not-a-jwt')).toBe('malformed');
    expect(await reason(`Basic ${Buffer.from('a:b').toString('base64')}`)).toBe('malformed');
    expect(await reason(`Bearer ${await ok({ exp: now() - 600 })}`)).toBe('expired');
    expect(await reason(`Bearer ${await ok({ nbf: now() + 600 })}`)).toBe('not-yet-valid');
    expect(await reason(`Bearer ${await issuer.mint(GRAPH, OID.bo, 'User.Read')}`)).toBe(
      'wrong-audience',
    );
    expect(await reason(`Bearer ${await ok({ iss: 'https://elsewhere.example/v2.0' })}`)).toBe(
      'wrong-issuer',
    );
    const forged = await issuer.mint(SP, OID.bo, 'AllSites.Read', {}, issuer.strangerKey);
    expect(await reason(`Bearer ${forged}`)).toBe('bad-signature');
    expect(await reason(`Bearer ${await issuer.mint(SP, OID.bo, undefined)}`)).toBe('no-scope');
    expect(await reason(`Bearer ${await ok({}, '')}`)).toBe('no-scope');
    expect(await reason(`Bearer ${await ok({ oid: undefined })}`)).toBe('malformed');
  });

  it('allows Entra’s five minutes of clock skew, and no more', async () => {
    const token = (claims: Record<string, unknown>) =>
      issuer.mint(SP, OID.bo, 'AllSites.Read', claims);
    expect(await reason(`Bearer ${await token({ exp: now() - 120 })}`)).toBe('ok');
    expect(await reason(`Bearer ${await token({ nbf: now() + 120 })}`)).toBe('ok');
    expect(await reason(`Bearer ${await token({ exp: now() - 400 })}`)).toBe('expired');
  });

  it('reports the audience of a token meant for another resource', async () => {
    const result = await verify(`Bearer ${await issuer.mint(GRAPH, OID.bo, 'User.Read')}`);
    expect(result).toMatchObject({ ok: false, reason: 'wrong-audience', audience: GRAPH });
  });
});
