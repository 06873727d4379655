import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Label,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import {
  STATUSES,
  statusSymbol,
  type FollowUp,
  type FollowUpInput,
  type Status,
} from '../../domain/follow-up';
import { planDocumentHref } from '../../domain/links';
import { periodLabel, type Period } from '../../domain/period';
import { isBlankHtml } from '../../domain/rich-text';
import {
  canReview,
  commentLength,
  editBlock,
  submissionState,
  type ValidationIssue,
  type Viewer,
} from '../../domain/rules';
import { formatDateTime, formatTime, useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/sv';
import { failureAction, failureActionLabel, failureMessage } from '../shared/failure-message';
import { SignInButton } from '../shared/sign-in-button';
import { SafeHtml } from '../shared/safe-html';
import { useServices } from '../shared/services-context';
import { StatusLabel } from '../shared/status-label';
import { useFollowUpForm } from './use-follow-up-form';

import { HistoryRegular } from '@fluentui/react-icons';
import { CONTENT_LANGUAGE, UserText } from '../shared/user-text';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { RequiredNote } from '../shared/required-note';
import { StatusLine } from '../shared/status-line';

const CommentEditor = lazy(() => import('./comment-editor'));
// Rarely needed on the first screen: a conflict dialog, and the coordinators' sign-off.
const ConflictDialog = lazy(() =>
  import('./conflict-dialog').then((m) => ({ default: m.ConflictDialog })),
);
const ReviewPanel = lazy(() => import('./review-panel').then((m) => ({ default: m.ReviewPanel })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  meta: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0 },
  },
  columns: {
    display: 'grid',
    gap: tokens.spacingHorizontalXL,
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    // 900 px at 16 px text: in em, so larger text gets one column sooner (owner-screen.tsx).
    '@media (max-width: 56.25em)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  statusSymbol: { display: 'inline-block', minWidth: '1.4em', fontWeight: tokens.fontWeightBold },
  commentLabelRow: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  readOnlyComment: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  previous: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    alignSelf: 'start',
  },
  previousHeading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  theirs: { marginTop: tokens.spacingVerticalS },
});

export interface FollowUpFormProps {
  readonly followUp: FollowUp;
  readonly period: Period;
  readonly previous: FollowUp | undefined;
  readonly previousPeriod: Period | undefined;
  readonly viewer: Viewer;
  /** What the user typed earlier in this session and has not saved. */
  readonly initialInput: FollowUpInput;
  readonly onInputChange: (input: FollowUpInput) => void;
  readonly onSaved: (saved: FollowUp) => void;
  readonly onShowHistory: () => void;
}

function issueText(issue: ValidationIssue, t: Messages): string {
  switch (issue.field) {
    case 'status':
      return t.validation.statusRequired;
    case 'statusNote':
      return issue.code === 'required'
        ? t.validation.noteRequired
        : t.validation.noteTooLong(issue.max);
    case 'comment':
      return issue.code === 'too-long'
        ? t.validation.commentTooLong(issue.max)
        : t.validation.commentTooLarge;
  }
}

/** One plan's follow-up: status, note, comment, last period beside it, draft and submit. */
export function FollowUpForm(props: FollowUpFormProps) {
  const { followUp, period, previous, previousPeriod, viewer } = props;
  const styles = useStyles();
  const { t, locale } = useI18n();
  const { followUps, drafts, signIn } = useServices();
  const documentHref = planDocumentHref(followUp.documentUrl);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const form = useFollowUpForm({
    drafts,
    followUp,
    initialInput: props.initialInput,
    viewer,
    repository: followUps,
    onInputChange: props.onInputChange,
    onSaved: props.onSaved,
  });
  const block = editBlock(viewer, followUp, period);
  // The latest sign-off or copy, said in the live region; a send-back the owners were not told
  // of outside the app (or that the log did not take) carries a warning.
  const [notice, setNotice] = useState<{
    text: string;
    at: Date;
    warning?: string | null;
  } | null>(null);
  const readOnly = block !== null;
  const header = submissionState(followUp);

  const ids = {
    commentLabel: useId(),
    commentHint: useId(),
    commentCount: useId(),
    commentError: useId(),
    status: useId(),
  };
  const statusRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const commentRef = useRef<HTMLDivElement>(null);

  const issueOf = (field: ValidationIssue['field']) =>
    form.issues.find((issue) => issue.field === field);
  const statusIssue = issueOf('status');
  const noteIssue = issueOf('statusNote');
  const commentIssue = issueOf('comment');
  // Flagged while typing, not only on a save (a draft over the limit may still be saved).
  const length = commentLength(form.input.comment);
  const commentError = commentIssue
    ? issueText(commentIssue, t)
    : length.tooLarge
      ? t.validation.commentTooLarge
      : length.over
        ? t.form.commentOverLimit(length.max)
        : null;

  // After a refused save (once per attempt, not on every keystroke after it), take the user to
  // the first thing to fix.
  useEffect(() => {
    const first = form.outcome?.kind === 'invalid' ? form.outcome.issues[0] : undefined;
    if (first?.field === 'status') statusRef.current?.querySelector('input')?.focus();
    if (first?.field === 'statusNote') noteRef.current?.focus();
    if (first?.field === 'comment')
      commentRef.current?.querySelector<HTMLElement>('[role="textbox"]')?.focus();
    // "Slå ihop själv" closes the conflict dialog to keep editing: the text is where focus goes.
    if (form.outcome?.kind === 'merging')
      commentRef.current?.querySelector<HTMLElement>('[role="textbox"]')?.focus();
  }, [form.outcome]);

  const restoreFocus = useRestoreFocusTarget();

  // Warn before the tab is closed with unsaved text.
  useEffect(() => {
    if (!form.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [form.dirty]);

  // Copying last period's comment: at once into an empty comment; into a written one only after
  // the owner chose to replace it or to add it after.
  const [askCopy, setAskCopy] = useState(false);
  const copyPrevious = (how: 'replace' | 'append') => {
    setAskCopy(false);
    if (!previous || isBlankHtml(previous.comment)) return;
    const current = form.input.comment;
    const empty = isBlankHtml(current);
    form.setComment(
      empty || how === 'replace' ? previous.comment : `${current}${previous.comment}`,
    );
    setNotice({
      text: empty
        ? t.form.copied
        : how === 'replace'
          ? t.form.copiedReplaced
          : t.form.copiedAppended,
      at: new Date(),
    });
  };

  const announcement = (() => {
    const outcome = form.outcome;
    if (form.saving) return t.form.saving;
    // The latest of a save and a sign-off is what the live region says.
    if (outcome?.kind === 'saved' && (!notice || outcome.at > notice.at)) {
      const time = formatTime(outcome.at, locale);
      return outcome.intent === 'submit' ? t.form.submitted(time) : t.form.savedDraft(time);
    }
    return notice?.text ?? '';
  })();

  return (
    <section className={styles.root} aria-labelledby={`${ids.status}-title`}>
      <header className={styles.header}>
        <h2 id={`${ids.status}-title`} className={styles.title}>
          {followUp.sortOrder}. <UserText>{followUp.title}</UserText>
        </h2>
        <dl className={styles.meta}>
          {followUp.decision && (
            <>
              <dt>{t.form.decision}</dt>
              <dd>{followUp.decision}</dd>
            </>
          )}
          {followUp.diaryNumber && (
            <>
              <dt>{t.form.diaryNumber}</dt>
              <dd>{followUp.diaryNumber}</dd>
            </>
          )}
          {followUp.validity && (
            <>
              <dt>{t.form.validity}</dt>
              <dd>{followUp.validity}</dd>
            </>
          )}
          <dt>{t.plans.owners}</dt>
          <dd>
            {followUp.owners.length > 0
              ? followUp.owners.map((o) => o.name).join(', ')
              : t.plans.noOwners}
          </dd>
          {documentHref && (
            <>
              <dt>{t.form.document}</dt>
              <dd>
                <Link href={documentHref} target="_blank" rel="noopener noreferrer">
                  {t.form.document}
                </Link>
              </dd>
            </>
          )}
          {header?.state === 'submitted' && (
            <>
              <dt>{t.inputState.submitted}</dt>
              <dd>{t.form.submittedBy(header.by.name, formatDateTime(header.at, locale))}</dd>
            </>
          )}
          {header?.state === 'returned' && (
            <>
              <dt>{t.review.returnedBadge}</dt>
              <dd>
                {header.submitted
                  ? t.form.returnedAfter(
                      header.submitted.by.name,
                      formatDateTime(header.submitted.at, locale),
                    )
                  : t.form.returnedDraft}
              </dd>
            </>
          )}
        </dl>
        <div>
          <Button appearance="subtle" icon={<HistoryRegular />} onClick={props.onShowHistory}>
            {t.history.open}
          </Button>
        </div>
      </header>

      {followUp.review?.state === 'returned' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.review.returned}</MessageBarTitle> {followUp.review.comment}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice?.warning && (
        <PlainMessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>{notice.warning}</MessageBarBody>
        </PlainMessageBar>
      )}
      {followUp.review?.state === 'approved' && (
        <PlainMessageBar intent="success">
          <MessageBarBody>{t.review.approved}</MessageBarBody>
        </PlainMessageBar>
      )}

      {canReview(viewer, followUp) && followUp.review?.state !== 'approved' && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <ReviewPanel
            followUp={followUp}
            period={props.period}
            viewer={viewer}
            repository={followUps}
            onReviewed={(saved, report, warning) => {
              setNotice({ text: report, at: new Date(), warning });
              // The form's next save starts from the signed-off version (sent back: a draft).
              form.rebase(saved);
              props.onSaved(saved);
            }}
          />
        </Suspense>
      )}

      {!readOnly && form.restorable && (
        <PlainMessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t.form.restoreOffer(formatDateTime(form.restorable.savedAt, locale))}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={form.restore}>
              {t.form.restore}
            </Button>
            <Button onClick={form.discardRestorable}>{t.form.discard}</Button>
          </MessageBarActions>
        </PlainMessageBar>
      )}

      {readOnly && (
        <PlainMessageBar intent="info">
          <MessageBarBody>
            {block === 'period-locked' ? t.form.readOnlyLocked : t.form.readOnlyNotOwner}
          </MessageBarBody>
        </PlainMessageBar>
      )}

      <div className={styles.columns}>
        <div className={styles.fields}>
          {!readOnly && <RequiredNote />}
          {readOnly ? (
            <div role="group" aria-labelledby={`${ids.status}-status`}>
              <Label id={`${ids.status}-status`} weight="semibold">
                {t.form.statusLegend}
              </Label>
              <br />
              <StatusLabel status={form.input.status} />
              {form.input.status === 'not-assessed' && form.input.statusNote && (
                <Text block>
                  {t.form.note}: <UserText>{form.input.statusNote}</UserText>
                </Text>
              )}
            </div>
          ) : (
            <Field
              label={t.form.statusLegend}
              required
              validationState={statusIssue ? 'error' : 'none'}
              validationMessage={statusIssue ? issueText(statusIssue, t) : undefined}
            >
              <RadioGroup
                ref={statusRef}
                value={form.input.status ?? ''}
                onChange={(_, data) => form.setStatus(data.value as Status)}
              >
                {STATUSES.map((status) => (
                  <Radio
                    key={status}
                    value={status}
                    label={{
                      children: (
                        <>
                          <span aria-hidden="true" className={styles.statusSymbol}>
                            {statusSymbol(status)}
                          </span>
                          {t.status[status]}
                        </>
                      ),
                    }}
                  />
                ))}
              </RadioGroup>
            </Field>
          )}

          {!readOnly && form.input.status === 'not-assessed' && (
            <Field
              label={t.form.note}
              hint={t.form.noteHint}
              required
              validationState={noteIssue ? 'error' : 'none'}
              validationMessage={noteIssue ? issueText(noteIssue, t) : undefined}
            >
              <Input
                ref={noteRef}
                lang={CONTENT_LANGUAGE}
                value={form.input.statusNote}
                onChange={(_, data) => form.setStatusNote(data.value)}
              />
            </Field>
          )}

          <div ref={commentRef}>
            <div className={styles.commentLabelRow}>
              <Label id={ids.commentLabel} weight="semibold">
                {t.form.comment}
              </Label>
              {!readOnly && (
                <Text
                  id={ids.commentCount}
                  className={length.over || length.tooLarge ? styles.error : styles.hint}
                >
                  {t.form.commentCount(length.used, length.max)}
                </Text>
              )}
            </div>
            {readOnly ? (
              <div
                className={styles.readOnlyComment}
                aria-labelledby={ids.commentLabel}
                role="group"
              >
                <SafeHtml html={form.input.comment} />
              </div>
            ) : (
              <>
                <Text id={ids.commentHint} className={styles.hint} block>
                  {t.form.commentHint}
                </Text>
                <Suspense fallback={<Spinner size="tiny" label={t.form.editorLoading} />}>
                  <CommentEditor
                    value={form.input.comment}
                    onChange={form.setComment}
                    labelId={ids.commentLabel}
                    describedBy={[
                      ids.commentHint,
                      ids.commentCount,
                      commentError && ids.commentError,
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    invalid={commentError !== null}
                  />
                </Suspense>
                {/* Polite, and the same words while the text stays over the limit: said once
                    when it goes over, not on every key (the counter gives the number). */}
                <div aria-live="polite">
                  {commentError && (
                    <Text id={ids.commentError} className={styles.error} block>
                      {commentError}
                    </Text>
                  )}
                </div>
              </>
            )}
          </div>

          {!readOnly && (
            <div className={styles.actions}>
              <Button
                {...restoreFocus}
                onClick={() => {
                  if (form.draftWithdraws) setConfirmWithdraw(true);
                  else void form.save('draft');
                }}
                disabledFocusable={form.saving !== null}
              >
                {t.form.saveDraft}
              </Button>
              <WithdrawDialog
                open={confirmWithdraw}
                onClose={() => setConfirmWithdraw(false)}
                onConfirm={() => {
                  setConfirmWithdraw(false);
                  void form.save('draft');
                }}
              />
              <Button
                {...restoreFocus}
                appearance="primary"
                onClick={() => void form.save('submit')}
                disabledFocusable={form.saving !== null}
              >
                {t.form.submit}
              </Button>
              {form.saving && <Spinner size="tiny" aria-hidden="true" />}
              {!form.saving && (
                <Text className={styles.hint}>
                  {!form.dirty
                    ? t.form.allSaved
                    : form.keptLocally
                      ? t.form.keptLocally
                      : t.form.unsaved}
                </Text>
              )}
            </div>
          )}

          <StatusLine>{announcement && <Text>{announcement}</Text>}</StatusLine>

          {form.outcome?.kind === 'invalid' && form.issues.length > 0 && (
            <PlainMessageBar intent="warning">
              <MessageBarBody>{t.form.fixErrors}</MessageBarBody>
            </PlainMessageBar>
          )}
          {form.outcome?.kind === 'failed' && (
            <PlainMessageBar intent={form.backOnline ? 'info' : 'error'} role="alert">
              <MessageBarBody>
                {form.backOnline ? t.form.backOnline : failureMessage(form.outcome.error, t)}
              </MessageBarBody>
              <MessageBarActions>
                {!form.backOnline && signIn && failureAction(form.outcome.error) === 'sign-in' ? (
                  // Signed in again, the save is sent again: the text never left the form.
                  <SignInButton
                    onSignedIn={() => void form.retry()}
                    onFailed={(error) => form.failed(error)}
                  />
                ) : form.backOnline || failureAction(form.outcome.error) === 'retry' ? (
                  <Button onClick={() => void form.retry()}>
                    {form.backOnline ? t.form.sendNow : t.errors.retry}
                  </Button>
                ) : (
                  // Reloading is safe: what was typed is kept on this device and offered back.
                  <Button onClick={() => window.location.reload()}>
                    {failureActionLabel(failureAction(form.outcome.error), t)}
                  </Button>
                )}
              </MessageBarActions>
            </PlainMessageBar>
          )}
          {form.outcome?.kind === 'conflict' && (
            <Suspense fallback={<Spinner size="tiny" />}>
              <ConflictDialog
                theirs={form.outcome.theirs}
                mine={form.input}
                onMerge={form.mergeByEditing}
                onTakeTheirs={form.takeTheirs}
                onKeepMine={() => void form.keepMine()}
              />
            </Suspense>
          )}
          {form.outcome?.kind === 'merging' && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.errors.conflictTheirs}</MessageBarTitle>
                {t.errors.conflictMerging}
                <div className={styles.theirs}>
                  <StatusLabel status={form.outcome.theirs.status} />
                  <SafeHtml html={form.outcome.theirs.comment} />
                </div>
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={form.appendTheirComment}>{t.errors.conflictAppend}</Button>
                <Button onClick={form.takeTheirs}>{t.errors.conflictTakeTheirs}</Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>

        <aside className={styles.previous} aria-labelledby={`${ids.status}-previous`}>
          <h3 id={`${ids.status}-previous`} className={styles.previousHeading}>
            {t.form.previous}
            {previousPeriod && `: ${periodLabel(previousPeriod, locale)}`}
          </h3>
          {previous ? (
            <>
              <StatusLabel status={previous.status} />
              {previous.statusNote && (
                <Text>
                  <UserText>{previous.statusNote}</UserText>
                </Text>
              )}
              {isBlankHtml(previous.comment) ? (
                <Text>{t.form.previousNoComment}</Text>
              ) : (
                <SafeHtml html={previous.comment} />
              )}
              {!readOnly && !isBlankHtml(previous.comment) && (
                <>
                  <Button
                    {...restoreFocus}
                    onClick={() => {
                      if (isBlankHtml(form.input.comment)) copyPrevious('replace');
                      else setAskCopy(true);
                    }}
                  >
                    {t.form.copyPrevious}
                  </Button>
                  <CopyDialog
                    open={askCopy}
                    onClose={() => setAskCopy(false)}
                    onChoose={copyPrevious}
                  />
                </>
              )}
            </>
          ) : (
            <Text>{t.form.previousNone}</Text>
          )}
        </aside>
      </div>
    </section>
  );
}

/**
 * Asks before Spara utkast takes a submission back. Starts on Avbryt: the safe choice is the one
 * Enter takes (the domain rule is `withdrawsSubmission`).
 */
function WithdrawDialog({
  open,
  onClose,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.form.withdrawTitle}</DialogTitle>
          <DialogContent>{t.form.withdrawText}</DialogContent>
          <DialogActions>
            {/* First, so that the dialog opens on it (Fluent focuses the first button). */}
            <Button appearance="primary" onClick={onClose}>
              {t.form.withdrawCancel}
            </Button>
            <Button onClick={onConfirm}>{t.form.withdrawConfirm}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Asks how last period's comment goes into a comment already written: replacing it or after it.
 * Starts on Avbryt, so Enter changes nothing.
 */
function CopyDialog({
  open,
  onClose,
  onChoose,
}: {
  open: boolean;
  onClose: () => void;
  onChoose: (how: 'replace' | 'append') => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.form.copyPreviousTitle}</DialogTitle>
          <DialogContent>{t.form.copyPreviousConfirm}</DialogContent>
          <DialogActions>
            {/* First, so that the dialog opens on it (Fluent focuses the first button). */}
            <Button appearance="primary" onClick={onClose}>
              {t.form.copyPreviousCancel}
            </Button>
            <Button onClick={() => onChoose('replace')}>{t.form.copyPreviousReplace}</Button>
            <Button onClick={() => onChoose('append')}>{t.form.copyPreviousAppend}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
