/**
 * The demo's people and who does what: the one place where owners, the coordinator and the
 * readers are chosen. People are invented (no real staff) and named by their UPN, as a site owner
 * names them in SharePoint; the builder resolves each through `ensureuser`, so switching to
 * directory users (people the site has never seen) changes this file, not the builder.
 */

/** The reserved example domain: no demo address can reach a real mailbox. */
const DEMO_DOMAIN = 'region.example';

/** A person of the demo as the directory knows them. */
export interface DemoPerson {
  /** The site user id the empty demo site gives them (SharePoint's site user list). */
  readonly id: number;
  readonly name: string;
  readonly upn: string;
}

function demoPerson(id: number, name: string): DemoPerson {
  const local = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.');
  return { id, name, upn: `${local}@${DEMO_DOMAIN}` };
}

const KARIN = demoPerson(7, 'Karin Samordnare');
const ANNA = demoPerson(11, 'Anna Lindgren');
const BJORN = demoPerson(12, 'Björn Ekholm');
const CECILIA = demoPerson(13, 'Cecilia Norberg');
const DAVID = demoPerson(14, 'David Åström');
const ELIN = demoPerson(15, 'Elin Sjödin');
const FREDRIK = demoPerson(16, 'Fredrik Holm');
const GRETA = demoPerson(17, 'Greta Nyström');
const HANNA = demoPerson(20, 'Hanna Läsare');

/** Everyone in the demo. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  KARIN,
  ANNA,
  BJORN,
  CECILIA,
  DAVID,
  ELIN,
  FREDRIK,
  GRETA,
  HANNA,
];

/**
 * The coordinator, who is also the site's owner (the team owner who runs set-up). She holds the
 * coordinator role through the coordinator group, not as site admin, so the item permissions
 * apply to her as they would in a tenant.
 */
export const DEMO_COORDINATOR = KARIN;
/** The coordinator's site user id. */
export const DEMO_COORDINATOR_ID = KARIN.id;
/** The user a fresh browser is signed in as: an owner, since the owner's journey comes first. */
export const DEMO_DEFAULT_USER_ID = ANNA.id;
/** Members of the reader group: everyone, so that every owner reads every plan and report. */
export const DEMO_READERS: readonly DemoPerson[] = DEMO_PEOPLE;

/** Which demo people own which plan (by plan key); the first one submitted the seed answers. */
export const OWNERS_BY_PLAN: Readonly<Record<string, readonly DemoPerson[]>> = {
  barnkonventionen: [CECILIA],
  tillganglighet: [BJORN],
  lakemedel: [ANNA],
  suicidprevention: [DAVID],
  patientsakerhet: [ANNA, ELIN],
  lean: [FREDRIK],
  miljo: [GRETA],
  informationssakerhet: [FREDRIK],
  'attraktiv-arbetsgivare': [ELIN],
  'e-halsa': [FREDRIK],
  cancervard: [BJORN],
  'psykisk-halsa': [DAVID],
  'battre-liv-aldre': [CECILIA],
  'vard-omsorg-glesbygd': [GRETA],
  srhr: [CECILIA],
  asyl: [ELIN],
  'jamstalld-jamlik': [CECILIA, DAVID],
};
