import { describe, expect, it } from 'vitest';
import { openedAt, recordPreloads } from '../../lib/preload-test-stubs.ts';

// The URLs are written by hand from the page's query (lib/preload-test-stubs.ts says why).
const urls = recordPreloads();

describe('党组织管理 first reads (lib/lazy-page firstReads)', () => {
  it('starts every read of a page that makes two', async () => {
    const { preloadOrgs } = await import('./first-reads.ts');
    preloadOrgs(openedAt('under=org_1'));
    expect(urls()).toEqual(['/api/t/hongshan/orgs/tree', '/api/t/hongshan/orgs?under=org_1&limit=20']);
  });
});
