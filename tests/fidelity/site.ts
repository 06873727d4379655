/**
 * The local site for the fidelity tests: the tiny fixture state (src/local-site/test-fixture.ts),
 * served in-process on a free port, and plain fetch, so the answers are compared exactly as a
 * client sees them on the wire.
 */
import {
  createLocalSite,
  type LocalSite,
  type LocalSiteOptions,
} from '../../src/local-site/local-site';
import {
  FIXTURE_FOLLOW_UP_LIST_ID,
  fixtureState,
  serveSite,
  type FixtureServer,
  FIXTURE_LISTS,
} from '../../src/local-site/test-fixture';

export const NOW = new Date('2021-03-04T05:06:07Z');
/** `…/lists/getByTitle('…')` of the follow-up list, URL-encoded as PnP writes it. */
export const FOLLOW_UPS = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.followUps)}')`;
export const PERIODS = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.periods)}')`;
export const FOLLOW_UP_LIST_ID = FIXTURE_FOLLOW_UP_LIST_ID;
/** A form digest of the shape SharePoint issues (the site checks the shape only). */
export const DIGEST = '0x0123456789ABCDEF,04 Mar 2021 05:06:07 -0000';

export interface Answer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly text: string;
}

export interface TestSite {
  readonly site: LocalSite;
  readonly siteUrl: string;
  /** Sends a request to `<siteUrl>/<path>`; non-GETs carry a form digest unless headers say otherwise. */
  call(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: string },
  ): Promise<Answer>;
  close(): Promise<void>;
}

export async function startSite(options: Partial<LocalSiteOptions> = {}): Promise<TestSite> {
  const site = createLocalSite({ createInitialState: fixtureState, now: () => NOW, ...options });
  const server: FixtureServer = await serveSite(site);
  return {
    site,
    siteUrl: server.siteUrl,
    async call(method, path, { headers = {}, body } = {}) {
      const response = await fetch(`${server.siteUrl}/${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          ...(method === 'GET' ? {} : { 'X-RequestDigest': DIGEST }),
          ...headers,
        },
        ...(body === undefined ? {} : { body }),
      });
      return {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        text: await response.text(),
      };
    },
    close: () => server.close(),
  };
}

export type JsonObject = Record<string, unknown>;

export function json(answer: Answer): JsonObject {
  return JSON.parse(answer.text) as JsonObject;
}

/** The keys of an object that start with `odata.` (the JSON light envelope). */
export function envelopeKeys(body: JsonObject): string[] {
  return Object.keys(body).filter((k) => k.startsWith('odata.'));
}

/** The object without its `odata.*` keys. */
export function withoutEnvelope(body: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('odata.')));
}
