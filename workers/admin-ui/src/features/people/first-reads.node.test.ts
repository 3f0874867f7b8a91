import { describe, expect, it } from 'vitest';
import { openedAt, recordPreloads } from '../../lib/preload-test-stubs.ts';

// The URLs are written by hand from the page's query (lib/preload-test-stubs.ts says why).
const urls = recordPreloads();

describe('人员 first reads (lib/lazy-page firstReads)', () => {
  it('reads only the page’s filters from the address, in the page’s order, with its page size', async () => {
    const { preloadPeople } = await import('./first-reads.ts');
    preloadPeople(openedAt('status=active&q=王&page=3&kind=党员'));
    expect(urls()).toEqual(['/api/t/hongshan/people?q=王&kind=党员&status=active&limit=20']);
  });
});
