import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isStoreFailure } from '../../domain/errors';
import { isEnding, lifecycleIn, type FollowUp } from '../../domain/follow-up';
import { parsePeriodKey, periodLabel, type Period, type PeriodKey } from '../../domain/period';
import {
  draftOf,
  type PlanEnding,
  reorder,
  validatePlanDraft,
  type PlanDraft,
  type PlanDraftField,
  type PlanIssue,
  undoEndingBlock,
} from '../../domain/plan-register';
import type { PersonCandidate, PlanRegister } from '../../domain/ports';
import { sortByPlanOrder } from '../../domain/rules';
import { useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/sv';
import { failureMessage } from '../shared/failure-message';
import { useServices } from '../shared/services-context';
import { EndPlanDialog, UndoEndDialog } from './end-plan-dialog';
import { PeoplePicker } from './people-picker';
import { PANEL_SURFACE } from '../shared/panel-surface';
import { UserText, UserTextIn } from '../shared/user-text';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { RequiredNote } from '../shared/required-note';
import { StatusLine } from '../shared/status-line';

const useStyles = makeStyles({
  panel: {
    ...PANEL_SURFACE,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, padding: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1, minWidth: 'min(16rem, 100%)' },
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(16rem, 100%), 1fr))',
  },
  wide: { gridColumn: '1 / -1' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Remembers for the session whether the register is open (the overview reloads after changes). */
const OPEN_KEY = 'planuppfoljning.planRegisterOpen';
function readOpen(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}
function writeOpen(open: boolean) {
  try {
    sessionStorage.setItem(OPEN_KEY, open ? '1' : '0');
  } catch {
    // No session storage: the register closes after a reload, nothing else.
  }
}

const EMPTY_DRAFT: PlanDraft = {
  title: '',
  validity: '',
  decision: '',
  diaryNumber: '',
  documentUrl: '',
  owners: [],
};

function issueText(issue: PlanIssue, t: Messages): string {
  switch (issue.code) {
    case 'required':
      return issue.field === 'title' ? t.planRegister.titleRequired : t.planRegister.ownersRequired;
    case 'duplicate':
      return t.planRegister.titleDuplicate;
    case 'too-long':
      return t.planRegister.tooLong(issue.max);
    case 'invalid-validity':
      return t.planRegister.validityInvalid;
    case 'invalid-url':
      return t.planRegister.urlInvalid;
  }
}

type Editing = { readonly mode: 'add' } | { readonly mode: 'edit'; readonly followUp: FollowUp };

type Work =
  | { readonly step: 'idle' }
  | { readonly step: 'working' }
  | { readonly step: 'failed'; readonly text: string };

/**
 * The coordinators' plan register for an open period: the period's plans with edit, move and
 * retire, and a form to add or edit a plan. After a change the overview loads again (`onDone`),
 * which announces the result.
 */
export default function PlanRegisterPanel({
  register,
  period,
  periods = [period],
  followUps,
  onDone,
}: {
  register: PlanRegister;
  period: Period;
  /** Every period (an ending cannot be undone once a later one was started). */
  periods?: readonly Pick<Period, 'key'>[];
  followUps: readonly FollowUp[];
  onDone: (key: PeriodKey, report: string) => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  // A period without plans yet (a new site's first) opens on the register: they are added here.
  const [open, setOpen] = useState(
    () => readOpen() || !followUps.some((f) => f.periodKey === period.key),
  );
  const [editing, setEditing] = useState<Editing | null>(null);
  const [retiring, setRetiring] = useState<FollowUp | null>(null);
  const [undoing, setUndoing] = useState<FollowUp | null>(null);
  const [work, setWork] = useState<Work>({ step: 'idle' });
  const plans = sortByPlanOrder(followUps.filter((f) => f.periodKey === period.key));
  const busy = work.step === 'working';

  const run = async (
    change: () => Promise<string>,
    refusal?: (error: unknown) => string | null,
  ) => {
    setWork({ step: 'working' });
    try {
      const report = await change();
      setWork({ step: 'idle' });
      onDone(period.key, report);
    } catch (error) {
      // Nothing reloads: focus stays where it is.
      focusAfterMove = null;
      const text =
        refusal?.(error) ??
        (isStoreFailure(error) && error.kind === 'conflict'
          ? t.planRegister.conflict
          : `${t.planRegister.failed} ${failureMessage(error, t)}`);
      setWork({ step: 'failed', text });
    }
  };

  // After a move the overview loads again and this panel is drawn anew: focus goes back to the
  // moved plan's same button, or the other one where the plan reached the end of the list.
  useEffect(() => {
    const wanted = focusAfterMove;
    if (!wanted) return;
    focusAfterMove = null;
    const index = plans.findIndex((p) => p.planKey === wanted.planKey);
    if (index < 0) return;
    const atEnd = wanted.direction === 'up' ? index === 0 : index === plans.length - 1;
    const direction = atEnd ? (wanted.direction === 'up' ? 'down' : 'up') : wanted.direction;
    document
      .querySelector<HTMLElement>(`[data-move="${CSS.escape(`${wanted.planKey}:${direction}`)}"]`)
      ?.focus();
    // Once, on the first drawing after the reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const move = (f: FollowUp, direction: 'up' | 'down') => {
    const changes = reorder(plans, f.planKey, direction);
    if (changes.length === 0) return;
    focusAfterMove = { planKey: f.planKey, direction };
    // The number the row will show (its sort order), so the message and the list agree even
    // where the numbers have gaps.
    const position = changes.find((c) => c.followUp === f)?.sortOrder ?? f.sortOrder;
    void run(async () => {
      await register.reorder(changes);
      return t.planRegister.moved(f.title, position);
    });
  };

  const end = (f: FollowUp, ending: PlanEnding) => {
    setRetiring(null);
    void run(async () => {
      await register.end(f, ending);
      const from = parsePeriodKey(ending.from);
      const label = from ? periodLabel(from, locale) : ending.from;
      const by = plans.find((p) => ending.kind === 'replaced' && p.planKey === ending.replacedBy);
      return ending.kind === 'replaced'
        ? t.planRegister.replacedDone(f.title, by?.title ?? '', label)
        : t.planRegister.retiredDone(f.title, label);
    });
  };

  const undoEnd = (f: FollowUp) => {
    setUndoing(null);
    void run(
      async () => {
        await register.undoEnd(f);
        return t.planRegister.undoDone(f.title);
      },
      // The period was locked, or the next one started, since the register was drawn.
      (error) =>
        isStoreFailure(error) && error.kind === 'forbidden'
          ? t.planRegister.undoLocked
          : isStoreFailure(error) && error.kind === 'invalid-data'
            ? t.planRegister.undoNextStarted
            : null,
    );
  };

  const toggle = () => {
    setOpen((o) => {
      writeOpen(!o);
      return !o;
    });
  };

  return (
    <section className={styles.panel} aria-labelledby="plan-register-heading">
      <h2 id="plan-register-heading" className={styles.heading}>
        {t.planRegister.heading}
      </h2>
      <div className={styles.row}>
        <Button aria-expanded={open} aria-controls="plan-register-body" onClick={toggle}>
          {open ? t.planRegister.hide : t.planRegister.show}
        </Button>
        {open && !editing && (
          <Button
            appearance="primary"
            disabledFocusable={busy}
            onClick={() => setEditing({ mode: 'add' })}
          >
            {t.planRegister.add}
          </Button>
        )}
      </div>
      <StatusLine>
        {work.step === 'working' && <Spinner size="tiny" label={t.planRegister.working} />}
      </StatusLine>
      {work.step === 'failed' && !editing && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{work.text}</MessageBarBody>
        </PlainMessageBar>
      )}
      {open && (
        <div id="plan-register-body" className={styles.panel}>
          <Text>{t.planRegister.intro}</Text>
          {editing && (
            <PlanForm
              key={editing.mode === 'edit' ? editing.followUp.itemId : 'add'}
              register={register}
              period={period}
              editing={editing}
              otherTitles={plans
                .filter((p) => editing.mode === 'add' || p.itemId !== editing.followUp.itemId)
                .map((p) => p.title)}
              onCancel={() => setEditing(null)}
              onSaved={(report) => onDone(period.key, report)}
            />
          )}
          <ul className={styles.list} aria-label={t.planRegister.listLabel}>
            {plans.map((f, i) => (
              <li key={f.itemId} className={styles.item}>
                <Text className={styles.title}>
                  {f.sortOrder}. <UserText>{f.title}</UserText>{' '}
                  <EndingBadge followUp={f} plans={plans} />
                </Text>
                <Button
                  size="small"
                  disabledFocusable={busy}
                  aria-label={`${t.planRegister.edit}: ${f.title}`}
                  onClick={() => setEditing({ mode: 'edit', followUp: f })}
                >
                  {t.planRegister.edit}
                </Button>
                <Button
                  size="small"
                  disabledFocusable={busy || i === 0}
                  aria-label={`${t.planRegister.moveUp}: ${f.title}`}
                  data-move={`${f.planKey}:up`}
                  onClick={() => move(f, 'up')}
                >
                  {t.planRegister.moveUp}
                </Button>
                <Button
                  size="small"
                  disabledFocusable={busy || i === plans.length - 1}
                  aria-label={`${t.planRegister.moveDown}: ${f.title}`}
                  data-move={`${f.planKey}:down`}
                  onClick={() => move(f, 'down')}
                >
                  {t.planRegister.moveDown}
                </Button>
                {isEnding(f) ? (
                  <Button
                    size="small"
                    disabledFocusable={busy}
                    aria-label={`${t.planRegister.undoEnd}: ${f.title}`}
                    onClick={() => setUndoing(f)}
                  >
                    {t.planRegister.undoEnd}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    disabledFocusable={busy}
                    aria-label={`${t.planRegister.retire}: ${f.title}`}
                    onClick={() => setRetiring(f)}
                  >
                    {t.planRegister.retire}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      <EndPlanDialog
        followUp={retiring}
        plans={plans}
        onConfirm={end}
        onCancel={() => setRetiring(null)}
      />
      <UndoEndDialog
        followUp={undoing}
        plans={plans}
        block={undoing ? undoEndingBlock(undoing, period, periods) : null}
        onConfirm={undoEnd}
        onCancel={() => setUndoing(null)}
      />
    </section>
  );
}

const TEXT_FIELDS = ['title', 'validity', 'decision', 'diaryNumber', 'documentUrl'] as const;

/** Adds or edits a plan; what was typed stays through validation errors and conflicts. */
function PlanForm({
  register,
  period,
  editing,
  otherTitles,
  onCancel,
  onSaved,
}: {
  register: PlanRegister;
  period: Period;
  editing: Editing;
  /** The period's other plans' titles (a title is unique within its period). */
  otherTitles: readonly string[];
  onCancel: () => void;
  onSaved: (report: string) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [draft, setDraftState] = useState<PlanDraft>(
    editing.mode === 'edit' ? draftOf(editing.followUp) : EMPTY_DRAFT,
  );
  const [issues, setIssues] = useState<readonly PlanIssue[]>([]);
  // The draft as last changed: a change that ends after other typing (an owner the site is still
  // adding) builds on it rather than on the draft of the moment it began, and so does a save.
  const latest = useRef(draft);
  // Once the messages show, they follow what is typed (a fixed field loses its message).
  const setDraft = (change: (d: PlanDraft) => PlanDraft) => {
    const next = change(latest.current);
    latest.current = next;
    setDraftState(next);
    if (issues.length > 0) setIssues(validatePlanDraft(next, otherTitles));
  };
  // An owner being added to the site when Spara is pressed: the save waits for them.
  const addingOwner = useRef<Promise<void> | null>(null);
  const [work, setWork] = useState<Work>({ step: 'idle' });
  const [notice, setNotice] = useState('');
  // The version a change is saved against; a reload after a conflict replaces it, not the draft.
  const [base, setBase] = useState(editing.mode === 'edit' ? editing.followUp : null);
  const { followUps } = useServices();
  const search = useCallback((query: string) => register.searchPeople(query), [register]);
  const ensure = useCallback(
    (candidate: PersonCandidate) => register.ensurePerson(candidate),
    [register],
  );
  const labels: Record<PlanDraftField, string> = {
    title: t.planRegister.title,
    validity: t.planRegister.validity,
    decision: t.planRegister.decision,
    diaryNumber: t.planRegister.diaryNumber,
    documentUrl: t.planRegister.documentUrl,
    owners: t.planRegister.owners,
  };
  const issueOf = (field: PlanDraftField) => {
    const issue = issues.find((i) => i.field === field);
    return issue ? issueText(issue, t) : undefined;
  };
  const headingId = 'plan-register-form-heading';

  const save = async () => {
    if (addingOwner.current) {
      setWork({ step: 'working' });
      await addingOwner.current;
    }
    const draft = latest.current;
    const found = validatePlanDraft(draft, otherTitles);
    setIssues(found);
    if (found.length > 0) {
      setWork({ step: 'failed', text: t.planRegister.fixErrors });
      return;
    }
    setWork({ step: 'working' });
    setNotice('');
    try {
      const saved =
        editing.mode === 'add'
          ? await register.addPlan(period, draft)
          : await register.updatePlan(base ?? editing.followUp, draft);
      setWork({ step: 'idle' });
      onSaved(
        editing.mode === 'add'
          ? t.planRegister.added(saved.title)
          : t.planRegister.saved(saved.title),
      );
    } catch (error) {
      // Nothing reloads: focus stays where it is.
      focusAfterMove = null;
      const text =
        isStoreFailure(error) && error.kind === 'conflict'
          ? t.planRegister.conflict
          : `${t.planRegister.failed} ${failureMessage(error, t)}`;
      setWork({ step: 'failed', text });
    }
  };

  const reload = async () => {
    if (!base) return;
    setWork({ step: 'working' });
    try {
      const fresh = (await followUps.listForPeriods([base.periodKey])).find(
        (f) => f.itemId === base.itemId,
      );
      if (fresh) setBase(fresh);
      setWork({ step: 'idle' });
      setNotice(t.planRegister.reloaded);
    } catch (error) {
      setWork({ step: 'failed', text: `${t.planRegister.failed} ${failureMessage(error, t)}` });
    }
  };

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id={headingId} className={styles.subheading}>
        {editing.mode === 'add' ? (
          t.planRegister.addHeading
        ) : (
          <UserTextIn template={t.planRegister.editHeading} text={editing.followUp.title} />
        )}
      </h3>
      <RequiredNote />
      <div className={styles.form}>
        {TEXT_FIELDS.map((field) => (
          <Field
            key={field}
            label={labels[field]}
            required={field === 'title'}
            className={field === 'title' ? styles.wide : undefined}
            hint={field === 'validity' ? t.planRegister.validityHint : undefined}
            validationState={issueOf(field) ? 'error' : 'none'}
            validationMessage={issueOf(field)}
          >
            <Input
              type={field === 'documentUrl' ? 'url' : 'text'}
              value={draft[field]}
              onChange={(_, data) => setDraft((d) => ({ ...d, [field]: data.value }))}
            />
          </Field>
        ))}
        <Field
          className={styles.wide}
          label={t.planRegister.owners}
          required
          hint={t.planRegister.ownersHint}
          validationState={issueOf('owners') ? 'error' : 'none'}
          validationMessage={issueOf('owners')}
        >
          <PeoplePicker
            value={draft.owners}
            search={search}
            ensure={ensure}
            onChange={(owners) => setDraft((d) => ({ ...d, owners }))}
            onAdding={(adding) => {
              addingOwner.current = adding;
            }}
          />
        </Field>
      </div>
      <StatusLine>
        {work.step === 'working' && <Spinner size="tiny" label={t.planRegister.saving} />}
        {notice}
      </StatusLine>
      {work.step === 'failed' && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{work.text}</MessageBarBody>
          {work.text === t.planRegister.conflict && base && (
            <MessageBarActions>
              <Button onClick={() => void reload()}>{t.planRegister.reload}</Button>
            </MessageBarActions>
          )}
        </PlainMessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabledFocusable={work.step === 'working'}>
          {t.planRegister.save}
        </Button>
        <Button onClick={onCancel}>{t.planRegister.cancel}</Button>
      </div>
    </form>
  );
}

/**
 * The button a move was made with, kept across the reload the move causes (the panel is drawn
 * anew, so its own state is gone). One at a time: only one move runs at once.
 */
let focusAfterMove: { readonly planKey: string; readonly direction: 'up' | 'down' } | null = null;

/** Says in words how a plan ends: retired or replaced, now or from the next period. */
function EndingBadge({ followUp: f, plans }: { followUp: FollowUp; plans: readonly FollowUp[] }) {
  const { t, locale } = useI18n();
  if (!isEnding(f)) return null;
  const by = plans.find((p) => p.planKey === f.replacedBy)?.title ?? f.replacedBy ?? '';
  const fromId = f.lifecycleFrom ? parsePeriodKey(f.lifecycleFrom) : null;
  const later = lifecycleIn(f) !== f.lifecycle && fromId;
  const text = later
    ? f.lifecycle === 'replaced'
      ? t.planRegister.replacedFrom(by, periodLabel(fromId, locale))
      : t.planRegister.retiredFrom(periodLabel(fromId, locale))
    : f.lifecycle === 'replaced'
      ? t.planRegister.replacedNow(by)
      : t.planRegister.retired;
  return (
    <Badge appearance="tint" color="informative">
      {text}
    </Badge>
  );
}
