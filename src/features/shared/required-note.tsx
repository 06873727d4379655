import { Text } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';

/** "Fält markerade med * är obligatoriska.": the asterisk of required fields explained (3.3.2). */
export function RequiredNote() {
  const { t } = useI18n();
  return <Text block>{t.requiredNote}</Text>;
}
