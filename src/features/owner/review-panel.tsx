import {
  Button,
  Field,
  makeStyles,
  MessageBarBody,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { planFormLink } from '../../domain/deep-link';
import type { FollowUp } from '../../domain/follow-up';
import type { Period } from '../../domain/period';
import type { FollowUpRepository } from '../../domain/ports';
import type { Viewer } from '../../domain/rules';
import { useI18n } from '../../i18n/i18n';
import { useDataCache } from '../shared/data-cache-context';
import { failureMessage } from '../shared/failure-message';
import { VIEWER_AND_PERIODS } from '../shared/first-screen-data';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { RequiredNote } from '../shared/required-note';
import { useServices } from '../shared/services-context';
import { notifySendBack } from './notify-send-back';
import { StatusLine } from '../shared/status-line';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * A coordinator's sign-off of a submitted follow-up: reviewed, or sent back with a comment. A
 * send-back is also told to the owners in the channel (an @-mention with the reason and the
 * plan's link, as reminders are sent) and entered in the period's log; when the message cannot
 * go, the send-back stands and the coordinator is told that the owners know nothing of it.
 */
export function ReviewPanel({
  followUp,
  period,
  viewer,
  repository,
  onReviewed,
}: {
  followUp: FollowUp;
  period: Period;
  viewer: Viewer;
  repository: FollowUpRepository;
  /**
   * Called with the saved follow-up, a sentence saying what was done and, for a send-back the
   * owners were not (all) told of or the log did not take, what the coordinator must know.
   */
  onReviewed: (saved: FollowUp, report: string, warning: string | null) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { messenger, channel, periodAdmin, links } = useServices();
  const cache = useDataCache();
  const [sendingBack, setSendingBack] = useState(false);
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const decide = async (state: 'approved' | 'returned') => {
    if (state === 'returned' && comment.trim() === '') {
      setMissingComment(true);
      return;
    }
    setBusy(true);
    setError(null);
    let saved: FollowUp;
    try {
      saved = await repository.review(followUp, { state, comment });
    } catch (failure) {
      setError(failure);
      setBusy(false);
      return;
    }
    if (state === 'approved') {
      setBusy(false);
      onReviewed(saved, t.review.doneApproved, null);
      return;
    }
    // Sent back: the owners hear of it outside the app, and the period's log keeps it.
    const told = await notifySendBack({
      messenger,
      channel,
      period,
      followUp: saved,
      reason: comment.trim(),
      // A Teams deep link to this tab inside Teams, the plain address elsewhere.
      link: links?.planForm(saved) ?? planFormLink(window.location.href, saved),
      by: viewer.name,
      t,
    });
    let warning = told.warning;
    try {
      await periodAdmin?.appendLog(period, {
        kind: 'returned',
        at: new Date().toISOString(),
        by: viewer.name,
        plan: `${saved.sortOrder}. ${saved.title}`,
        reason: comment.trim(),
        notified: told.notified.map((p) => p.name),
        messageId: told.messageId,
      });
      // The overview shows the log from the periods' cache.
      cache?.invalidate(VIEWER_AND_PERIODS);
    } catch {
      warning = warning ? `${warning} ${t.review.logFailed}` : t.review.logFailed;
    }
    setBusy(false);
    setSendingBack(false);
    onReviewed(
      saved,
      told.notified.length > 0
        ? t.review.doneReturnedNotified(told.notified.map((p) => p.name).join(', '))
        : t.review.doneReturned,
      warning,
    );
  };

  return (
    <section className={styles.root} aria-labelledby="review-heading">
      <h3 id="review-heading" className={styles.heading}>
        {t.review.heading}
      </h3>
      {sendingBack && <RequiredNote />}
      {sendingBack && (
        <Field
          label={t.review.comment}
          required
          validationState={missingComment ? 'error' : 'none'}
          validationMessage={missingComment ? t.review.commentRequired : undefined}
        >
          <Textarea
            value={comment}
            onChange={(_, data) => {
              setComment(data.value);
              if (data.value.trim() !== '') setMissingComment(false);
            }}
          />
        </Field>
      )}
      <div className={styles.actions}>
        {sendingBack ? (
          <>
            <Button
              appearance="primary"
              disabledFocusable={busy}
              onClick={() => void decide('returned')}
            >
              {t.review.sendBack}
            </Button>
            <Button onClick={() => setSendingBack(false)}>{t.review.cancel}</Button>
          </>
        ) : (
          <>
            <Button
              appearance="primary"
              disabledFocusable={busy}
              onClick={() => void decide('approved')}
            >
              {t.review.approve}
            </Button>
            <Button onClick={() => setSendingBack(true)}>{t.review.sendBackOpen}</Button>
          </>
        )}
      </div>
      <StatusLine>
        {busy && sendingBack && <Spinner size="tiny" label={t.review.sendingBack} />}
      </StatusLine>
      {error !== null && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{failureMessage(error, t)}</MessageBarBody>
        </PlainMessageBar>
      )}
    </section>
  );
}
