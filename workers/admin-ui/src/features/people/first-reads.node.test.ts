import { beforeEach, describe, expect, it, vi } from 'vitest';

// A page's preload is built from its first reads (docs/adr/0031; the helper is lib/lazy-page.ts): the page's own filters read from
// the address being opened, the page's own calls, started as reads the page then takes over. The
// URLs below are written by hand from each page's query: a preload that asks anything else is a
// request the page never uses. fetch and sessionStorage are stood in for; each test loads afresh.

let urls: string[];

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

const at = (search: string) => ({ tenant: 'hongshan', search: new URLSearchParams(search) });

describe('人员 first reads (lib/lazy-page firstReads)', () => {
  it('reads only the page’s filters from the address, in the page’s order, with its page size', async () => {
    const { preloadPeople } = await import('./first-reads.ts');
    preloadPeople(at('status=active&q=王&page=3&kind=党员'));
    expect(urls).toEqual(['/api/t/hongshan/people?q=王&kind=党员&status=active&limit=20']);
  });
});
