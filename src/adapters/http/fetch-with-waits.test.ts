import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isStoreFailure } from '../../domain/errors';
import { fetchWithWaits, MAX_ATTEMPTS, MAX_WAIT_MS, retryAfterMs } from './fetch-with-waits';
import { WaitBoard } from './wait-board';

function answer(status: number, retryAfter?: string): Response {
  return new Response(status === 200 ? '{}' : 'busy', {
    status,
    headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
  });
}

/** A fetch that answers the given responses in turn, recording each call's time. */
function scripted(...responses: Response[]) {
  const calls: number[] = [];
  const fetchFn = vi.fn(async () => {
    calls.push(Date.now());
    const next = responses.shift();
    if (!next) throw new Error('no more answers');
    return next;
  });
  return { fetchFn: fetchFn as unknown as typeof fetch, calls };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-12-03T08:00:00Z');
    expect(retryAfterMs('45', now)).toBe(45_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Thu, 03 Dec 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 03 Dec 2026 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe('fetchWithWaits', () => {
  it('waits what Retry-After asks, on the board, then retries and returns the answer', async () => {
    const board = new WaitBoard();
    const { fetchFn, calls } = scripted(answer(429, '45'), answer(200));
    const done = fetchWithWaits(
      'https://sp/x',
      { method: 'GET' },
      { service: 'sharepoint', board, fetchFn },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(board.current()).toMatchObject([{ service: 'sharepoint', until: calls[0]! + 45_000 }]);
    await vi.advanceTimersByTimeAsync(44_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await done).status).toBe(200);
    expect(calls[1]! - calls[0]!).toBe(45_000);
    expect(board.current()).toEqual([]);
  });

  it('caps a long Retry-After, and a wait longer than the attempt timeout is no timeout', async () => {
    const board = new WaitBoard();
    const { fetchFn, calls } = scripted(answer(503, '600'), answer(200));
    const done = fetchWithWaits(
      'https://sp/x',
      { method: 'GET' },
      { service: 'sharepoint', board, fetchFn, attemptTimeoutMs: 30_000 },
    );
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect((await done).status).toBe(200);
    expect(calls[1]! - calls[0]!).toBe(MAX_WAIT_MS);
  });

  it('gives up after MAX_ATTEMPTS and returns the last throttled answer', async () => {
    const board = new WaitBoard();
    const { fetchFn } = scripted(
      ...Array.from({ length: MAX_ATTEMPTS + 1 }, () => answer(429, '1')),
    );
    const done = fetchWithWaits(
      'https://sp/x',
      { method: 'GET' },
      { service: 'graph', board, fetchFn },
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await done).status).toBe(429);
    expect(fetchFn).toHaveBeenCalledTimes(MAX_ATTEMPTS);
  });

  it('without Retry-After waits 1, 2, 4 s', async () => {
    const board = new WaitBoard();
    const { fetchFn, calls } = scripted(answer(503), answer(503), answer(503), answer(200));
    const done = fetchWithWaits(
      'https://sp/x',
      { method: 'GET' },
      { service: 'sharepoint', board, fetchFn },
    );
    await vi.advanceTimersByTimeAsync(7_000);
    expect((await done).status).toBe(200);
    expect(calls.slice(1).map((t, i) => t - calls[i]!)).toEqual([1000, 2000, 4000]);
  });

  it('retries a 504 only where a repeat cannot do the work twice', async () => {
    const board = new WaitBoard();
    const post = scripted(answer(504), answer(200));
    const created = fetchWithWaits(
      'https://sp/x',
      { method: 'POST' },
      { service: 'sharepoint', board, fetchFn: post.fetchFn },
    );
    expect((await created).status).toBe(504);
    const merge = scripted(answer(504), answer(200));
    const merged = fetchWithWaits(
      'https://sp/x',
      { method: 'POST', headers: { 'IF-MATCH': '"3"', 'X-HTTP-Method': 'MERGE' } },
      { service: 'sharepoint', board, fetchFn: merge.fetchFn },
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await merged).status).toBe(200);
  });

  it('a cancelled wait fails as cancelled, naming the service, and sends nothing more', async () => {
    const board = new WaitBoard();
    const { fetchFn } = scripted(answer(429, '45'), answer(200));
    const done = fetchWithWaits(
      'https://graph/x',
      { method: 'POST' },
      { service: 'graph', board, fetchFn },
    );
    const failed = done.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    board.current()[0]!.cancel();
    const error = await failed;
    expect(isStoreFailure(error) && error.kind).toBe('cancelled');
    expect(isStoreFailure(error) && error.service).toBe('graph');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(board.current()).toEqual([]);
  });

  it('a short wait is made without a notice', async () => {
    const board = new WaitBoard();
    const seen = vi.fn();
    board.subscribe(seen);
    const { fetchFn } = scripted(answer(429, '1'), answer(200));
    const done = fetchWithWaits(
      'https://sp/x',
      { method: 'GET' },
      { service: 'sharepoint', board, fetchFn },
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await done).status).toBe(200);
    expect(seen).not.toHaveBeenCalled();
  });
});
