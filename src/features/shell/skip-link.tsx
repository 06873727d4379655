import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  // Out of sight until it has focus; then at the top of the page, above everything.
  link: {
    position: 'absolute',
    insetInlineStart: tokens.spacingHorizontalM,
    insetBlockStart: tokens.spacingVerticalM,
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    transform: 'translateY(-200%)',
    ':focus': { transform: 'none' },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
    '@media print': { display: 'none' },
  },
});

/**
 * "Hoppa till innehållet" (WCAG 2.4.1): the page's first focusable element, shown when it has
 * focus, moving focus to the main region past the header and the navigation.
 */
export function SkipLink({ target }: { target: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <a
      href={`#${target}`}
      className={styles.link}
      onClick={(event) => {
        // Focus, not the address: in Teams the tab's address is not the user's to change.
        event.preventDefault();
        const main = document.getElementById(target);
        if (!main) return;
        main.tabIndex = -1;
        main.focus();
      }}
    >
      {t.nav.skipToContent}
    </a>
  );
}
