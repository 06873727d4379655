/** Throttled answers compared with "Avoid getting throttled or blocked in SharePoint Online". */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtures, THROTTLED_503_RULE } from '../fixtures/sharepoint-docs';
import { startSite, type TestSite } from './site';

let t: TestSite;
beforeEach(async () => {
  t = await startSite();
});
afterEach(async () => {
  await t.close();
});

describe('throttling', () => {
  it('429 has the documented status line and Retry-After in whole seconds', async () => {
    const documented = fixtures.throttled429.response;
    t.site.injectFault({
      status: 429,
      count: 1,
      retryAfterSeconds: Number(documented.headers['Retry-After']),
    });
    const answer = await t.call('GET', '_api/web');
    expect(answer.status).toBe(documented.status);
    expect(answer.statusText).toBe(documented.statusText);
    expect(answer.headers.get('retry-after')).toBe(documented.headers['Retry-After']);
  });

  it('429 without a configured delay still sends Retry-After as whole seconds', async () => {
    t.site.injectFault({ status: 429, count: 1 });
    const answer = await t.call('GET', '_api/web');
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('503 also carries Retry-After, as the page says', async () => {
    t.site.injectFault({ status: THROTTLED_503_RULE.status, count: 1, retryAfterSeconds: 2 });
    const answer = await t.call('GET', '_api/web');
    expect(answer.status).toBe(503);
    expect(answer.headers.get(THROTTLED_503_RULE.header)).toBe('2');
  });

  it('sends no RateLimit headers (documented difference: SharePoint sends them best-effort)', async () => {
    const documented = fixtures.throttled429RateLimit.response;
    expect(Object.keys(documented.headers)).toContain('RateLimit-Limit');
    t.site.injectFault({ status: 429, count: 1, retryAfterSeconds: 31 });
    const answer = await t.call('GET', '_api/web');
    expect(answer.headers.get('retry-after')).toBe(documented.headers['Retry-After']);
    for (const name of ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']) {
      expect(answer.headers.get(name)).toBeNull();
    }
  });
});
