import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { rollsOver, type FollowUp } from '../../domain/follow-up';
import { nextPeriod, periodLabel, type Period, type PeriodKey } from '../../domain/period';
import type { PeriodAdmin } from '../../domain/ports';
import { rolloverGuard, type Viewer } from '../../domain/rules';
import { useI18n } from '../../i18n/i18n';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { useInitialFocus } from '../shared/use-initial-focus';
import { StatusLine } from '../shared/status-line';

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'working' }
  | { readonly step: 'done'; readonly text: string }
  | { readonly step: 'failed' };

/** "Starta ny period" for coordinators: confirm, roll over in one batch, report the result. */
export function RolloverButton({
  admin,
  from,
  periods,
  followUps,
  viewer,
  onDone,
}: {
  admin: PeriodAdmin;
  from: Period;
  /** Every period, for the guard (newest only, never two periods ahead). */
  periods: readonly Period[];
  followUps: readonly FollowUp[];
  viewer: Viewer;
  /** Called with the new period and a sentence saying what was done. */
  onDone: (key: PeriodKey, report: string) => void;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ step: 'idle' });
  const cancel = useInitialFocus<HTMLButtonElement>(open);
  const nextLabel = periodLabel(nextPeriod(from), locale);
  const carried = followUps.filter(rollsOver).length;
  const guard = rolloverGuard(periods, from, followUps);
  const hintId = useId();
  if (!guard.allowed && guard.reason === 'not-newest') return null;
  if (!guard.allowed) {
    const older = periods.find((p) => p.key === guard.open);
    return (
      <>
        <Button appearance="primary" disabledFocusable aria-describedby={hintId}>
          {t.overview.rollover}
        </Button>
        <Text id={hintId}>
          {t.overview.rolloverTwoAhead(older ? periodLabel(older, locale) : guard.open)}
        </Text>
      </>
    );
  }

  const run = async () => {
    setOpen(false);
    setState({ step: 'working' });
    try {
      const result = await admin.rollover(from, followUps, viewer);
      const text = t.overview.rolloverDone(nextLabel, result.created, result.existing);
      setState({ step: 'done', text });
      onDone(result.periodKey, text);
    } catch {
      setState({ step: 'failed' });
    }
  };

  return (
    <>
      <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="primary" disabledFocusable={state.step === 'working'}>
            {t.overview.rollover}
          </Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.overview.rolloverTitle(nextLabel)}</DialogTitle>
            <DialogContent>
              <Text block>{t.overview.rolloverText(carried, periodLabel(from, locale))}</Text>
              {guard.missing > 0 && (
                <Text block weight="semibold">
                  {t.overview.rolloverMissing(
                    guard.missing,
                    guard.total,
                    periodLabel(from, locale),
                  )}
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void run()}>
                {t.overview.rolloverConfirm}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                {/* The dialog starts on the choice that changes nothing. */}
                <Button ref={cancel}>{t.overview.rolloverCancel}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <StatusLine>
        {state.step === 'working' && <Spinner size="tiny" label={t.overview.rolloverWorking} />}
        {state.step === 'done' && state.text}
      </StatusLine>
      {state.step === 'failed' && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{t.overview.rolloverFailed}</MessageBarBody>
        </PlainMessageBar>
      )}
    </>
  );
}
