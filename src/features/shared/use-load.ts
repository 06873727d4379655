import { useCallback, useEffect, useState } from 'react';
import { useDataCache } from './data-cache-context';

export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: unknown }
  | { readonly state: 'ready'; readonly data: T };

/**
 * Runs an async load when `key` changes and exposes its result, a retry and a way to replace the
 * data after a save (so a save does not cost a reload). Stale answers of an earlier key are
 * dropped. With `cacheKey`, the result is kept in the app's cache: a later screen asking for the
 * same key gets it at once, without a request (a retry asks again). With `preloadKey`, a request
 * begun at start-up for this key is used instead of a new one (once).
 */
export function useLoad<T>(
  key: string,
  load: () => Promise<T>,
  options: { cacheKey?: string; preloadKey?: string } = {},
): { result: Load<T>; retry: () => void; setData: (update: (data: T) => T) => void } {
  const cache = useDataCache();
  const { cacheKey, preloadKey } = options;
  const cached = (): Load<T> | null => {
    const hit = cache && cacheKey !== undefined ? cache.peek<T>(cacheKey) : undefined;
    return hit ? { state: 'ready', data: hit.data } : null;
  };
  const [attempt, setAttempt] = useState(0);
  // A head start that has already ended is shown in the first drawing (the app draws its first
  // screen once the start-up requests are in, main.tsx), not after a spinner.
  const [result, setResult] = useState<{ key: string; value: Load<T> }>(() => {
    const early = cache && preloadKey !== undefined ? cache.settled<T>(preloadKey) : undefined;
    return early ? { key, value: early } : { key: '', value: { state: 'loading' } };
  });

  useEffect(() => {
    // A cached entry answers at once (and was shown from the cache already, below); one that
    // arrived between the render and this effect is picked up here, so the screen never waits
    // on a render that will not come.
    let current = true;
    const request =
      (cache && preloadKey !== undefined ? cache.take<T>(preloadKey) : undefined) ??
      (cache && cacheKey !== undefined ? cache.load(cacheKey, load) : load());
    // The same outcome as shown (a head start drawn at once) keeps the state: no second drawing.
    const settle = (value: Load<T>) =>
      current &&
      setResult((shown) =>
        shown.key === key && sameOutcome(shown.value, value) ? shown : { key, value },
      );
    request.then(
      (data) => settle({ state: 'ready', data }),
      (error: unknown) => settle({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // `load` is recreated by callers on every render; `key` says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  const retry = useCallback(() => {
    if (cacheKey !== undefined) cache?.invalidate(cacheKey);
    setResult((r) => ({ key: r.key, value: { state: 'loading' } }));
    setAttempt((n) => n + 1);
  }, [cache, cacheKey]);

  const setData = useCallback(
    (update: (data: T) => T) => {
      setResult((r) => {
        const hit = cache && cacheKey !== undefined ? cache.peek<T>(cacheKey) : undefined;
        const base =
          r.key === key && r.value.state === 'ready' ? r.value.data : hit ? hit.data : undefined;
        if (base === undefined) return r;
        const data = update(base);
        if (cache && cacheKey !== undefined) cache.set(cacheKey, data);
        return { key, value: { state: 'ready', data } };
      });
    },
    [cache, cacheKey, key],
  );

  const own = result.key === key ? result.value : null;
  return { result: own ?? cached() ?? { state: 'loading' }, retry, setData };
}

function sameOutcome<T>(a: Load<T>, b: Load<T>): boolean {
  if (a.state === 'ready' && b.state === 'ready') return a.data === b.data;
  if (a.state === 'failed' && b.state === 'failed') return a.error === b.error;
  return false;
}
