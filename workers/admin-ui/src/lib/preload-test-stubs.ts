import { beforeEach, vi } from 'vitest';

// For the first-reads tests beside each feature (docs/adr/0031; the helper under test is lib/lazy-page.ts).
// A page's preload is built from its first reads: the page's own filters read from the address being
// opened, the page's own calls, started as reads the page then takes over. The tests write the URLs by
// hand from each page's query: a preload that asks anything else is a request the page never uses.

/**
 * Stands in for fetch (recording each URL asked, decoded, never answering) and sessionStorage (a signed-in
 * token), and loads modules afresh for each test. Returns the URLs asked in the current test.
 */
export function recordPreloads(): () => string[] {
  let urls: string[] = [];
  beforeEach(() => {
    vi.resetModules();
    urls = [];
    const store = new Map<string, string>([['ronghe.token', 't1']]);
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    });
    vi.stubGlobal('fetch', (url: string) => {
      urls.push(decodeURIComponent(url));
      return new Promise<Response>(() => undefined);
    });
    return () => vi.unstubAllGlobals();
  });
  return () => urls;
}

/** The address a preload is asked for: 红山区 and the given query string. */
export const openedAt = (search: string) => ({ tenant: 'hongshan', search: new URLSearchParams(search) });
