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

describe('党组织管理 first reads (lib/lazy-page firstReads)', () => {
  it('starts every read of a page that makes two', async () => {
    const { preloadOrgs } = await import('./first-reads.ts');
    preloadOrgs(at('under=org_1'));
    expect(urls).toEqual(['/api/t/hongshan/orgs/tree', '/api/t/hongshan/orgs?under=org_1&limit=20']);
  });
});
