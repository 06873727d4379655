import { expect, type APIRequestContext } from '@playwright/test';
import { directMerge, followUpId, signIn, type TestSite } from './rest';

/**
 * Long content, as people write it and as the demo data never has it: the audit's cases for
 * scrolling boxes, editors and dialogs that short texts never fill.
 */

/** The coordinator, Karin: "another user" than the owner, Anna. */
const KARIN = 7;

/** A comment of `count` paragraphs, each numbered so a test can find the first and the last. */
export function paragraphsComment(count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `<p>Stycke ${i + 1}: Arbetet med planens aktiviteter har följts upp med verksamheterna, ` +
      `och kostnaderna redovisas månadsvis till förvaltningsledningen.</p>`,
  ).join('');
}

/**
 * A comment a little under the limit of 10 000 characters of text (COMMENT_MAX_TEXT_LENGTH): 50
 * paragraphs of 196 characters, 9 849 as the form counts them (a space between paragraphs).
 */
export function nearLimitComment(): string {
  const sentence =
    'Åtgärden genomförs enligt plan och följs upp vid varje tertial av samordnaren. ';
  const paragraph = (i: number) =>
    `Del ${String(i + 1).padStart(2, '0')}. ${sentence.repeat(3)}`.slice(0, 196);
  return Array.from({ length: 50 }, (_, i) => `<p>${paragraph(i)}</p>`).join('');
}

/**
 * Another user (the coordinator, on the test's own request context) saves `comment` on a
 * follow-up (`lakemedel|2020-08`), as another client could while the owner has the form open.
 */
export async function anotherUserWrites(
  request: APIRequestContext,
  site: TestSite,
  comment: string,
  planPeriodKey = 'lakemedel|2020-08',
) {
  await signIn(request, site, KARIN);
  const id = await followUpId(request, site, planPeriodKey);
  expect((await directMerge(request, site, id, { Comment: comment })).status()).toBe(204);
}
