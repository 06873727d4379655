import type { StatementContact } from '../features/accessibility/statement-content';

export interface StatementValues {
  readonly VITE_ACCESSIBILITY_ORGANISATION?: string | undefined;
  readonly VITE_ACCESSIBILITY_EMAIL?: string | undefined;
}

/**
 * Who answers for the accessibility statement, from build-time values. Until the region sets
 * them, placeholders on the reserved example domain show what belongs there: the statement must
 * name the public body and a functional mailbox, never a person.
 */
export function statementContact(values: StatementValues): StatementContact {
  const organisation = values.VITE_ACCESSIBILITY_ORGANISATION?.trim();
  const email = values.VITE_ACCESSIBILITY_EMAIL?.trim();
  return {
    organisation: organisation || 'Region Exempel',
    email: email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : 'tillganglighet@region.example',
  };
}
