import {
  Button,
  makeStyles,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ServiceWait, WaitNotices } from '../../domain/ports';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shared/services-context';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { VISUALLY_HIDDEN } from '../shared/visually-hidden';

const useStyles = makeStyles({
  bar: { marginBlockEnd: tokens.spacingVerticalM },
  visuallyHidden: VISUALLY_HIDDEN,
});

/** No waits, as one array: useSyncExternalStore needs the same snapshot while nothing changes. */
const NONE: readonly ServiceWait[] = [];
const NO_WAITS: WaitNotices = { current: () => NONE, subscribe: () => () => undefined };

/**
 * The waits SharePoint or Graph asked for (`Retry-After`), each with a countdown to the next try
 * and **Avbryt väntan**. The first sentence is announced once (a polite live region that is always
 * in the page); the countdown is not, so a screen reader is not read a number every second.
 */
export function WaitNotice() {
  const { waits = NO_WAITS } = useServices();
  // A stable subscribe, so React does not resubscribe on every render (each countdown tick).
  const subscribe = useCallback((listener: () => void) => waits.subscribe(listener), [waits]);
  const current = useSyncExternalStore(subscribe, () => waits.current());
  const { t } = useI18n();
  const styles = useStyles();
  // The clock of the last tick; a wait that has just begun counts from its own start.
  const now = Math.max(useNow(current.length > 0), ...current.map((w) => w.from));
  const first: ServiceWait | undefined = current[0];
  return (
    <>
      <div role="status" className={styles.visuallyHidden}>
        {first ? t.errors.waiting(t.errors.services[first.service]) : ''}
      </div>
      {current.map((wait) => (
        <PlainMessageBar key={wait.id} intent="warning" className={styles.bar}>
          <MessageBarBody>
            {t.errors.waiting(t.errors.services[wait.service])}{' '}
            {t.errors.waitingIn(Math.max(0, Math.ceil((wait.until - now) / 1000)))}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => wait.cancel()}>{t.errors.cancelWait}</Button>
          </MessageBarActions>
        </PlainMessageBar>
      ))}
    </>
  );
}

/** The time, every second while `ticking`. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
