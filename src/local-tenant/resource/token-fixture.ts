/**
 * Test helpers of the resource fronts: an issuer's key pair and JWKS, tokens minted as Entra v2
 * delegated access tokens (jose), a tenant directory matching test-fixture.ts's users, and a
 * server on a free port of 127.0.0.1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTVerifyGetKey,
} from 'jose';
import type { Directory } from '../../local-site/directory';

export const TENANT_ID = '4f6b1d2e-8c3a-4e5f-9b7d-1a2c3e4f5a6b';
export const ISSUER = `https://localhost:4401/${TENANT_ID}/v2.0`;
export const APP_ORIGIN = 'https://localhost:5173';
export const KID = 'local-key-1';

/** Object ids of the directory people (Anna … Dan are test-fixture.ts's site users 1–4). */
export const OID = {
  anna: 'a1b2c3d4-0000-4000-8000-000000000001',
  bo: 'a1b2c3d4-0000-4000-8000-000000000002',
  cilla: 'a1b2c3d4-0000-4000-8000-000000000003',
  dan: 'a1b2c3d4-0000-4000-8000-000000000004',
  /** In the directory, never seen by the site. */
  nils: 'a1b2c3d4-0000-4000-8000-000000000005',
  /** In the directory, account disabled. */
  gone: 'a1b2c3d4-0000-4000-8000-000000000006',
} as const;

const person = (id: string, name: string, upn: string, accountEnabled = true) => ({
  id,
  displayName: name,
  userPrincipalName: upn,
  mail: upn,
  accountEnabled,
});

export const DIRECTORY: Directory = {
  tenantId: TENANT_ID,
  users: [
    person(OID.anna, 'Anna Ägare', 'anna@region.example'),
    person(OID.bo, 'Bo Samordnare', 'bo@region.example'),
    person(OID.cilla, 'Cilla Utan Post', 'cilla@region.example'),
    person(OID.dan, 'Dan Läsare', 'dan@region.example'),
    person(OID.nils, 'Nils Ny', 'nils.ny@region.example'),
    person(OID.gone, 'Greta Gått', 'greta@region.example', false),
  ],
  groups: [],
};

export interface Issuer {
  readonly keys: JWTVerifyGetKey;
  /** A token for this audience and user with these scopes; `claims` override any claim. */
  mint(
    audience: string,
    oid: string,
    scp: string | undefined,
    claims?: Record<string, unknown>,
    signWith?: CryptoKey,
  ): Promise<string>;
  /** A key the issuer does not have (a token signed with it has a bad signature). */
  readonly strangerKey: CryptoKey;
}

export async function createIssuer(): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] });
  return {
    keys,
    strangerKey: stranger.privateKey,
    async mint(audience, oid, scp, claims = {}, signWith = privateKey) {
      const now = Math.floor(Date.now() / 1000);
      const user = DIRECTORY.users.find((u) => u.id === oid);
      const payload: Record<string, unknown> = {
        tid: TENANT_ID,
        oid,
        sub: `sub-${oid}`,
        upn: user?.userPrincipalName,
        preferred_username: user?.userPrincipalName,
        name: user?.displayName,
        azp: '11111111-2222-4333-8444-555555555555',
        ver: '2.0',
        ...(scp !== undefined ? { scp } : {}),
        iss: ISSUER,
        aud: audience,
        iat: now,
        nbf: now,
        exp: now + 3600,
        ...claims,
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
        .sign(signWith);
    },
  };
}

/** A server on a free port; the handler is made once the origin is known. */
export async function serve(
  makeHandler: (origin: string) => (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ origin: string; close(): Promise<void> }> {
  const holder: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server = createServer((req, res) => holder.handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  holder.handler = makeHandler(origin);
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
