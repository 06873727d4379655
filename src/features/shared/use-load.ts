import { useCallback, useEffect, useState } from 'react';

export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: unknown }
  | { readonly state: 'ready'; readonly data: T };

/**
 * Runs an async load when `key` changes and exposes its result, a retry and a way to replace the
 * data after a save (so a save does not cost a reload). Stale answers of an earlier key are
 * dropped.
 */
export function useLoad<T>(
  key: string,
  load: () => Promise<T>,
): { result: Load<T>; retry: () => void; setData: (update: (data: T) => T) => void } {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ key: string; value: Load<T> }>({
    key: '',
    value: { state: 'loading' },
  });

  useEffect(() => {
    let current = true;
    load().then(
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
    setResult((r) => ({ key: r.key, value: { state: 'loading' } }));
    setAttempt((n) => n + 1);
  }, []);

  const setData = useCallback((update: (data: T) => T) => {
    setResult((r) =>
      r.value.state === 'ready'
        ? { key: r.key, value: { state: 'ready', data: update(r.value.data) } }
        : r,
    );
  }, []);

  return { result: result.key === key ? result.value : { state: 'loading' }, retry, setData };
}
