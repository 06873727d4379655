/** Users compared with the documented SP.User properties (tests/fixtures/sharepoint-docs/users.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtures, jsonLightShape } from '../fixtures/sharepoint-docs';
import { expectSameShape } from './expect-same-shape';
import { json, startSite, withoutEnvelope, type TestSite } from './site';

let t: TestSite;
beforeEach(async () => {
  t = await startSite();
});
afterEach(async () => {
  await t.close();
});

/**
 * Properties SharePoint Online's REST answers carry besides the described ones: the member list
 * names UserId (UserIdInfo) and the two guest flags without describing them; Expiration and
 * UserPrincipalName are not on the page (docs/emulation.md, Fidelity tests).
 */
const UNDESCRIBED = [
  'UserId',
  'IsEmailAuthenticationGuestUser',
  'IsShareByEmailGuestUser',
  'Expiration',
  'UserPrincipalName',
];

describe('users', () => {
  it.each([
    ['currentuser', 'GET', '_api/web/currentuser', undefined],
    ['getUserById', 'GET', '_api/web/getUserById(2)', undefined],
    [
      'ensureuser',
      'POST',
      '_api/web/ensureuser',
      JSON.stringify({ logonName: 'bo@region.example' }),
    ],
  ])('%s: every described SP.User property in its type', async (_name, method, path, body) => {
    const answer = await t.call(method, path, {
      ...(body === undefined
        ? {}
        : { body, headers: { 'Content-Type': 'application/json;charset=utf-8' } }),
    });
    expect(answer.status).toBe(200);
    const user = withoutEnvelope(json(answer));
    expectSameShape(user, jsonLightShape(fixtures.userProperties), {
      ignoreValues: true,
      allowExtraKeys: UNDESCRIBED,
    });
    expect(user.UserId).toEqual({ NameId: expect.any(String), NameIdIssuer: expect.any(String) });
    // PrincipalType 1 = User in the PrincipalType enumeration.
    expect(user.PrincipalType).toBe(1);
  });
});
