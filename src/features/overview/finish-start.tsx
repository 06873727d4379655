import { Button, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { periodLabel, type Period, type PeriodKey } from '../../domain/period';
import { unfinishedStart } from '../../domain/period-log';
import type { PeriodAdmin } from '../../domain/ports';
import type { Viewer } from '../../domain/rules';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shared/services-context';
import { PlainMessageBar } from '../shared/plain-message-bar';

/**
 * A period whose start (rollover) failed part-way, e.g. on one item's permissions: the log says it
 * was opened but not that it is ready. **Slutför perioden** runs the start again from the period
 * it came from; what was already done is not done twice, and what is missing is finished.
 */
export function FinishStart({
  admin,
  period,
  periods,
  viewer,
  onDone,
}: {
  admin: PeriodAdmin;
  period: Period;
  periods: readonly Period[];
  viewer: Viewer;
  onDone: (key: PeriodKey, report: string) => void;
}) {
  const { t, locale } = useI18n();
  const { followUps } = useServices();
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle');
  const fromKey = unfinishedStart(period.log);
  const from = periods.find((p) => p.key === fromKey);
  if (!from) return null;

  const finish = async () => {
    setState('working');
    try {
      const previous = await followUps.listForPeriods([from.key]);
      await admin.rollover(from, previous, viewer);
      setState('idle');
      onDone(period.key, t.overview.finished(periodLabel(period, locale)));
    } catch {
      setState('failed');
    }
  };

  return (
    <PlainMessageBar intent={state === 'failed' ? 'error' : 'warning'}>
      <MessageBarBody>
        {state === 'failed' ? t.overview.finishFailed : t.overview.unfinished}
        {state === 'working' && <Spinner size="tiny" label={t.overview.finishing} />}
      </MessageBarBody>
      <MessageBarActions>
        <Button
          appearance="primary"
          disabledFocusable={state === 'working'}
          onClick={() => void finish()}
        >
          {t.overview.finish}
        </Button>
      </MessageBarActions>
    </PlainMessageBar>
  );
}
