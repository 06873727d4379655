import { useCallback, useEffect, useState } from 'react';
import { useDataCache } from './data-cache';

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
  const [result, setResult] = useState<{ key: string; value: Load<T> }>({
    key: '',
    value: { state: 'loading' },
  });

  useEffect(() => {
    // In the cache already: shown from there (below), nothing to ask.
    if (cached()) return;
    let current = true;
    const request =
      (cache && preloadKey !== undefined ? cache.take<T>(preloadKey) : undefined) ??
      (cache && cacheKey !== undefined ? cache.load(cacheKey, load) : load());
    request.then(
      (data) => current && setResult({ key, value: { state: 'ready', data } }),
      (error: unknown) => current && setResult({ key, value: { state: 'failed', error } }),
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
