import { Dropdown, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import type { Locale } from '../../domain/period';
import { useI18n } from '../../i18n/i18n';
import type { Preferences, ThemeName } from './use-preferences';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media print': { display: 'none' },
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  control: { minWidth: '9rem' },
});

const LANGUAGES: ReadonlyArray<{ value: Locale; label: string }> = [
  { value: 'sv', label: 'Svenska' },
  { value: 'en', label: 'English' },
];

/** Title, language and theme. */
export function AppHeader({
  preferences,
  onChange,
  localMode,
  themeFromHost = false,
}: {
  preferences: Preferences;
  onChange: (change: Partial<Preferences>) => void;
  localMode: boolean;
  /** In Teams: the theme follows Teams, so there is no theme picker. */
  themeFromHost?: boolean;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const themes: ReadonlyArray<{ value: ThemeName; label: string }> = [
    { value: 'light', label: t.settings.themeLight },
    { value: 'dark', label: t.settings.themeDark },
    { value: 'contrast', label: t.settings.themeContrast },
  ];
  const language = LANGUAGES.find((l) => l.value === preferences.locale) ?? LANGUAGES[0];
  const theme = themes.find((th) => th.value === preferences.theme) ?? themes[0];
  return (
    <header className={styles.root}>
      <div>
        <h1 className={styles.title}>{t.appTitle}</h1>
        <Text className={styles.subtitle}>{t.appSubtitle}</Text>
        {localMode && (
          <Text block size={200} className={styles.subtitle}>
            {t.settings.localMode}
          </Text>
        )}
      </div>
      <div className={styles.controls}>
        <Field label={t.settings.language} className={styles.control}>
          <Dropdown
            value={language?.label}
            selectedOptions={[preferences.locale]}
            onOptionSelect={(_, data) =>
              onChange({ locale: data.optionValue === 'en' ? 'en' : 'sv' })
            }
          >
            {LANGUAGES.map((l) => (
              <Option key={l.value} value={l.value} lang={l.value}>
                {l.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {!themeFromHost && (
          <Field label={t.settings.theme} className={styles.control}>
            <Dropdown
              value={theme?.label}
              selectedOptions={[preferences.theme]}
              onOptionSelect={(_, data) =>
                onChange({ theme: (data.optionValue as ThemeName | undefined) ?? 'light' })
              }
            >
              {themes.map((th) => (
                <Option key={th.value} value={th.value}>
                  {th.label}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      </div>
    </header>
  );
}
