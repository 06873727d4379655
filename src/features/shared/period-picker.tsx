import { Dropdown, Field, Option } from '@fluentui/react-components';
import { periodLabel, type Period, type PeriodKey } from '../../domain/period';
import { useI18n } from '../../i18n/i18n';

/** The "Period" combobox: every period with its label and whether it is open or locked. */
export function PeriodPicker({
  periods,
  value,
  onChange,
  className,
}: {
  periods: readonly Period[];
  value: Period;
  onChange: (key: PeriodKey) => void;
  className?: string;
}) {
  const { t, locale } = useI18n();
  const text = (p: Period) =>
    `${periodLabel(p, locale)} (${p.state === 'open' ? t.period.open : t.period.locked})`;
  return (
    <Field label={t.period.label} className={className}>
      <Dropdown
        value={text(value)}
        selectedOptions={[value.key]}
        onOptionSelect={(_, data) => {
          if (data.optionValue) onChange(data.optionValue as PeriodKey);
        }}
      >
        {periods.map((p) => (
          <Option key={p.key} value={p.key} text={text(p)}>
            {text(p)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
