import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FollowUp, PlanKey } from '../../domain/follow-up';
import { parsePeriodKey, periodLabel, type PeriodKey } from '../../domain/period';
import {
  endingPeriods,
  replacementCandidates,
  validatePlanEnding,
  type PlanEnding,
  type UndoEndingBlock,
} from '../../domain/plan-register';
import { useI18n } from '../../i18n/i18n';
import { RequiredNote } from '../shared/required-note';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Ends a plan: retired, or replaced by another plan of the period, from this period or the next.
 * Nothing is sent until the choice is valid; a missing replacement is said in words at the field.
 */
export function EndPlanDialog({
  followUp,
  plans,
  onConfirm,
  onCancel,
}: {
  /** The plan to end; null closes the dialog. */
  followUp: FollowUp | null;
  /** The period's plans (replacement candidates). */
  plans: readonly FollowUp[];
  onConfirm: (followUp: FollowUp, ending: PlanEnding) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={followUp !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        {followUp && (
          <EndPlanForm
            key={followUp.itemId}
            followUp={followUp}
            plans={plans}
            onConfirm={onConfirm}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

function EndPlanForm({
  followUp,
  plans,
  onConfirm,
}: {
  followUp: FollowUp;
  plans: readonly FollowUp[];
  onConfirm: (followUp: FollowUp, ending: PlanEnding) => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const periods = endingPeriods(followUp);
  const candidates = replacementCandidates(followUp, plans);
  const [kind, setKind] = useState<PlanEnding['kind']>('retired');
  const [from, setFrom] = useState<PeriodKey>(followUp.periodKey);
  const [replacedBy, setReplacedBy] = useState<string>('');
  const [showErrors, setShowErrors] = useState(false);

  const ending: PlanEnding =
    kind === 'retired' ? { kind, from } : { kind, from, replacedBy: replacedBy as PlanKey };
  const issues = validatePlanEnding(followUp, ending, plans);
  const replacementError =
    showErrors &&
    (issues.includes('replacement-required') || issues.includes('replacement-invalid'))
      ? t.planRegister.replacementRequired
      : undefined;

  const label = (key: PeriodKey) => {
    const id = parsePeriodKey(key);
    return id ? periodLabel(id, locale) : key;
  };

  const confirm = () => {
    if (issues.length > 0) {
      setShowErrors(true);
      document.getElementById('end-plan-replacement')?.focus();
      return;
    }
    onConfirm(followUp, ending);
  };

  return (
    <DialogBody>
      <DialogTitle>{t.planRegister.retireTitle(followUp.title)}</DialogTitle>
      <DialogContent className={styles.content}>
        <Field label={t.planRegister.endKind}>
          <RadioGroup
            value={kind}
            onChange={(_, data) => setKind(data.value === 'replaced' ? 'replaced' : 'retired')}
          >
            <Radio value="retired" label={t.planRegister.endRetired} />
            <Radio
              value="replaced"
              label={t.planRegister.endReplaced}
              disabled={candidates.length === 0}
            />
          </RadioGroup>
        </Field>
        {kind === 'replaced' && <RequiredNote />}
        {kind === 'replaced' && (
          <Field
            label={t.planRegister.replacedBy}
            required
            validationMessage={replacementError}
            validationState={replacementError ? 'error' : 'none'}
          >
            <Select
              id="end-plan-replacement"
              value={replacedBy}
              onChange={(_, data) => setReplacedBy(data.value)}
            >
              <option value="">{t.planRegister.choosePlan}</option>
              {candidates.map((p) => (
                <option key={p.planKey} value={p.planKey}>
                  {p.title}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t.planRegister.endFrom}>
          <RadioGroup
            value={from}
            onChange={(_, data) => setFrom(periods.find((p) => p === data.value) ?? from)}
          >
            {periods.map((p, i) => (
              <Radio
                key={p}
                value={p}
                label={
                  i === 0 ? t.planRegister.fromThis(label(p)) : t.planRegister.fromNext(label(p))
                }
              />
            ))}
          </RadioGroup>
        </Field>
      </DialogContent>
      <DialogActions>
        <Button appearance="primary" onClick={confirm}>
          {t.planRegister.retireConfirm}
        </Button>
        <DialogTrigger disableButtonEnhancement>
          <Button>{t.planRegister.cancel}</Button>
        </DialogTrigger>
      </DialogActions>
    </DialogBody>
  );
}

/**
 * Undoes an ending, after saying what it brings back; where the rule refuses it (the period is
 * locked, the next period started without the plan) the dialog says why, and offers only Stäng.
 */
export function UndoEndDialog({
  followUp,
  plans,
  block,
  onConfirm,
  onCancel,
}: {
  /** The ended plan; null closes the dialog. */
  followUp: FollowUp | null;
  plans: readonly FollowUp[];
  /** Why it cannot be undone, if it cannot (`undoEndingBlock`). */
  block: UndoEndingBlock | null;
  onConfirm: (followUp: FollowUp) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const by = followUp?.replacedBy
    ? (plans.find((p) => p.planKey === followUp.replacedBy)?.title ?? followUp.replacedBy)
    : null;
  const refusal =
    block === 'period-locked'
      ? t.planRegister.undoLocked
      : block === 'next-started'
        ? t.planRegister.undoNextStarted
        : null;
  return (
    <Dialog open={followUp !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        {followUp && (
          <DialogBody>
            <DialogTitle>{t.planRegister.undoTitle(followUp.title)}</DialogTitle>
            <DialogContent className={styles.content}>
              {refusal ? (
                <Text role="alert">{refusal}</Text>
              ) : (
                <>
                  <Text>
                    {followUp.lifecycle === 'replaced' && by
                      ? t.planRegister.undoReplaced(by)
                      : t.planRegister.undoRetired}
                  </Text>
                  <Text>{t.planRegister.undoText}</Text>
                </>
              )}
            </DialogContent>
            <DialogActions>
              {!refusal && (
                <Button appearance="primary" onClick={() => onConfirm(followUp)}>
                  {t.planRegister.undoConfirm}
                </Button>
              )}
              <DialogTrigger disableButtonEnhancement>
                <Button>{refusal ? t.planRegister.close : t.planRegister.cancel}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
