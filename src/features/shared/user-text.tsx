import type { ReactNode } from 'react';

/**
 * The language of what users write (plan titles, comments, notes, summaries): the
 * organisation's, Swedish, whatever language the UI is in.
 */
export const CONTENT_LANGUAGE = 'sv';

/**
 * User-written text, marked with its language (WCAG 3.1.2) so that a screen reader reads a
 * Swedish title with Swedish pronunciation in the English UI. Harmless in the Swedish UI.
 */
export function UserText({ children }: { children: ReactNode }) {
  return <span lang={CONTENT_LANGUAGE}>{children}</span>;
}

const SLOT = '\u0000';

/**
 * A UI sentence around user text, e.g. "for 3. Övergripande…": only the user's part is marked
 * Swedish, the sentence keeps the UI's language.
 */
export function UserTextIn({
  template,
  text,
}: {
  template: (text: string) => string;
  text: string;
}) {
  const [before = '', ...rest] = template(SLOT).split(SLOT);
  return (
    <>
      {before}
      <UserText>{text}</UserText>
      {rest.join(text)}
    </>
  );
}
