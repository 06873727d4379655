import { describe, expect, it, vi } from 'vitest';
import { DataCache } from './data-cache';

describe('DataCache', () => {
  it('asks once: a loaded entry and a request under way are shared', async () => {
    const cache = new DataCache();
    const load = vi.fn(() => Promise.resolve(42));
    const [a, b] = await Promise.all([cache.load('k', load), cache.load('k', load)]);
    expect([a, b]).toEqual([42, 42]);
    expect(await cache.load('k', load)).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.peek('k')).toEqual({ data: 42 });
  });

  it('keeps no failure: the next caller asks again', async () => {
    const cache = new DataCache();
    await expect(cache.load('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.peek('k')).toBeUndefined();
    expect(await cache.load('k', () => Promise.resolve('up'))).toBe('up');
  });

  it('invalidates: a request under way then no longer fills the entry', async () => {
    const cache = new DataCache();
    let resolve: (v: string) => void = () => undefined;
    const slow = cache.load('k', () => new Promise<string>((r) => (resolve = r)));
    cache.invalidate('k');
    resolve('old');
    await slow;
    expect(cache.peek('k')).toBeUndefined();
    expect(await cache.load('k', () => Promise.resolve('new'))).toBe('new');
  });

  it('hands a head start to the first taker only', async () => {
    const cache = new DataCache();
    cache.preload('f', Promise.resolve([1, 2]));
    expect(await cache.take('f')).toEqual([1, 2]);
    expect(cache.take('f')).toBeUndefined();
  });

  it('tells how a head start ended once it has, without handing it out', async () => {
    const cache = new DataCache();
    let resolve: (v: number[]) => void = () => undefined;
    cache.preload('f', new Promise<number[]>((r) => (resolve = r)));
    cache.preload('g', Promise.reject(new Error('offline')));
    expect(cache.settled('f')).toBeUndefined();
    resolve([1, 2]);
    await Promise.resolve();
    await Promise.resolve();
    expect(cache.settled('f')).toEqual({ state: 'ready', data: [1, 2] });
    expect(cache.settled('g')).toEqual({ state: 'failed', error: new Error('offline') });
    expect(await cache.take('f')).toEqual([1, 2]);
    expect(cache.settled('f')).toBeUndefined();
  });

  it('does not report a failed head start nobody took as unhandled', async () => {
    const cache = new DataCache();
    const failing = Promise.reject(new Error('offline'));
    cache.preload('f', failing);
    await expect(cache.take('f')).rejects.toThrow('offline');
  });
});
