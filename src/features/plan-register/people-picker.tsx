import {
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Person } from '../../domain/follow-up';
import { useI18n } from '../../i18n/i18n';

/** How long typing must pause before the site is searched (ms). */
const SEARCH_DELAY_MS = 250;

/**
 * Chooses people by searching the site's users as one types (debounced): the chosen people are
 * tags (Backspace or Delete removes the focused one), the matches a list under the input that the
 * arrow keys and Enter operate. Inside a Fluent Field, which labels the input.
 */
export function PeoplePicker({
  value,
  onChange,
  search,
}: {
  value: readonly Person[];
  onChange: (people: Person[]) => void;
  search: (query: string) => Promise<Person[]>;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; people: readonly Person[] } | null>(null);
  // Only the answer to what is typed now counts: older answers would offer the wrong people.
  const matches = found?.query === query ? found.people : null;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      search(query).then(
        (people) => current && setFound({ query, people }),
        () => current && setFound({ query, people: [] }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, search]);

  const chosen = new Set(value.map((p) => String(p.id)));
  const options = (matches ?? []).filter((p) => !chosen.has(String(p.id)));
  const known = new Map<string, Person>(
    [...(matches ?? []), ...value].map((p) => [String(p.id), p]),
  );

  return (
    <TagPicker
      selectedOptions={[...chosen]}
      onOptionSelect={(_, data) => {
        if (data.value === '') return;
        onChange(data.selectedOptions.flatMap((v) => known.get(v) ?? []));
        setQuery('');
      }}
    >
      <TagPickerControl>
        <TagPickerGroup aria-label={t.planRegister.owners}>
          {value.map((p) => (
            <Tag
              key={p.id}
              value={String(p.id)}
              shape="rounded"
              dismissIcon={{ 'aria-label': t.planRegister.removeOwner(p.name) }}
            >
              {p.name}
            </Tag>
          ))}
        </TagPickerGroup>
        <TagPickerInput value={query} onChange={(event) => setQuery(event.target.value)} />
      </TagPickerControl>
      <TagPickerList>
        {matches === null ? (
          <TagPickerOption value="" text="">
            {t.planRegister.ownersSearching}
          </TagPickerOption>
        ) : options.length === 0 ? (
          <TagPickerOption value="" text="">
            {t.planRegister.ownersNoMatch}
          </TagPickerOption>
        ) : (
          options.map((p) => (
            <TagPickerOption
              key={p.id}
              value={String(p.id)}
              text={p.name}
              secondaryContent={p.email || undefined}
            >
              {p.name}
            </TagPickerOption>
          ))
        )}
      </TagPickerList>
    </TagPicker>
  );
}
