import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';
import { PANEL_SURFACE } from '../shared/panel-surface';

const useStyles = makeStyles({
  root: {
    maxWidth: '60rem',
    ...PANEL_SURFACE,
    padding: tokens.spacingHorizontalXL,
    lineHeight: tokens.lineHeightBase400,
  },
  heading: { marginTop: 0 },
});

/** In-app help: the owner's steps, the coordinator's cycle and the period's rules. */
export default function HelpScreen() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <article className={styles.root} aria-labelledby="help-heading">
      <h2 id="help-heading" className={styles.heading}>
        {t.help.heading}
      </h2>
      <p>{t.help.intro}</p>
      <h3>{t.help.ownerHeading}</h3>
      <ol>
        {t.help.owner.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h3>{t.help.coordinatorHeading}</h3>
      <ol>
        {t.help.coordinator.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h3>{t.help.rulesHeading}</h3>
      <ul>
        {t.help.rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <p>{t.help.accessibility}</p>
    </article>
  );
}
