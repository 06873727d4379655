import type { Service } from '../../domain/errors';
import type { WaitBoard } from './wait-board';

/** How long one attempt may take before it counts as timed out (waits between attempts apart). */
export const ATTEMPT_TIMEOUT_MS = 30_000;
/** The longest wait the app makes before a retry, whatever `Retry-After` asks. */
export const MAX_WAIT_MS = 60_000;
/** Attempts in all: the first and three retries. */
export const MAX_ATTEMPTS = 4;
/** Waits shorter than this are made without a notice. */
const NOTICE_FROM_MS = 2_000;

/**
 * Statuses Microsoft asks clients to retry after a wait (SharePoint's and Graph's throttling
 * docs): 429 and 503 mean the request was not carried out. A 504 may come after the work was
 * done, so it is retried only where a repeat cannot do it twice: a read, or a write bound to a
 * version by If-Match (a repeat of a done write meets 412).
 */
function retriable(status: number, init: RequestInit): boolean {
  if (status === 429 || status === 503) return true;
  if (status !== 504) return false;
  const method = (init.method ?? 'GET').toUpperCase();
  return method === 'GET' || method === 'HEAD' || new Headers(init.headers).has('If-Match');
}

/**
 * The wait `Retry-After` asks for, in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3);
 * null when absent or unreadable.
 */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait before attempt `attempt + 1`: what the service asked, capped; else 1 s, 2 s, 4 s. */
export function waitBefore(response: Response, attempt: number, now: number): number {
  const asked = retryAfterMs(response.headers.get('Retry-After'), now);
  return Math.min(asked ?? 1000 * 2 ** (attempt - 1), MAX_WAIT_MS);
}

export interface FetchWithWaitsOptions {
  readonly service: Service;
  readonly board: WaitBoard;
  readonly fetchFn?: typeof fetch;
  readonly now?: () => number;
  readonly attemptTimeoutMs?: number;
}

/**
 * fetch with Microsoft's throttling rules: a 429, 503 or 504 is retried after the wait the service
 * asks for in `Retry-After` (capped at MAX_WAIT_MS; without the header 1, 2, 4 s), up to
 * MAX_ATTEMPTS in all; the last answer is returned as it is (the caller maps it to "throttled").
 * Each attempt has its own timeout, so a long wait never ends as a timeout. Waits of two seconds or
 * more are on the board, where the user sees a countdown and may cancel (StoreFailure
 * `cancelled`). A network failure is not retried here: the user is told and retries.
 */
export async function fetchWithWaits(
  url: string,
  init: RequestInit,
  options: FetchWithWaitsOptions,
): Promise<Response> {
  const fetchFn = options.fetchFn ?? ((...args) => fetch(...args));
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS;
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetchFn(url, { ...init, signal: attemptSignal(init.signal, timeoutMs) });
    if (!retriable(response.status, init) || attempt >= MAX_ATTEMPTS) return response;
    const wait = waitBefore(response, attempt, now());
    // The body of an answer that will not be read: let the connection go.
    await response.body?.cancel().catch(() => undefined);
    if (wait >= NOTICE_FROM_MS) {
      await options.board.wait(options.service, wait, init.signal);
    } else {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** The caller's signal (if any) and this attempt's own timeout, as one. */
function attemptSignal(caller: AbortSignal | null | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return caller ? AbortSignal.any([caller, timeout]) : timeout;
}
