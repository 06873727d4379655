import type { Directory, DirectoryUser } from '../local-site/directory';

/**
 * The demo tenant's directory: the demo site's people (invented names) and the awkward cases a
 * real region has, so that tests meet them:
 * - David Åström owns plans and has a mail alias that is not his UPN (`david.a@…`): Graph finds
 *   him by UPN or object id only;
 * - Greta Nyström owns plans and has no mailbox (`mail: null`, SharePoint's `Email` '');
 * - Sofia Berg coordinates only through the Entra security group "Samordningskansliet
 *   handläggare", which is meant to be a member of the site's coordinator group;
 * - Olof Persson and Ingrid Wallin are in the directory but the site has never seen them: they
 *   enter `siteusers` only through `ensureuser`.
 *
 * Object ids are fixed GUIDs; the ones of people the demo site already had are those the local
 * Graph gave them before the directory existed, so recorded messages and tests keep their ids.
 */

const DOMAIN = 'region.example';

export const DEMO_TENANT_ID = 'cffe0c04-ca57-4915-ac92-f2d38a04c9ba';

function person(
  id: string,
  displayName: string,
  local: string,
  extra: Partial<Omit<DirectoryUser, 'id' | 'displayName' | 'userPrincipalName'>> = {},
): DirectoryUser {
  const [givenName = null, ...rest] = displayName.split(' ');
  const upn = `${local}@${DOMAIN}`;
  return {
    id,
    displayName,
    userPrincipalName: upn,
    mail: upn,
    givenName,
    surname: rest.join(' ') || null,
    jobTitle: null,
    department: null,
    accountEnabled: true,
    ...extra,
  };
}

/** The user principal names of the demo people, by the part they play. */
export const DEMO_PEOPLE = {
  /** Coordinator as a direct member of the coordinator group. */
  coordinator: `karin.samordnare@${DOMAIN}`,
  /** The owner a fresh browser is signed in as. */
  owner: `anna.lindgren@${DOMAIN}`,
  /** An owner whose mail (`david.a@…`) is not his UPN. */
  aliasOwner: `david.astrom@${DOMAIN}`,
  /** An owner without a mailbox. */
  mailboxlessOwner: `greta.nystrom@${DOMAIN}`,
  /** A coordinator only through the Entra group DEMO_COORDINATOR_ENTRA_GROUP_ID. */
  groupCoordinator: `sofia.berg@${DOMAIN}`,
  reader: `hanna.lasare@${DOMAIN}`,
  /** The site's owner (site collection administrator). */
  siteOwner: `bo.sandberg@${DOMAIN}`,
  /** In the directory, never seen by the site. */
  neverSeen: [`olof.persson@${DOMAIN}`, `ingrid.wallin@${DOMAIN}`],
} as const;

/** The Entra security group whose members coordinate (through the site's coordinator group). */
export const DEMO_COORDINATOR_ENTRA_GROUP_ID = '02229407-bf73-44ad-adb0-d8e2b0e592cb';

const SOFIA_ID = 'f38b0b4e-69a3-4bbc-a3ee-d5b9399e663c';

export const DEMO_DIRECTORY: Directory = {
  tenantId: DEMO_TENANT_ID,
  users: [
    person('0c4abcc3-9feb-474d-acdb-a62e281fa511', 'Karin Samordnare', 'karin.samordnare', {
      jobTitle: 'Samordnare',
      department: 'Samordningskansliet',
    }),
    person('ca5e3670-6991-4d83-a706-0470d9b293aa', 'Anna Lindgren', 'anna.lindgren', {
      jobTitle: 'Läkemedelssamordnare',
    }),
    person('4bf84d42-8944-462a-aa4c-1b23ba7e07f0', 'Björn Ekholm', 'bjorn.ekholm'),
    person('61d72098-c0b9-4230-acb9-628848a1edf4', 'Cecilia Norberg', 'cecilia.norberg'),
    person('7e0e8c94-8e2e-47f4-a4e0-d5a47311fe4e', 'David Åström', 'david.astrom', {
      mail: `david.a@${DOMAIN}`,
    }),
    person('edca76e6-7d31-4e53-a9a7-4534789a2038', 'Elin Sjödin', 'elin.sjodin'),
    person('fb1f280a-7f29-46c5-a8bc-7d714cec7c58', 'Fredrik Holm', 'fredrik.holm'),
    person('a47a459e-a550-460c-a22f-5b2e31f2c6a4', 'Greta Nyström', 'greta.nystrom', {
      mail: null,
    }),
    person('ee232068-3a99-4459-a8b2-863f614728e1', 'Hanna Läsare', 'hanna.lasare'),
    person('e9e13e21-8599-45fe-abe1-c334eb2a392b', 'Bo Sandberg', 'bo.sandberg', {
      jobTitle: 'Webbredaktör',
    }),
    person(SOFIA_ID, 'Sofia Berg', 'sofia.berg', {
      jobTitle: 'Utredare',
      department: 'Samordningskansliet',
    }),
    person('327bcc5c-a50d-4d97-ae90-67db897b09e7', 'Olof Persson', 'olof.persson', {
      jobTitle: 'Patientsäkerhetssamordnare',
      department: 'Hälso- och sjukvård',
    }),
    person('d44906f4-4abe-4fc5-a11d-849e84d47169', 'Ingrid Wallin', 'ingrid.wallin', {
      jobTitle: 'HR-strateg',
      department: 'HR-staben',
    }),
  ],
  groups: [
    {
      id: DEMO_COORDINATOR_ENTRA_GROUP_ID,
      displayName: 'Samordningskansliet handläggare',
      description: 'Handläggare som samordnar uppföljningen av regionens handlingsplaner.',
      memberIds: [SOFIA_ID],
    },
  ],
};
