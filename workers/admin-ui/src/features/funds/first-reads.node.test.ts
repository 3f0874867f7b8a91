import { describe, expect, it } from 'vitest';
import { openedAt, recordPreloads } from '../../lib/preload-test-stubs.ts';

// 经费保障's summary is `fund.summary` (by hand from packages/identity/src/access.ts: the county's and the
// city's organization departments). A preload never asks what the person would be refused.
const urls = recordPreloads();

describe('经费保障 first reads', () => {
  it('inside the app, for one who may read the summary: the summary, once', async () => {
    const { preloadFunds } = await import('./first-reads.ts');
    preloadFunds({ ...openedAt(''), actions: ['fund.summary', 'fund.read'] });
    expect(urls()).toEqual(['/api/t/hongshan/funds/summary']);
  });

  it('inside the app, for a reviewer, a lead secretary or a liaison (no fund.summary): nothing', async () => {
    const { preloadFunds } = await import('./first-reads.ts');
    preloadFunds({ ...openedAt(''), actions: ['fund.read', 'need.create'] });
    expect(urls()).toEqual([]);
  });

  it('at startup, before the permissions are known: the summary, as the page itself would ask', async () => {
    const { preloadFunds } = await import('./first-reads.ts');
    preloadFunds(openedAt(''));
    expect(urls()).toEqual(['/api/t/hongshan/funds/summary']);
  });
});
