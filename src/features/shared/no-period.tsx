import { Link, Text } from '@fluentui/react-components';
import type { Viewer } from '../../domain/rules';
import { useI18n } from '../../i18n/i18n';

/** The address of the overview, where the first period is created (the rest of the address kept). */
function overviewHref(): string {
  const url = new URL(window.location.href);
  url.searchParams.set('view', 'overview');
  url.searchParams.delete('plan');
  url.searchParams.delete('period');
  return url.search;
}

/**
 * What a screen says on a site without periods: a coordinator is sent to the overview to create
 * the first one; anyone else is told that the coordination office has not opened one yet.
 */
export function NoPeriod({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  if (viewer.role !== 'coordinator') return <Text block>{t.firstPeriod.ownerWaiting}</Text>;
  return (
    <Text block>
      {t.firstPeriod.coordinatorHint}{' '}
      <Link href={overviewHref()}>{t.firstPeriod.goToOverview}</Link>
    </Text>
  );
}
