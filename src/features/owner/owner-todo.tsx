import { Badge, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { FollowUp, InputState } from '../../domain/follow-up';
import type { OwnerTodo } from '../../domain/owner-todo';
import { periodLabel, type Period } from '../../domain/period';
import { useI18n } from '../../i18n/i18n';
import { UserText } from '../shared/user-text';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  link: { textAlign: 'start', whiteSpace: 'normal', overflowWrap: 'anywhere' },
  badge: { marginInlineStart: tokens.spacingHorizontalS },
});

const BADGE: Record<InputState, 'danger' | 'warning' | 'success'> = {
  missing: 'danger',
  draft: 'warning',
  submitted: 'success',
};

/**
 * "Du har kvar N av M": the user's follow-ups across every open period, each one not yet
 * submitted a click away from its form (in its own period).
 */
export function OwnerTodoPanel({
  todo,
  periods,
  onOpen,
  className,
}: {
  todo: OwnerTodo;
  periods: readonly Period[];
  onOpen: (followUp: FollowUp) => void;
  className?: string;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  if (todo.total === 0) return null;
  const labelOf = (f: FollowUp) => {
    const period = periods.find((p) => p.key === f.periodKey);
    return period ? periodLabel(period, locale) : f.periodKey;
  };
  return (
    <section className={className} aria-labelledby="owner-todo-heading">
      <h2 id="owner-todo-heading" className={styles.heading}>
        {t.todo.heading}
      </h2>
      <Text block>
        {todo.remaining.length === 0
          ? t.todo.done(todo.total)
          : t.todo.remaining(todo.remaining.length, todo.total)}
      </Text>
      {todo.remaining.length > 0 && (
        <ul className={styles.list}>
          {todo.remaining.map((f) => (
            <li key={f.itemId}>
              <Link as="button" className={styles.link} onClick={() => onOpen(f)}>
                <UserText>{f.title}</UserText> – {labelOf(f)}
              </Link>
              <Badge appearance="tint" color={BADGE[f.inputState]} className={styles.badge}>
                {t.inputState[f.inputState]}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
