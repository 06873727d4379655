import { expect, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { JSON_HEADERS, type TestSite } from './rest';

/** Anna's plan in the open period (Delårsrapport augusti 2020) of the demo data. */
export const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;
export const PLAN_ROW = /3\. Övergripande handlingsplan för läkemedel 2020/;

/** Reads an item of the open period straight from the (emulated) SharePoint REST API. */
export async function restItem(request: APIRequestContext, site: TestSite, planKey: string) {
  const response = await request.get(
    `${site.followUps}/items?$select=Id,Status,Comment,InputState,StatusNote&$filter=PlanPeriodKey eq '${planKey}|2020-08'`,
    { headers: JSON_HEADERS },
  );
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { value: Array<Record<string, unknown>> };
  expect(body.value).toHaveLength(1);
  return body.value[0] as Record<string, unknown>;
}

/** Opens a plan's form from the plan list (the page, or the tab inside the Teams stand-in). */
export async function openPlan(page: Page | FrameLocator, name: RegExp) {
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}
