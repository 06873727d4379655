import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

/** Talking to the local site's SharePoint REST API directly, as another client could. */
export const SITE = '/sites/planuppfoljning';
export const FOLLOW_UPS = `${SITE}/_api/web/lists/getByTitle('Uppf%C3%B6ljning%20handlingsplaner')`;
export const JSON_HEADERS = { Accept: 'application/json;odata=nometadata' };

/**
 * A MERGE of a follow-up item as SharePoint's REST API takes it: a request digest from
 * contextinfo, IF-MATCH * (no concurrency check), as the signed-in user of `request`.
 */
export async function directMerge(
  request: APIRequestContext,
  itemId: number,
  data: Record<string, unknown>,
) {
  const contextInfo = await request.post(`${SITE}/_api/contextinfo`, { headers: JSON_HEADERS });
  expect(contextInfo.ok()).toBe(true);
  const { FormDigestValue } = (await contextInfo.json()) as { FormDigestValue: string };
  return request.post(`${FOLLOW_UPS}/items(${itemId})`, {
    headers: {
      ...JSON_HEADERS,
      'Content-Type': 'application/json;charset=utf-8',
      'X-HTTP-Method': 'MERGE',
      'IF-MATCH': '*',
      'X-RequestDigest': FormDigestValue,
    },
    data,
  });
}

/** A page of its own (a fresh context) signed in to the local site as `userId`, opened at `path`. */
export async function signedIn(browser: Browser, userId: number, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  expect((await page.request.post(`${SITE}/_local/signin`, { data: { userId } })).ok()).toBe(true);
  await page.goto(path);
  return page;
}
