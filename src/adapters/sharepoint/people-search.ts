import { body } from '@pnp/queryable';
import { extractWebUrl, spPost, SPQueryable, type SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web';
import '@pnp/sp/batching';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/webs';
import { z } from 'zod/mini';
import { StoreFailure } from '../../domain/errors';
import type { Person } from '../../domain/follow-up';
import { PEOPLE_QUERY_MIN_LENGTH } from '../../domain/plan-register';
import type { PersonCandidate } from '../../domain/ports';
import { upnFromLogin } from './item-mapping';
import { ROLE_TYPE } from './permissions';
import { PERIOD_LIST } from './schema';

/*
 * The plan register's people search, loaded on first use (the first screen never needs it).
 *
 * `siteusers` holds only the people the site has already seen, so a new owner could not be found
 * there. SharePoint's people picker searches the directory instead:
 * `POST _api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser`
 * with `{ queryParams: SP.UI.ApplicationPages.ClientPeoplePickerQueryParameters }`; it answers the
 * entities as a JSON string (in JSON light's `value`), each with `Key` (the claims name),
 * `DisplayText`, `EntityType` and `EntityData`. The chosen person then enters the site with
 * `POST _api/web/ensureuser { logonName: Key }`, which answers the site user (its `Id` is what a
 * person field stores).
 *
 * The request is PnPjs's own `sp.profiles.clientPeoplePickerSearchUser` (packages/sp/profiles/
 * types.ts), written out on the client's pipeline: the profiles module would land in the first
 * screen's chunk with the rest of PnP (vite.config.ts groups all of @pnp there).
 */

const PEOPLE_PICKER_SEARCH =
  '_api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser';

/** SP.Utilities.PrincipalType.User: people only, no groups or distribution lists. */
const PRINCIPAL_TYPE_USER = 1;
/** SP.Utilities.PrincipalSource.All: the directory as well as the site's user list. */
const PRINCIPAL_SOURCE_ALL = 15;

/** Most people one search offers. */
const SEARCH_LIMIT = 20;

const entitySchema = z.object({
  Key: z.string(),
  DisplayText: z.nullish(z.string()),
  EntityType: z.nullish(z.string()),
});

const withId = z.object({ Id: z.number() });

const siteUserSchema = z.object({
  Id: z.number(),
  Title: z.nullish(z.string()),
  LoginName: z.nullish(z.string()),
});

/** The entities in the answer, a JSON string (PnP has taken it out of JSON light's `value`). */
function entitiesOf(answer: unknown): unknown[] {
  const parsed: unknown = typeof answer === 'string' ? JSON.parse(answer) : null;
  if (!Array.isArray(parsed)) {
    throw new StoreFailure('invalid-data', 'The people picker answered an unexpected shape');
  }
  return parsed;
}

/** People of the directory matching the query, as the people picker finds them. */
export async function searchDirectory(sp: SPFI, query: string): Promise<PersonCandidate[]> {
  const text = query.trim();
  if (text.length < PEOPLE_QUERY_MIN_LENGTH) return [];
  // The site's own address, on the client's pipeline (auth, digest, retry, error mapping).
  const endpoint = SPQueryable([sp.web, extractWebUrl(sp.web.toUrl())], PEOPLE_PICKER_SEARCH);
  const answer: unknown = await spPost(
    endpoint,
    body({
      queryParams: {
        AllowEmailAddresses: false,
        AllowMultipleEntities: false,
        AllUrlZones: false,
        MaximumEntitySuggestions: SEARCH_LIMIT,
        PrincipalSource: PRINCIPAL_SOURCE_ALL,
        PrincipalType: PRINCIPAL_TYPE_USER,
        QueryString: text,
      },
    }),
  );
  const list = entitiesOf(answer);
  const seen = new Set<string>();
  return list.flatMap((raw) => {
    const entity = entitySchema.safeParse(raw);
    if (!entity.success || seen.has(entity.data.Key)) return [];
    // PrincipalType asks for people; anything else that comes back is not one.
    if (entity.data.EntityType && entity.data.EntityType !== 'User') return [];
    seen.add(entity.data.Key);
    const upn = upnFromLogin(entity.data.Key);
    return [{ key: entity.data.Key, name: entity.data.DisplayText || upn, upn }];
  });
}

/**
 * The chosen person as a user of the site (added when the site had not seen them), who may read
 * the periods list: an owner must see the periods they report in, and someone new to the site is
 * in none of its groups. Read is granted on the list itself (the coordinator holds Full Control
 * there; adding a role a principal already holds changes nothing). Two round trips: the user
 * and the Read level in one batch, then the grant.
 */
export async function ensureSiteUser(sp: SPFI, candidate: PersonCandidate): Promise<Person> {
  const [batched, execute] = sp.batched();
  const ensured = batched.web.ensureUser(candidate.key);
  const readLevel = batched.web.roleDefinitions.getByType(ROLE_TYPE.reader).select('Id')();
  await execute();
  const user = siteUserSchema.parse(await ensured);
  const read = withId.parse(await readLevel);
  await sp.web.lists.getByTitle(PERIOD_LIST.title).roleAssignments.add(user.Id, read.Id);
  return {
    id: user.Id,
    name: user.Title || candidate.name,
    upn: upnFromLogin(user.LoginName),
  };
}
