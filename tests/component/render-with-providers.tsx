import type { OverTimeItem } from '../../src/domain/over-time';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { StoreFailure, type StoreFailureKind } from '../../src/domain/errors';
import type { FollowUp, FollowUpInput, Person, PlanKey, Status } from '../../src/domain/follow-up';
import {
  defaultDueDate,
  parsePeriodKey,
  periodKey as keyOf,
  type Period,
  type PeriodKey,
  type PeriodState,
} from '../../src/domain/period';
import type {
  DemoSessionPort,
  FollowUpRepository,
  PeriodRepository,
  Services,
  SessionPort,
} from '../../src/domain/ports';
import { inputStateAfter, type SaveIntent, type Viewer } from '../../src/domain/rules';
import type { Locale } from '../../src/domain/period';
import { I18nProvider } from '../../src/i18n/i18n';
import { ServicesProvider } from '../../src/features/shared/services-context';

/* ------------------------------------------------------------------------------------------ */
/* People                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export const ANNA: Person = { id: 11, name: 'Anna Ägare', upn: 'anna@example.se' };
export const BJORN: Person = { id: 12, name: 'Björn Ekholm', upn: 'bjorn@example.se' };
export const KARIN: Person = { id: 7, name: 'Karin Samordnare', upn: 'karin@example.se' };

export function asViewer(person: Person, role: Viewer['role'] = 'member'): Viewer {
  return { ...person, role };
}

/** Anna owns plans 2 and 3 of the open period. */
export const OWNER: Viewer = asViewer(ANNA);
/** Björn owns plans 1 and 4. */
export const OTHER_OWNER: Viewer = asViewer(BJORN);
/** Karin runs the follow-up and owns nothing. */
export const COORDINATOR: Viewer = asViewer(KARIN, 'coordinator');

/* ------------------------------------------------------------------------------------------ */
/* Periods and follow-ups                                                                      */
/* ------------------------------------------------------------------------------------------ */

export const OPEN_PERIOD = '2020-08' as PeriodKey;
export const LOCKED_PERIOD = '2020-04' as PeriodKey;

export function makePeriod(key: PeriodKey, state: PeriodState, itemId = 1): Period {
  const id = parsePeriodKey(key);
  if (!id) throw new Error(`not a period key: ${key}`);
  return {
    ...id,
    key: keyOf(id),
    log: [],
    state,
    dueDate: defaultDueDate(id),
    summary: '',
    introduction: '',
    legendPlacement: 'before-summary',
    report: { unit: 'Samordningskansliet', contact: '', date: '', diaryNumber: '' },
    version: '"1"',
    itemId,
  };
}

/** Newest first, as the port promises. */
export function defaultPeriods(): Period[] {
  return [makePeriod(OPEN_PERIOD, 'open', 2), makePeriod(LOCKED_PERIOD, 'locked', 1)];
}

let nextItemId = 100;

export function makeFollowUp(
  fields: Omit<Partial<FollowUp>, 'planKey'> & {
    planKey: string;
    title: string;
    sortOrder: number;
  },
): FollowUp {
  const { planKey, ...rest } = fields;
  return {
    itemId: nextItemId++,
    version: '"1"',
    periodKey: OPEN_PERIOD,
    validity: '2020–2022',
    decision: 'RD 2019-11-16',
    diaryNumber: 'RS/1957/2019',
    documentUrl: null,
    owners: [],
    lifecycle: 'active',
    status: null,
    statusNote: '',
    comment: '',
    inputState: 'missing',
    submittedBy: null,
    submittedAt: null,
    modifiedAt: '2020-09-01T08:00:00Z',
    modifiedBy: null,
    ...rest,
    planKey: planKey as PlanKey,
  };
}

export const PLAN_TITLES = {
  folkhalsa: 'Övergripande handlingsplan för folkhälsa',
  it: 'Övergripande handlingsplan för IT-säkerhet',
  lakemedel: 'Övergripande handlingsplan för läkemedel 2020',
  tillganglighet: 'Övergripande handlingsplan för tillgänglighet',
} as const;

export type PlanId = keyof typeof PLAN_TITLES;

/** The accessible name of a plan's button and heading, "3. Övergripande handlingsplan…". */
export function planName(key: PlanId): string {
  const order = { folkhalsa: 1, it: 2, lakemedel: 3, tillganglighet: 4 }[key];
  return `${order}. ${PLAN_TITLES[key]}`;
}

export const PREVIOUS_LAKEMEDEL_COMMENT =
  '<p>Arbetet med minskad antibiotikaförskrivning fortsätter enligt plan.</p>';

/**
 * Four plans in the open period (Anna owns 2 and 3, Björn 1 and 4) and the same four in the
 * locked period before it, with last period's statuses and comments.
 */
export function defaultFollowUps(): FollowUp[] {
  const plans = [
    { planKey: 'folkhalsa', sortOrder: 1, owners: [BJORN] },
    { planKey: 'it', sortOrder: 2, owners: [ANNA] },
    { planKey: 'lakemedel', sortOrder: 3, owners: [ANNA, KARIN] },
    { planKey: 'tillganglighet', sortOrder: 4, owners: [BJORN] },
  ] as const;
  const title = (key: (typeof plans)[number]['planKey']) => PLAN_TITLES[key];

  const current: Record<string, Partial<FollowUp>> = {
    folkhalsa: {
      status: 'good',
      comment: '<p>Folkhälsoarbetet följer planen.</p>',
      inputState: 'submitted',
      submittedBy: BJORN,
      submittedAt: '2020-09-02T10:00:00Z',
      modifiedBy: BJORN,
    },
    it: {},
    lakemedel: {},
    tillganglighet: { status: 'poor', inputState: 'draft', modifiedBy: BJORN },
  };
  const previous: Record<string, Partial<FollowUp>> = {
    folkhalsa: { status: 'good', comment: '<p>Bra.</p>', inputState: 'submitted' },
    it: { status: 'poor', comment: '', inputState: 'submitted' },
    lakemedel: {
      status: 'partly',
      comment: PREVIOUS_LAKEMEDEL_COMMENT,
      inputState: 'submitted',
    },
    tillganglighet: {
      status: 'not-assessed',
      statusNote: 'Ska omarbetas',
      inputState: 'submitted',
    },
  };
  return [
    ...plans.map((p) =>
      makeFollowUp({
        ...p,
        title: title(p.planKey),
        periodKey: OPEN_PERIOD,
        ...current[p.planKey],
      }),
    ),
    ...plans.map((p) =>
      makeFollowUp({
        ...p,
        title: title(p.planKey),
        periodKey: LOCKED_PERIOD,
        ...previous[p.planKey],
      }),
    ),
  ];
}

/* ------------------------------------------------------------------------------------------ */
/* In-memory ports                                                                             */
/* ------------------------------------------------------------------------------------------ */

export interface SaveCall {
  readonly followUp: Pick<FollowUp, 'itemId' | 'version'>;
  readonly input: FollowUpInput;
  readonly intent: SaveIntent;
  readonly by: Viewer;
}

/** What someone else saved in between, for a scripted conflict. */
export type TheirChange = Partial<Pick<FollowUp, 'status' | 'statusNote' | 'comment'>> & {
  readonly modifiedBy: Person | null;
};

function bump(version: string): string {
  const n = Number(version.replaceAll('"', ''));
  return `"${Number.isFinite(n) ? n + 1 : 1}"`;
}

/**
 * The follow-up list in memory. It keeps versions the way SharePoint keeps ETags: a save with
 * an old version is refused with 'conflict' and writes nothing.
 */
export class FakeFollowUps implements FollowUpRepository {
  readonly items = new Map<number, FollowUp>();
  readonly saveCalls: SaveCall[] = [];
  readonly listCalls: PeriodKey[][] = [];
  readonly planListCalls: PlanKey[] = [];
  private readonly saveFailures: StoreFailure[] = [];
  private readonly listFailures: StoreFailure[] = [];
  private held: Array<() => void> | null = null;

  constructor(followUps: readonly FollowUp[]) {
    for (const f of followUps) this.items.set(f.itemId, f);
  }

  /** The stored follow-up of a plan in a period. */
  get(planKey: string, period: PeriodKey = OPEN_PERIOD): FollowUp {
    const found = [...this.items.values()].find(
      (f) => f.planKey === planKey && f.periodKey === period,
    );
    if (!found) throw new Error(`no follow-up ${planKey} in ${period}`);
    return found;
  }

  /** The next save rejects with this failure (and writes nothing). */
  rejectNextSave(kind: StoreFailureKind): void {
    this.saveFailures.push(new StoreFailure(kind, `fake ${kind}`));
  }

  /** The next save is carried out, but its answer is lost (SharePoint's read-back failed). */
  loseNextSaveAnswer(): void {
    this.answersLost += 1;
  }
  private answersLost = 0;

  /** The next listForPeriods rejects with this failure. */
  rejectNextList(kind: StoreFailureKind): void {
    this.listFailures.push(new StoreFailure(kind, `fake ${kind}`));
  }

  /** Someone else saves the follow-up: its version moves on, so a save from the old one conflicts. */
  changeBySomeoneElse(planKey: string, change: TheirChange, period: PeriodKey = OPEN_PERIOD) {
    const current = this.get(planKey, period);
    const theirs: FollowUp = {
      ...current,
      ...change,
      version: bump(current.version),
      inputState: 'draft',
      modifiedAt: '2020-09-03T12:30:00Z',
    };
    this.items.set(theirs.itemId, theirs);
    return theirs;
  }

  /** Saves wait until `release()` is called (to see what the form shows while saving). */
  holdSaves(): () => void {
    this.held = [];
    return () => {
      const waiting = this.held ?? [];
      this.held = null;
      for (const go of waiting) go();
    };
  }

  async listForPeriods(periods: readonly PeriodKey[]): Promise<FollowUp[]> {
    this.listCalls.push([...periods]);
    await Promise.resolve();
    const failure = this.listFailures.shift();
    if (failure) throw failure;
    return [...this.items.values()].filter((f) => periods.includes(f.periodKey));
  }

  async listForPlan(planKey: PlanKey): Promise<FollowUp[]> {
    this.planListCalls.push(planKey);
    await Promise.resolve();
    const failure = this.listFailures.shift();
    if (failure) throw failure;
    // Newest period first, as the periods are listed.
    return [...this.items.values()]
      .filter((f) => f.planKey === planKey)
      .sort((a, b) => b.periodKey.localeCompare(a.periodKey));
  }

  /** Calls of listOverTime and readComment (item ids). */
  overTimeCalls = 0;
  readonly commentReads: number[] = [];

  async listOverTime(): Promise<OverTimeItem[]> {
    this.overTimeCalls += 1;
    await Promise.resolve();
    const failure = this.listFailures.shift();
    if (failure) throw failure;
    return [...this.items.values()].map((f) => ({
      itemId: f.itemId,
      planKey: f.planKey,
      periodKey: f.periodKey,
      title: f.title,
      sortOrder: f.sortOrder,
      status: f.status,
      statusNote: f.statusNote,
      inputState: f.inputState,
      lifecycle: f.lifecycle,
      lifecycleFrom: f.lifecycleFrom ?? null,
      replacedBy: f.replacedBy ?? null,
      owners: f.owners,
    }));
  }

  async readComment(itemId: number): Promise<string> {
    this.commentReads.push(itemId);
    await Promise.resolve();
    return this.items.get(itemId)?.comment ?? '';
  }

  /** Every sign-off the form asked for. */
  readonly reviewCalls: Array<{ itemId: number; state: 'approved' | 'returned'; comment: string }> =
    [];

  async review(
    followUp: Pick<FollowUp, 'itemId' | 'version'>,
    decision: { readonly state: 'approved' | 'returned'; readonly comment: string },
  ): Promise<FollowUp> {
    this.reviewCalls.push({ itemId: followUp.itemId, ...decision });
    await Promise.resolve();
    const current = this.items.get(followUp.itemId);
    if (!current) throw new StoreFailure('not-found', 'fake not-found');
    if (current.version !== followUp.version) throw new StoreFailure('conflict', 'fake conflict');
    const saved: FollowUp = {
      ...current,
      version: bump(current.version),
      review: { state: decision.state, comment: decision.comment },
      inputState: decision.state === 'returned' ? 'draft' : current.inputState,
    };
    this.items.set(saved.itemId, saved);
    return saved;
  }

  async saveInput(
    followUp: Pick<FollowUp, 'itemId' | 'version'>,
    input: FollowUpInput,
    intent: SaveIntent,
    by: Viewer,
  ): Promise<FollowUp> {
    // The form hands over the whole follow-up it started from; what counts is id and version.
    this.saveCalls.push({
      followUp: { itemId: followUp.itemId, version: followUp.version },
      input: { ...input },
      intent,
      by,
    });
    if (this.held) {
      const held = this.held;
      await new Promise<void>((resolve) => held.push(resolve));
    } else {
      await Promise.resolve();
    }
    const failure = this.saveFailures.shift();
    if (failure) throw failure;
    const current = this.items.get(followUp.itemId);
    if (!current) throw new StoreFailure('not-found', 'fake not-found');
    if (current.version !== followUp.version) {
      throw new StoreFailure('conflict', 'fake conflict');
    }
    const now = '2020-09-04T09:15:00Z';
    const saved: FollowUp = {
      ...current,
      ...input,
      version: bump(current.version),
      inputState: inputStateAfter(intent),
      submittedBy: intent === 'submit' ? by : current.submittedBy,
      submittedAt: intent === 'submit' ? now : current.submittedAt,
      modifiedAt: now,
      modifiedBy: by,
    };
    this.items.set(saved.itemId, saved);
    if (this.answersLost > 0) {
      this.answersLost -= 1;
      throw new StoreFailure('unconfirmed', 'fake read-back failure');
    }
    return saved;
  }
}

export class FakePeriods implements PeriodRepository {
  listCalls = 0;
  private readonly failures: StoreFailure[] = [];

  constructor(readonly periods: Period[]) {}

  rejectNextList(kind: StoreFailureKind): void {
    this.failures.push(new StoreFailure(kind, `fake ${kind}`));
  }

  async list(): Promise<Period[]> {
    this.listCalls += 1;
    await Promise.resolve();
    const failure = this.failures.shift();
    if (failure) throw failure;
    return [...this.periods];
  }
}

export class FakeSession implements SessionPort {
  constructor(public viewer: Viewer) {}

  async currentViewer(): Promise<Viewer> {
    return this.viewer;
  }
}

export interface FakeServices extends Services {
  readonly periods: FakePeriods;
  readonly followUps: FakeFollowUps;
  readonly session: FakeSession;
}

export function createFakeServices(
  options: {
    viewer?: Viewer;
    periods?: Period[];
    followUps?: FollowUp[];
    demoSession?: DemoSessionPort;
  } = {},
): FakeServices {
  return {
    periods: new FakePeriods(options.periods ?? defaultPeriods()),
    followUps: new FakeFollowUps(options.followUps ?? defaultFollowUps()),
    session: new FakeSession(options.viewer ?? OWNER),
    ...(options.demoSession ? { demoSession: options.demoSession } : {}),
  };
}

/** An empty input, or one with the given status. */
export function inputWith(status: Status | null, comment = '', statusNote = ''): FollowUpInput {
  return { status, statusNote, comment };
}

/* ------------------------------------------------------------------------------------------ */
/* Rendering                                                                                   */
/* ------------------------------------------------------------------------------------------ */

export interface RenderWithProvidersResult extends RenderResult {
  readonly user: ReturnType<typeof userEvent.setup>;
  readonly services: Services;
}

/**
 * Renders a tree the way the app composes it: Fluent (Teams light theme), the language and the
 * ports. Returns Testing Library's queries and a user-event instance.
 */
export function renderWithProviders(
  ui: ReactElement,
  options: { services?: Services; locale?: Locale } = {},
): RenderWithProvidersResult {
  const services = options.services ?? createFakeServices();
  const user = userEvent.setup();
  const result = render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale={options.locale ?? 'sv'}>
        <ServicesProvider services={services}>{ui}</ServicesProvider>
      </I18nProvider>
    </FluentProvider>,
  );
  return { ...result, user, services };
}

/**
 * Types into the rich-text editor one key at a time. ProseMirror redraws the text node after each
 * key; user-event, given several characters in one call, keeps typing into the node it started
 * with and loses characters, so the keys are sent one by one, as a person presses them.
 */
export async function typeInEditor(
  user: RenderWithProvidersResult['user'],
  editor: HTMLElement,
  text: string,
): Promise<void> {
  await user.click(editor);
  // Go on from the end of what is there. ProseMirror follows the DOM selection through
  // 'selectionchange', which jsdom does not fire, so the caret is put there and announced.
  const end = editor.ownerDocument.createRange();
  end.selectNodeContents(editor.lastElementChild ?? editor);
  end.collapse(false);
  const selection = editor.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(end);
  editor.ownerDocument.dispatchEvent(new Event('selectionchange'));
  for (const key of text) {
    await user.keyboard(key === '{' || key === '[' ? key + key : key);
  }
}

/**
 * The comment editor is loaded on demand (React.lazy). Importing it once before the tests keeps
 * its first, cold load from eating the time a test waits for it; the form still shows its
 * loading state first, as in the app.
 */
export async function preloadEditor(): Promise<void> {
  await import('../../src/features/owner/comment-editor');
}

/** How long to wait for the lazily loaded editor to appear. */
export const EDITOR_TIMEOUT = { timeout: 10_000 };
