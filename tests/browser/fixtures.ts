import { test as base } from '@playwright/test';
import { resetSite, TestSite } from './rest';

export { expect } from '@playwright/test';

/**
 * Playwright's `test` with a local SharePoint site of the test's own (`site`), so tests run in
 * parallel workers without sharing a state: a new `/sites/<name>` for every test, put back to the
 * demo data as the test starts (a test repeated on the same worker meets its name again). `page.goto` of
 * an app address opens the app on that site (`TestSite.app`); pages of other contexts get there
 * through `signedIn` (rest.ts).
 */
export const test = base.extend<{ site: TestSite }>({
  site: async ({ request }, provide, testInfo) => {
    // Worker index and test id: unique among the tests of a run, and a safe site name.
    const name = `e2e-w${testInfo.workerIndex}-${testInfo.testId}`
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .slice(0, 63);
    const site = new TestSite(name);
    await resetSite(request, site);
    await provide(site);
  },
  // (The fixtures' callback is `provide`, not `use`: the React hooks lint rule claims that name.)
  page: async ({ page, site }, provide) => {
    const goto = page.goto.bind(page);
    page.goto = (url, options) => goto(site.app(url), options);
    await provide(page);
  },
});
