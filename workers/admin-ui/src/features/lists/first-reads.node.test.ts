import { describe, expect, it } from 'vitest';
import { openedAt, recordPreloads } from '../../lib/preload-test-stubs.ts';

// The URLs are written by hand from the page's query (lib/preload-test-stubs.ts says why).
const urls = recordPreloads();

describe('项目清单 first reads (lib/lazy-page firstReads)', () => {
  it('项目清单 asks its whole board in one request; a status filter or the table view asks that list', async () => {
    const { preloadProjects } = await import('./first-reads.ts');
    preloadProjects(openedAt('overdue=true'));
    preloadProjects(openedAt('status=cancelled'));
    preloadProjects(openedAt('view=table&q=助老'));
    expect(urls()).toEqual([
      '/api/t/hongshan/projects/board?overdue=true&limit=12',
      '/api/t/hongshan/projects?status=cancelled&limit=12',
      '/api/t/hongshan/projects?q=助老&limit=20',
    ]);
  });
});
