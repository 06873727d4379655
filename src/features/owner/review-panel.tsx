import {
  Button,
  Field,
  makeStyles,
  MessageBarBody,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FollowUp } from '../../domain/follow-up';
import type { FollowUpRepository } from '../../domain/ports';
import { useI18n } from '../../i18n/i18n';
import { failureMessage } from '../shared/failure-message';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { RequiredNote } from '../shared/required-note';

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

/** A coordinator's sign-off of a submitted follow-up: reviewed, or sent back with a comment. */
export function ReviewPanel({
  followUp,
  repository,
  onReviewed,
}: {
  followUp: FollowUp;
  repository: FollowUpRepository;
  /** Called with the saved follow-up and a sentence saying what was done. */
  onReviewed: (saved: FollowUp, report: string) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
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
    try {
      const saved = await repository.review(followUp, { state, comment });
      setSendingBack(false);
      onReviewed(saved, state === 'approved' ? t.review.doneApproved : t.review.doneReturned);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
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
      {error !== null && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{failureMessage(error, t)}</MessageBarBody>
        </PlainMessageBar>
      )}
    </section>
  );
}
