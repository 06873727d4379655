import {
  Spinner,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Person } from '../../domain/follow-up';
import { PEOPLE_QUERY_MIN_LENGTH } from '../../domain/plan-register';
import type { PersonCandidate } from '../../domain/ports';
import { useI18n } from '../../i18n/i18n';
import { StatusLine } from '../shared/status-line';

/** How long typing must pause before the directory is searched (ms). */
const SEARCH_DELAY_MS = 250;

const useStyles = makeStyles({
  problem: { color: tokens.colorPaletteRedForeground1 },
});

type Found =
  | { readonly query: string; readonly people: readonly PersonCandidate[] }
  | { readonly query: string; readonly failed: true };

type Adding =
  | { readonly step: 'idle' }
  | { readonly step: 'adding'; readonly name: string }
  | { readonly step: 'failed'; readonly name: string };

/**
 * Chooses people by searching the organisation's directory as one types (debounced); a chosen
 * person is first added to the site (`ensure`), since only a user of the site can be an owner.
 * The chosen people are tags (Backspace or Delete removes the focused one), the matches a list
 * under the input that the arrow keys and Enter operate. Inside a Fluent Field, which labels the
 * input. `onAdding` hears of a person being added to the site (settled once they are chosen or
 * the adding failed) and of the end of it (`null`), so that a form can wait before it saves.
 */
export function PeoplePicker({
  value,
  onChange,
  search,
  ensure,
  onAdding,
}: {
  value: readonly Person[];
  onChange: (people: Person[]) => void;
  search: (query: string) => Promise<PersonCandidate[]>;
  ensure: (candidate: PersonCandidate) => Promise<Person>;
  onAdding?: (adding: Promise<void> | null) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [adding, setAdding] = useState<Adding>({ step: 'idle' });
  const tooShort = query.trim().length < PEOPLE_QUERY_MIN_LENGTH;
  // Only the answer to what is typed now counts: older answers would offer the wrong people.
  const answer = found?.query === query ? found : null;

  useEffect(() => {
    if (query.trim().length < PEOPLE_QUERY_MIN_LENGTH) return;
    let current = true;
    const timer = setTimeout(() => {
      search(query).then(
        (people) => current && setFound({ query, people }),
        () => current && setFound({ query, failed: true }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, search]);

  // The directory knows the chosen people too: offer only the others (same UPN, same person).
  const chosenUpns = new Set(value.map((p) => p.upn.toLowerCase()).filter((u) => u !== ''));
  const options =
    answer && 'people' in answer
      ? answer.people.filter((c) => c.upn === '' || !chosenUpns.has(c.upn.toLowerCase()))
      : [];

  const choose = (candidate: PersonCandidate) => {
    setQuery('');
    setAdding({ step: 'adding', name: candidate.name });
    const added = ensure(candidate).then(
      (person) => {
        if (!value.some((p) => p.id === person.id)) onChange([...value, person]);
        setAdding({ step: 'idle' });
      },
      () => setAdding({ step: 'failed', name: candidate.name }),
    );
    onAdding?.(added);
    void added.finally(() => onAdding?.(null));
  };

  const placeholder = (text: string) => (
    <TagPickerOption value="" text="">
      {text}
    </TagPickerOption>
  );

  return (
    <>
      <TagPicker
        selectedOptions={value.map((p) => String(p.id))}
        onOptionSelect={(_, data) => {
          // One person at a time: a second choice would be added to the owners of before the first.
          if (data.value === '' || adding.step === 'adding') return;
          const candidate = options.find((c) => c.key === data.value);
          if (candidate) {
            choose(candidate);
            return;
          }
          // Not a match offered now: a tag removed (its value is the person's site id).
          onChange(value.filter((p) => String(p.id) !== data.value));
        }}
      >
        {/* Fluent names the chevron "Open" in English whatever the language: name it here. */}
        <TagPickerControl
          expandIcon={{
            'aria-label': t.planRegister.ownersExpand,
            children: <ChevronDownRegular />,
          }}
        >
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
          {tooShort
            ? placeholder(t.planRegister.ownersTypeMore)
            : answer === null
              ? placeholder(t.planRegister.ownersSearching)
              : 'failed' in answer
                ? placeholder(t.planRegister.ownersSearchFailed)
                : options.length === 0
                  ? placeholder(t.planRegister.ownersNoMatch)
                  : options.map((c) => (
                      <TagPickerOption
                        key={c.key}
                        value={c.key}
                        text={c.name}
                        secondaryContent={c.upn || undefined}
                      >
                        {c.name}
                      </TagPickerOption>
                    ))}
        </TagPickerList>
      </TagPicker>
      <StatusLine>
        {adding.step === 'adding' && (
          <Spinner size="tiny" label={t.planRegister.ownersAdding(adding.name)} />
        )}
      </StatusLine>
      {adding.step === 'failed' && (
        <Text role="alert" className={styles.problem}>
          {t.planRegister.ownersAddFailed(adding.name)}
        </Text>
      )}
    </>
  );
}
