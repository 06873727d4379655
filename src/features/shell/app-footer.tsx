import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  root: {
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media print': { display: 'none' },
  },
});

/** On every screen: the link to the accessibility statement, as the law asks. */
export function AppFooter({ href, onOpen }: { href: string; onOpen: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <footer className={styles.root}>
      <Link
        href={href}
        onClick={(event) => {
          // A plain click stays in the app; a modified one (new tab) follows the address.
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          onOpen();
        }}
      >
        {t.accessibility.link}
      </Link>
    </footer>
  );
}
