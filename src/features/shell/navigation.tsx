import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useI18n } from '../../i18n/i18n';

export type View =
  'plans' | 'overview' | 'overtime' | 'report' | 'help' | 'settings' | 'accessibility';

/**
 * The views the navigation links to (the statement is linked from the footer, "Över tid" from
 * Översikt).
 */
const LINKED: readonly Exclude<View, 'accessibility' | 'overtime'>[] = [
  'plans',
  'overview',
  'report',
  'help',
  'settings',
];

const useStyles = makeStyles({
  root: { '@media print': { display: 'none' } },
  // On a narrow screen or at high zoom the links wrap onto more lines instead of running off it.
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  link: {
    display: 'inline-block',
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textDecorationLine: 'none',
    borderRadius: tokens.borderRadiusMedium,
    // The current view is marked by weight and an underline bar, never by colour alone; the bar
    // is a border, which Windows contrast themes keep.
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': {
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    '@media (forced-colors: active)': { borderBottomColor: 'CanvasText' },
  },
});

/**
 * The app's views as navigation links (WAI-ARIA's pattern for moving between pages, not a tab
 * list: there are no tab panels): each an address of its own, the current one marked with
 * `aria-current="page"`. A plain click changes the view in place; a modified one (new tab,
 * new window) follows the address.
 */
export function Navigation({
  view,
  onChange,
  hrefOf,
}: {
  view: View;
  onChange: (view: View) => void;
  hrefOf: (view: View) => string;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const names: Record<(typeof LINKED)[number], string> = {
    plans: t.nav.plans,
    overview: t.nav.overview,
    report: t.nav.report,
    help: t.nav.help,
    settings: t.nav.setup,
  };
  const follow = (event: MouseEvent<HTMLAnchorElement>, next: View) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0)
      return;
    event.preventDefault();
    onChange(next);
  };
  return (
    <nav aria-label={t.nav.label} className={styles.root}>
      <ul className={styles.list}>
        {LINKED.map((v) => (
          <li key={v}>
            <a
              href={hrefOf(v)}
              aria-current={v === view ? 'page' : undefined}
              className={mergeClasses(styles.link, v === view && styles.current)}
              onClick={(event) => follow(event, v)}
            >
              {names[v]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
