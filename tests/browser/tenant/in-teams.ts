import { DEMO_DIRECTORY, DEMO_TENANT_ID } from '../../../src/demo/directory-demo';
import { LOCAL_TENANT_BROKER } from '../../../scripts/tenant-env';
import { idpBroker } from '../teams-broker';
import type { HarnessUser } from '../teams-harness';
import { TENANT, TOKEN_ENDPOINT } from './tenant';

/** A directory person as the Teams stand-in's signed-in user (object id, UPN, tenant, name). */
export function teamsUser(upn: string): HarnessUser {
  const person = DEMO_DIRECTORY.users.find((u) => u.userPrincipalName === upn);
  if (!person) throw new Error(`no ${upn} in the directory`);
  return { oid: person.id, upn, tid: DEMO_TENANT_ID, name: person.displayName };
}

/** Nested app auth in the harness: Teams brokering every token from the local identity provider. */
export const TEAMS_NAA = {
  broker: idpBroker({
    tokenEndpoint: TOKEN_ENDPOINT,
    brokerClientId: LOCAL_TENANT_BROKER.clientId,
    brokerSecret: LOCAL_TENANT_BROKER.clientSecret,
  }),
  // MSAL finds the brokered account in its cache only under the authority's own host.
  environment: new URL(TENANT.login).host,
};
