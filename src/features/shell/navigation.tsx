import { makeStyles, Tab, TabList } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';

export type View = 'plans' | 'overview' | 'report' | 'help' | 'settings';

const useStyles = makeStyles({ root: { '@media print': { display: 'none' } } });

/** The app's views as tabs: the owners' plans, the overview, the Bilaga 2 report, help and settings. */
export function Navigation({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <nav aria-label={t.nav.label} className={styles.root}>
      <TabList
        selectedValue={view}
        onTabSelect={(_, data) =>
          onChange(
            data.value === 'report' ||
              data.value === 'overview' ||
              data.value === 'help' ||
              data.value === 'settings'
              ? data.value
              : 'plans',
          )
        }
      >
        <Tab value="plans">{t.nav.plans}</Tab>
        <Tab value="overview">{t.nav.overview}</Tab>
        <Tab value="report">{t.nav.report}</Tab>
        <Tab value="help">{t.nav.help}</Tab>
        <Tab value="settings">{t.nav.setup}</Tab>
      </TabList>
    </nav>
  );
}
