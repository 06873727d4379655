import type { Locale } from '../../domain/period';

/**
 * The three kinds of inaccessible content Digg's model statement separates: what breaks the
 * law's requirements, what is exempt as a disproportionate burden (12 §), and what the law does
 * not cover (9 §) or is not part of this app.
 */
export type ShortcomingCategory = 'non-compliance' | 'disproportionate-burden' | 'out-of-scope';

export const SHORTCOMING_CATEGORIES: readonly ShortcomingCategory[] = [
  'non-compliance',
  'disproportionate-burden',
  'out-of-scope',
];

/** A WCAG 2.1 success criterion, as the statement names it: number and name. */
export interface WcagCriterion {
  readonly number: string;
  readonly name: Readonly<Record<Locale, string>>;
}

export interface KnownShortcoming {
  /** Stable id: the browser test's probe for this entry has the same key. */
  readonly id: string;
  readonly category: ShortcomingCategory;
  /** The success criteria it concerns; at least one for non-compliance. */
  readonly criteria: readonly WcagCriterion[];
  /** What is not accessible and why, in each language. */
  readonly text: Readonly<Record<Locale, string>>;
}

/**
 * Every known shortcoming, the one list the statement is drawn from (in the app and on the
 * public page). Each entry has a probe in tests/browser/shortcoming-probes.ts that checks, in the
 * running app, that it is still true: fixing one without taking it off this list fails the test,
 * and so does a shortcoming listed here that no probe checks.
 *
 * After issue #18 no failure of WCAG 2.1 AA is known, so there is no 'non-compliance' entry;
 * the statement then says so.
 */
export const KNOWN_SHORTCOMINGS = [
  {
    id: 'teams-own-ui',
    category: 'out-of-scope',
    criteria: [],
    text: {
      sv: 'Microsoft Teams runt omkring appen – menyer, kanaler, flikarnas rubriker, appens informationssida och dialogrutan där fliken läggs till – och påminnelserna, som visas som meddelanden i Teams-kanalen. Teams är Microsofts tjänst och står inte under vår kontroll; den omfattas inte av den här redogörelsen. Microsoft redovisar tillgängligheten i Teams själv.',
      en: 'Microsoft Teams around the app – menus, channels, the tabs’ titles, the app’s details page and the dialog in which the tab is added – and the reminders, which Teams shows as messages in the channel. Teams is Microsoft’s service and not under our control; this statement does not cover it. Microsoft reports on the accessibility of Teams itself.',
    },
  },
  {
    id: 'user-written-content',
    category: 'out-of-scope',
    criteria: [],
    text: {
      sv: 'Kommentarer och periodens sammanfattning skrivs av planägarna och samordnarna. Appen ger dem stycken, kursiv och fet stil, punktlistor och länkar med egen länktext och visar texten som den skrevs; hur tydliga listorna och länktexterna är beror på den som skriver.',
      en: 'Comments and the period’s summary are written by the plan owners and coordinators. The app gives them paragraphs, italic and bold text, bullet lists and links with their own link text, and shows the text as it was written; how clear the lists and link texts are depends on the writer.',
    },
  },
  {
    id: 'linked-plan-documents',
    category: 'out-of-scope',
    criteria: [],
    text: {
      sv: 'Handlingsplanerna själva, som planernas namn i Bilaga 2 länkar till, är dokument utanför appen, till exempel i regionens diarium. De är inte en del av appen; deras tillgänglighet redovisas där de publiceras.',
      en: 'The action plans themselves, which the plans’ names in Appendix 2 link to, are documents outside the app, for example in the region’s records system. They are not part of the app; their accessibility is reported where they are published.',
    },
  },
] as const satisfies readonly KnownShortcoming[];

/** The id of a listed shortcoming. */
export type ShortcomingId = (typeof KNOWN_SHORTCOMINGS)[number]['id'];

/** The listed shortcomings of one category, in the list's order. */
export function shortcomingsIn(
  category: ShortcomingCategory,
  list: readonly KnownShortcoming[] = KNOWN_SHORTCOMINGS,
): KnownShortcoming[] {
  return list.filter((entry) => entry.category === category);
}

/** `1.4.4 Ändra textstorlek` */
export function criterionLabel(criterion: WcagCriterion, locale: Locale): string {
  return `${criterion.number} ${criterion.name[locale]}`;
}
