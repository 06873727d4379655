import type { Service } from './errors';
import type { FollowUp, FollowUpInput, Person, PlanKey } from './follow-up';
import type { Period, PeriodKey } from './period';
import type { PeriodChange } from './period-change';
import type { PeriodLogEntry } from './period-log';
import type { FirstPeriodDraft } from './first-period';
import type { PlanDraft, PlanEnding } from './plan-register';
import type { NewFollowUp, NewPeriod, SaveIntent, Viewer } from './rules';
import type { CheckEvent } from './environment-check';
import type { OverTimeItem } from './over-time';

/**
 * The ports the features use. Adapters (SharePoint, local site) implement them; `app/` wires
 * them. Every method may reject with a StoreFailure.
 */

export interface PeriodRepository {
  /** All periods, newest first. */
  list(): Promise<Period[]>;
}

export interface FollowUpRepository {
  /** Every follow-up of the given periods, in one request. */
  listForPeriods(periods: readonly PeriodKey[]): Promise<FollowUp[]>;
  /** Every follow-up of one plan across all periods (its history), in one request. */
  listForPlan(planKey: PlanKey): Promise<FollowUp[]>;
  /**
   * Every follow-up of every period, reading only what the view "Över tid" shows (no comment),
   * in one query (paged when it spans pages).
   */
  listOverTime(): Promise<OverTimeItem[]>;
  /** One follow-up's comment (HTML), read by its item id. */
  readComment(itemId: number): Promise<string>;
  /**
   * Saves an owner's input. `version` is the version the user started from: when someone else
   * saved in between, it rejects with StoreFailure 'conflict' and writes nothing.
   */
  saveInput(
    followUp: Pick<FollowUp, 'itemId' | 'version'>,
    input: FollowUpInput,
    intent: SaveIntent,
    by: Viewer,
  ): Promise<FollowUp>;
  /**
   * A coordinator's sign-off, against the version they looked at. Sending back reopens the
   * follow-up as a draft so the owner can complete it and submit again.
   */
  review(
    followUp: Pick<FollowUp, 'itemId' | 'version'>,
    decision: { readonly state: 'approved' | 'returned'; readonly comment: string },
  ): Promise<FollowUp>;
}

export interface SessionPort {
  /** The signed-in person and their role. */
  currentViewer(): Promise<Viewer>;
}

/** What every screen needs before anything else, in as few requests as the store allows. */
export interface StartupPort {
  /** The signed-in person (with role) and every period, newest first. */
  viewerAndPeriods(): Promise<{ viewer: Viewer; periods: Period[] }>;
}

/** A person the local demo can sign in as. */
export interface DemoUser {
  /** How to sign in as them: their UPN (or, without one, their login name). */
  readonly key: string;
  /** Their site user id; null for a directory person the site has not seen yet. */
  readonly siteUserId: number | null;
  readonly name: string;
  readonly isCoordinator: boolean;
}

/** Local mode only: switch between demo users ("Visa som"). */
export interface DemoSessionPort {
  users(): Promise<DemoUser[]>;
  signInAs(key: string): Promise<void>;
}

/** What a rollover did: items created now, and items that already existed (idempotent). */
export interface RolloverResult {
  readonly periodKey: PeriodKey;
  readonly created: number;
  readonly existing: number;
}

/** The coordinator's operations on periods. */
export interface PeriodAdmin {
  /**
   * Creates the next period from `from` and its follow-ups, in one batch, then gives every
   * follow-up of the new period its owners' permissions, and logs who started it ('opened') and
   * when it was done ('ready'). Running it again, or two coordinators at once, creates nothing
   * twice (the unique keys refuse duplicates and those count as already existing) and finishes
   * what a run that failed part-way left (Slutför perioden).
   */
  rollover(from: Period, followUps: readonly FollowUp[], by: Viewer): Promise<RolloverResult>;
  /**
   * Adds an entry to the period's log. Safe against concurrent writers: it reads the current
   * log with its ETag and retries when someone else wrote in between.
   */
  appendLog(period: Pick<Period, 'itemId'>, entry: PeriodLogEntry): Promise<void>;
  /**
   * Locks the period against the version given (StoreFailure 'conflict' when it changed): its
   * state becomes locked, every follow-up of the period is secured so its owners may only read
   * (SharePoint then refuses their writes too), and the log records who locked it. Returns the
   * period as stored.
   */
  lock(period: Period, followUps: readonly FollowUp[], by: Viewer): Promise<Period>;
  /**
   * Opens a locked period again: state open, owners may write their follow-ups again, and the log
   * records who reopened it and why. The reason is required (StoreFailure 'invalid-data').
   */
  reopen(
    period: Period,
    followUps: readonly FollowUp[],
    by: Viewer,
    reason: string,
  ): Promise<Period>;
  /**
   * Changes the due date, summary or report header against the period's version (a MERGE with
   * its ETag): someone else's change in between rejects with StoreFailure 'conflict' and writes
   * nothing; an invalid date with 'invalid-data'. Returns the period as stored.
   */
  updatePeriod(period: Period, change: PeriodChange): Promise<Period>;
  /**
   * Creates a new site's first period: open, without plans (the plan register adds them). Later
   * periods are started from the one before (`rollover`): a site that already has a period, or a
   * draft that is not valid (`validateFirstPeriod`), is refused with StoreFailure 'invalid-data'
   * before anything is written. Returns the period as stored.
   */
  createFirst(draft: FirstPeriodDraft): Promise<Period>;
  /**
   * Imports a past report (Importera Bilaga 2): creates the period, locked, and its follow-ups in
   * one batch, each follow-up secured so its owners may only read. Never overwrites: a period
   * with the same key refuses the import with StoreFailure 'invalid-data' before anything is
   * written. Reports each step (`done` of `total`). Returns the period as stored.
   */
  importPeriod(
    period: NewPeriod,
    followUps: readonly NewFollowUp[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Period>;
}

/**
 * The coordinators' plan register. Every change applies to a follow-up of an open period (and so
 * to later rollovers, which copy the latest period); a follow-up of a locked period is refused
 * with StoreFailure 'forbidden' before anything is sent.
 */
export interface PlanRegister {
  /**
   * People of the organisation's directory that match the query (name, user name or e-mail, as
   * SharePoint's people picker matches them), whether or not the site has seen them yet; at most
   * 20, none for a query under two characters.
   */
  searchPeople(query: string): Promise<PersonCandidate[]>;
  /**
   * Makes a found person a user of the site (added when the site had not seen them) and returns
   * them with their site user id, which the Owners field stores. Rejects with StoreFailure
   * 'not-found' when SharePoint cannot add the person.
   */
  ensurePerson(candidate: PersonCandidate): Promise<Person>;
  /** Adds a plan to the period (a new key, last in order); its owners may write it. */
  addPlan(period: Pick<Period, 'key'>, draft: PlanDraft): Promise<FollowUp>;
  /** Changes a plan's data against its version (StoreFailure 'conflict' when it changed). */
  updatePlan(followUp: FollowUp, change: PlanDraft): Promise<FollowUp>;
  /** New sort orders, in one batch. */
  reorder(changes: ReadonlyArray<{ followUp: FollowUp; sortOrder: number }>): Promise<void>;
  /**
   * Retires the plan or marks it replaced by another plan, from its own period or the next one
   * (`PlanEnding`): it does not roll over. From its own period it shows there as retired or
   * replaced; from the next it is still followed up in this one. An ending that is not valid for
   * the plan rejects with StoreFailure 'invalid-data'.
   */
  end(followUp: FollowUp, ending: PlanEnding): Promise<FollowUp>;
  /**
   * Undoes an ending against the follow-up's version: the plan is active again (followed up in
   * its period, carried into the next), no longer retired nor replaced (`undoneEndingFields`).
   * Refused with StoreFailure 'forbidden' once its period is locked, and 'invalid-data' when the
   * plan is not ended or a later period has already been started without it (`undoEndingBlock`).
   */
  undoEnd(followUp: FollowUp): Promise<FollowUp>;
}

/** Someone the people picker found in the directory; not necessarily a user of the site yet. */
export interface PersonCandidate {
  /** The directory's key of the person (SharePoint's claims name), which `ensurePerson` takes. */
  readonly key: string;
  readonly name: string;
  /** The user principal name ('' when the directory gives none): tells namesakes apart. */
  readonly upn: string;
}

/** Whose text for which plan in which period. */
export interface DraftKey {
  readonly userId: number;
  readonly periodKey: PeriodKey;
  readonly planKey: PlanKey;
}

/** Text kept on this device until SharePoint has confirmed the save. */
export interface LocalDraft {
  readonly input: FollowUpInput;
  /** The item version the text was written against (a restore saves against it). */
  readonly baseVersion: string;
  /** ISO timestamp of the last keystroke kept. */
  readonly savedAt: string;
}

/**
 * Drafts on this device (IndexedDB in the browser): written as the user types, removed when the
 * server confirms a save, and cleared for a user at sign-out so nothing leaks on a shared machine.
 */
export interface DraftStore {
  get(key: DraftKey): Promise<LocalDraft | null>;
  put(key: DraftKey, draft: LocalDraft): Promise<void>;
  delete(key: DraftKey): Promise<void>;
  clearUser(userId: number): Promise<void>;
}

/** A Teams channel: the team's group id and the channel id (from the tab's context). */
export interface ChannelRef {
  readonly groupId: string;
  readonly channelId: string;
}

/** A user as Microsoft Graph knows them: the Entra object id a mention needs. */
export interface DirectoryUser {
  readonly id: string;
  readonly displayName: string;
}

/** A channel message with @-mentions: `<at id="n">Name</at>` in the HTML and one entry per tag. */
export interface ChannelMessage {
  readonly html: string;
  readonly mentions: ReadonlyArray<{
    readonly id: number;
    readonly mentionText: string;
    readonly user: DirectoryUser;
  }>;
}

/** Sends channel messages through Microsoft Graph (ChannelMessage.Send, User.ReadBasic.All). */
export interface ChannelMessenger {
  /**
   * Looks up users by object id or user principal name (the only keys Graph's `/users/{key}`
   * takes: never an e-mail address, which in many tenants differs from the UPN), in as few
   * requests as Graph allows. The map is keyed by the key as given; keys Graph does not know
   * are absent from it.
   */
  resolveUsers(keys: readonly string[]): Promise<Map<string, DirectoryUser>>;
  /** Posts the message in the channel; rejects with a StoreFailure. */
  send(channel: ChannelRef, message: ChannelMessage): Promise<{ messageId: string }>;
}

/**
 * One Teams activity-feed notification to several users at once: the same topic (a text and the
 * Teams link the click opens), activity type (declared in the app's manifest), preview text and
 * template parameters for every recipient, named by Entra object id.
 */
export interface ActivityNotification {
  readonly activityType: string;
  readonly topic: { readonly text: string; readonly webUrl: string };
  readonly previewText: string;
  readonly templateParameters: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly recipientIds: readonly string[];
}

/** Sends activity-feed notifications through Microsoft Graph (TeamsActivity.Send). */
export interface ActivityNotifier {
  /** Sends one notification to its recipients (at most 100); rejects with a StoreFailure. */
  notify(notification: ActivityNotification): Promise<void>;
}

/** A channel message the local Graph emulation recorded (local mode only). */
export interface OutboxEntry {
  readonly id: string;
  readonly createdDateTime: string;
  readonly channel: ChannelRef;
  readonly from: string;
  readonly html: string;
  readonly mentions: ReadonlyArray<{
    readonly id: number;
    readonly mentionText: string;
    readonly userId: string;
    readonly displayName: string;
  }>;
}

/** Local mode only: what the local Graph emulation recorded ("Visa utkorg"). */
export interface OutboxPort {
  list(): Promise<OutboxEntry[]>;
}

/** A report file as SharePoint keeps it after a save. */
export interface SavedReportFile {
  /** The file's name in the library. */
  readonly name: string;
  /** Where the file opens in the browser (Word for the web in SharePoint Online). */
  readonly url: string;
  /** The version this save made, as SharePoint labels it (`UIVersionLabel`, e.g. "2.0"). */
  readonly version: string;
}

/**
 * Report files in the site's document library ("Spara i SharePoint"): one folder for the reports,
 * one file per name. Saving a name that exists replaces it, and SharePoint's version history keeps
 * the earlier saves. Rejects with StoreFailure 'forbidden' (no right to add files to the
 * library), 'locked' (the file is checked out or being edited by someone else), 'throttled', …;
 * a failed save leaves the library as it was.
 */
export interface ReportFiles {
  save(name: string, content: Blob): Promise<SavedReportFile>;
}

/** Everything the features get from the composition root. */
/**
 * Interactive sign-in (tenant mode outside nested app auth, or wherever silent sign-in failed):
 * only ever started from the user's click, so that the browser lets its window open.
 */
export interface SignInPort {
  /** Opens the identity provider's sign-in; resolves once signed in, rejects as a StoreFailure. */
  signIn(): Promise<void>;
}

/** A wait a service asked for (`Retry-After`) before the app tries again. */
export interface ServiceWait {
  readonly id: number;
  readonly service: Service;
  /** When the wait began and when the retry goes out (ms since the epoch). */
  readonly from: number;
  readonly until: number;
  /** Gives up the wait: the request fails as `cancelled`. */
  cancel(): void;
}

/** The waits under way, for the UI's countdown (a store for useSyncExternalStore). */
export interface WaitNotices {
  current(): readonly ServiceWait[];
  subscribe(listener: () => void): () => void;
}

export interface Services {
  readonly periods: PeriodRepository;
  readonly followUps: FollowUpRepository;
  readonly session: SessionPort;
  /** The viewer and the periods in one round trip; without it the two are asked in parallel. */
  readonly startup?: StartupPort;
  /** Coordinators' period operations. */
  readonly periodAdmin?: PeriodAdmin;
  /** Coordinators' plan register (add, edit, reorder, retire plans). */
  readonly planRegister?: PlanRegister;
  /** Absent where the browser offers no IndexedDB (the form then keeps text in memory only). */
  readonly drafts?: DraftStore;
  /** Present in local mode only. */
  readonly demoSession?: DemoSessionPort;
  /** Channel messages through Microsoft Graph (reminders). */
  readonly messenger?: ChannelMessenger;
  /** Personal activity-feed notifications through Microsoft Graph (reminders). */
  readonly notifier?: ActivityNotifier;
  /** The channel the tab lives in; absent outside a channel tab. */
  readonly channel?: ChannelRef;
  /** Local mode only: the local Graph emulation's record of sent messages. */
  readonly outbox?: OutboxPort;
  /** Set-up of a site (the configured one when no URL is given); absent where not offered. */
  readonly siteSetup?: (siteUrl?: string) => SiteSetup;
  /** The SharePoint site the app works on. */
  readonly siteUrl?: string;
  /** The host the app runs in (Teams); absent in a plain browser tab. */
  readonly host?: HostPort;
  /** Tenant mode: signs the user in when silent sign-in could not. */
  readonly signIn?: SignInPort;
  /** Links that open a plan's form (a Teams deep link in a channel tab, else the plain address). */
  readonly links?: LinkPort;
  /** The channel tab's configuration for a site (what the settings page saves). */
  readonly tabConfig?: (siteUrl: string) => TabConfig;
  /** Waits SharePoint or Graph asked for, shown with a countdown and a way to cancel. */
  readonly waits?: WaitNotices;
  /** "Kontrollera miljön": the IT preflight against the configured site and Graph. */
  readonly environmentCheck?: EnvironmentCheck;
  /** Bilaga 2 saved in the site's document library. */
  readonly reportFiles?: ReportFiles;
}

/**
 * The IT preflight ("Kontrollera miljön"): runs every check of `CHECK_IDS` in order with the
 * signed-in user's tokens, reporting each as it begins and ends. Changes nothing on the site but
 * a scratch item it removes again (also when a later step fails). Never rejects: a failure is a
 * check's result.
 */
export interface EnvironmentCheck {
  run(onEvent: (event: CheckEvent) => void): Promise<void>;
}

/** One thing set-up checks on the site: a list, a field, an index, a view, a group… */
export interface SetupItem {
  /** Stable id, e.g. `list:Uppföljningsperioder` or `field:Uppföljning handlingsplaner/Status`. */
  readonly id: string;
  /** `formatter`: a column's formatting; `row-formatter`: a view's row formatting. */
  readonly kind:
    | 'list'
    | 'field'
    | 'index'
    | 'unique'
    | 'view'
    | 'formatter'
    | 'row-formatter'
    | 'group'
    | 'permissions';
  /** Display name of the list it belongs to (absent for site-level items such as groups). */
  readonly list?: string;
  /** What a person reads: the field's, view's or group's display name. */
  readonly name: string;
  /** `present`: as it should be; `missing`: set-up creates it; `differs`: set-up corrects it. */
  readonly state: 'present' | 'missing' | 'differs';
}

/** One of the app's lists on a site, and what the signed-in user may do in it. */
export interface ListAccess {
  /** The list's display name. */
  readonly title: string;
  readonly exists: boolean;
  /** View Items on the list (its `EffectiveBasePermissions` for the user). */
  readonly canRead: boolean;
  /** Edit Items on the list. */
  readonly canWrite: boolean;
}

/** What set-up found on a site. */
export interface SetupReport {
  readonly siteUrl: string;
  readonly items: readonly SetupItem[];
  /** Each of the app's lists: there or not, and the user's rights in it (anyone may read these). */
  readonly lists: readonly ListAccess[];
  /** True when nothing is missing or differs. */
  readonly complete: boolean;
  /** Whether the signed-in user holds Manage Lists on the site (lists, fields, views need it). */
  readonly canManageLists: boolean;
  /** Whether the signed-in user holds Create Groups on the site (missing groups need it). */
  readonly canCreateGroups: boolean;
  /** Whether the signed-in user holds Manage Permissions on the site (the lists' permissions). */
  readonly canManagePermissions: boolean;
}

/**
 * Set-up of a SharePoint site: checks and creates the lists, fields, indexes, views, column
 * formatting and groups the app needs. Idempotent: applying it to a complete site changes nothing;
 * a partly set-up site is completed. Without Manage Lists, `apply` rejects with StoreFailure
 * 'forbidden' before it changes anything.
 */
export interface SiteSetup {
  inspect(): Promise<SetupReport>;
  /**
   * Creates or corrects what is not present; reports after each item (`done` of `total`, the
   * item as it now is) and resolves with a fresh report. A complete site sends no writes.
   */
  apply(onProgress?: (done: number, total: number, item: SetupItem) => void): Promise<SetupReport>;
}

/** Where the app runs: inside Teams (tab content or its settings page) or a plain browser tab. */
export interface HostContext {
  readonly kind: 'teams' | 'standalone';
  /** Teams' frame context: `content` for the tab, `settings` for its configuration page. */
  readonly frameContext: 'content' | 'settings' | 'remove' | 'sidePanel' | 'other';
  readonly user?: { readonly objectId?: string; readonly userPrincipalName?: string };
  readonly channel?: ChannelRef;
  /** The team's own SharePoint site (`sharePointSite.teamSiteUrl`). */
  readonly teamSiteUrl?: string;
  readonly locale?: 'sv' | 'en';
  readonly theme?: 'light' | 'dark' | 'contrast';
  /** The tab's entity id and a deep link's sub-entity id (which plan and period to open). */
  readonly entityId?: string;
  readonly subEntityId?: string;
  /** The Teams app id (the manifest's `id`), where the host tells it; deep links need it. */
  readonly appId?: string;
}

/** What a channel tab's settings page saves in Teams (`pages.config.setConfig`). */
export interface TabConfig {
  readonly entityId: string;
  /** The page Teams shows in the tab, with the chosen site in its `site` parameter. */
  readonly contentUrl: string;
  /** Where "open in browser" goes: the SharePoint list view. */
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
}

/** Why the app could not start (Teams' `app.FailedReason`). */
export type StartFailure = 'auth' | 'timeout' | 'other';

/**
 * The host as the features use it (inside Teams). The start notices count once: the first of
 * `firstScreenReady` / `firstScreenFailed` goes to Teams, later calls do nothing.
 */
export interface HostPort {
  readonly context: HostContext;
  /**
   * The app shows its own first screen, whatever it holds (data, its spinner, its own error and
   * retry): Teams hides its loading indicator (`app.notifyAppLoaded`, then `app.notifySuccess`).
   */
  firstScreenReady(): void;
  /**
   * The app cannot show anything at all (it cannot start or draw): Teams shows its error page
   * instead (`app.notifyFailure`). Never for what the app can say itself.
   */
  firstScreenFailed(reason: StartFailure, message: string): void;
  /** Teams' theme as it changes; returns the unsubscribe function. */
  onThemeChange(listener: (theme: NonNullable<HostContext['theme']>) => void): () => void;
  /** Settings page only: enables or disables Teams' Save button (`setValidityState`). */
  setConfigValid(valid: boolean): void;
  /**
   * Settings page only: what Save stores. Teams calls it when the user presses Save; null (no
   * valid configuration) refuses the save.
   */
  onConfigSave(getConfig: () => TabConfig | null): void;
  /**
   * Opens a web address or a Teams deep link the way the host opens links (`app.openLink`:
   * Teams shows it in its browser or viewer), since a tab's own new window is not what every
   * Teams client allows. Rejects when the host refuses.
   */
  openLink(url: string): Promise<void>;
}

/** Builds the links a reminder carries. */
export interface LinkPort {
  planForm(target: Pick<FollowUp, 'periodKey' | 'planKey' | 'title'>): string;
}
