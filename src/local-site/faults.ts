/**
 * Injected failures, the site's test hook for retry behaviour: the next `count` matching requests
 * answer `status` (429 and 503 with Retry-After, as SharePoint Online throttles:
 * https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
 * A fault matches by a plain substring of the request's path and query, never a user-supplied
 * regular expression (one catastrophic pattern would stall every request).
 */
import { SharePointError } from './errors';
import { contentType, type SiteAnswer, type SiteRequest } from './http';

/** An injected failure. */
export interface InjectedFault {
  status: number;
  count: number;
  retryAfterSeconds?: number;
  /**
   * A substring of the request's decoded path and query (case-insensitive, as SharePoint's
   * URLs are); default: every `_api` request on the
   * wire. A `$batch` part, or a `_local/graph` request, meets the fault only when `match` names it.
   */
  match?: string;
}

/** The faults of one site. */
export interface Faults {
  add(fault: InjectedFault): void;
  /** The fault that answers this request (its count taken down), if any. */
  take(req: SiteRequest, named: boolean): InjectedFault | null;
}

function target(req: SiteRequest): string {
  const raw = `${req.url.pathname}${req.url.search}`;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

export function createFaults(): Faults {
  const faults: InjectedFault[] = [];
  return {
    add(fault) {
      faults.push({ ...fault });
    },
    take(req, named) {
      const text = target(req);
      const fault = faults.find(
        (f) =>
          f.count > 0 && (f.match === undefined ? !named : text.includes(f.match.toLowerCase())),
      );
      if (!fault) return null;
      fault.count -= 1;
      return fault;
    },
  };
}

/** SharePoint's answer for an injected fault. */
export function faultAnswer(fault: InjectedFault): SiteAnswer {
  const headers: Record<string, string> = { 'content-type': contentType('minimal') };
  if (fault.status === 429 || fault.status === 503) {
    headers['retry-after'] = String(fault.retryAfterSeconds ?? 1);
  }
  const error = new SharePointError(
    fault.status,
    '-1, LocalSite.InjectedFault',
    `Injected fault: HTTP ${fault.status} (local site test hook).`,
  );
  return { status: fault.status, headers, body: error.body() };
}
