import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EARLY_READ_ACTIONS, EARLY_READS } from './early-reads.ts';

// src/early-session.js runs before the app: for a signed-in visitor it starts the session's two
// reads and, for a main page opened at its plain address, that page's first reads (src/early-reads.ts,
// carried in index.html by vite.config.ts). Run here in a bare context standing in for the page.
const SCRIPT = readFileSync(new URL('./early-session.js', import.meta.url), 'utf8');

/** The browser's clock at a given local date and time: `new Date()` is then, any other call as usual. */
function clockAt(y: number, m: number, d: number, h = 12): DateConstructor {
  const at = new Date(y, m - 1, d, h).getTime();
  return class extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(at);
      else super(...(args as [number, number, number]));
    }
  } as DateConstructor;
}

/** `actions`: what the tab kept of GET /tenants (src/api/client.ts knownActions), as its stored text. */
function open(path: string, search = '', token: string | null = 't1', clock: DateConstructor = Date, actions: string | null = null) {
  const fetched: { url: string; auth: string }[] = [];
  const blocks: Record<string, string> = {
    'ronghe-early-reads': JSON.stringify(EARLY_READS),
    'ronghe-early-read-actions': JSON.stringify(EARLY_READ_ACTIONS),
    'ronghe-signed-in': '["/assets/AppLayout.js"]',
    'ronghe-page-files': '{"orgs":["/assets/OrgsPage.js"],"audit":["/assets/AuditPage.js","/assets/app-antd.js"]}',
  };
  const links: string[] = [];
  const window: Record<string, unknown> = {
    fetch: (url: string, init: { headers: { authorization: string } }) => {
      fetched.push({ url, auth: init.headers.authorization });
      return Promise.resolve({});
    },
  };
  runInNewContext(SCRIPT, {
    window,
    fetch: window.fetch,
    sessionStorage: { getItem: (k: string) => (k === 'ronghe.token' ? token : k === 'ronghe.actions' ? actions : null) },
    location: { pathname: path, search },
    Date: clock,
    performance: { now: () => 12 },
    document: {
      getElementById: (id: string) => (id in blocks ? { textContent: blocks[id] } : null),
      createElement: () => ({}),
      head: { appendChild: (l: { href: string }) => void links.push(l.href) },
    },
  });
  const early = window.__rongheEarly as { reads: Record<string, unknown> } | undefined;
  return { fetched, links, reads: early ? Object.keys(early.reads) : [] };
}

describe('early-session.js', () => {
  it('starts the opened main page’s own files beside the layout’s, whatever its query string; another page only the layout’s', () => {
    expect(open('/t/hongshan/audit', '?action=org.update').links).toEqual(['/assets/AppLayout.js', '/assets/AuditPage.js', '/assets/app-antd.js']);
    expect(open('/t/hongshan/red').links).toEqual(['/assets/AppLayout.js']);
    expect(open('/login').links).toEqual(['/assets/AppLayout.js']);
  });

  it('opening 党组织管理 at its address starts the session’s reads and the page’s two, with the token', () => {
    const { fetched, reads, links } = open('/t/hongshan/orgs');
    expect(fetched).toEqual([
      { url: '/api/me', auth: 'Bearer t1' },
      { url: '/api/tenants', auth: 'Bearer t1' },
      { url: '/api/t/hongshan/orgs/tree', auth: 'Bearer t1' },
      { url: '/api/t/hongshan/orgs?limit=20', auth: 'Bearer t1' },
    ]);
    expect(reads).toEqual(fetched.map((f) => f.url));
    expect(links).toEqual(['/assets/AppLayout.js', '/assets/OrgsPage.js']);
  });

  it('with filters in the address, or on a page not in the table, only the session’s reads start', () => {
    expect(open('/t/hongshan/orgs', '?q=社区').reads).toEqual(['/api/me', '/api/tenants']);
    expect(open('/t/hongshan/meetings').reads).toEqual(['/api/me', '/api/tenants']);
    expect(open('/t/hongshan/needs/need_1').reads).toEqual(['/api/me', '/api/tenants']);
    expect(open('/t/hongshan/constructor').reads).toEqual(['/api/me', '/api/tenants']);
  });

  it('opening 联合体活动 asks for this month by the browser’s clock, to its last day', () => {
    const session = ['/api/me', '/api/tenants'];
    expect(open('/t/hongshan/activities', '', 't1', clockAt(2026, 12, 6)).reads).toEqual([...session, '/api/t/hongshan/activities?from=2026-12-01&to=2026-12-31&page=1&limit=20']);
    // A leap February, a thirty-day month, and the month's last evening.
    expect(open('/t/hongshan/activities', '', 't1', clockAt(2028, 2, 10)).reads[2]).toBe('/api/t/hongshan/activities?from=2028-02-01&to=2028-02-29&page=1&limit=20');
    expect(open('/t/hongshan/activities', '', 't1', clockAt(2027, 2, 10)).reads[2]).toBe('/api/t/hongshan/activities?from=2027-02-01&to=2027-02-28&page=1&limit=20');
    expect(open('/t/hongshan/activities', '', 't1', clockAt(2026, 11, 30, 23)).reads[2]).toBe('/api/t/hongshan/activities?from=2026-11-01&to=2026-11-30&page=1&limit=20');
  });

  it('a read the person would be refused is skipped when the tab kept their actions (经费保障’s summary)', () => {
    const session = ['/api/me', '/api/tenants'];
    const summary = '/api/t/hongshan/funds/summary';
    // A reviewer: no fund.summary in 红山区 (the county administrator's actions elsewhere change nothing).
    const reviewer = JSON.stringify({ hongshan: ['fund.read', 'org.read'], songshan: ['fund.summary'] });
    expect(open('/t/hongshan/funds', '', 't1', Date, reviewer).reads).toEqual(session);
    // The county's administrator may read it; nothing kept in this tab (or unreadable): started, as before.
    expect(open('/t/hongshan/funds', '', 't1', Date, JSON.stringify({ hongshan: ['fund.summary'] })).reads).toEqual([...session, summary]);
    expect(open('/t/hongshan/funds').reads).toEqual([...session, summary]);
    expect(open('/t/hongshan/funds', '', 't1', Date, '{not json').reads).toEqual([...session, summary]);
    // A tenant the kept actions do not name: started (the server decides).
    expect(open('/t/hongshan/funds', '', 't1', Date, JSON.stringify({ songshan: [] })).reads).toEqual([...session, summary]);
    // Reads no action guards are started whatever was kept.
    expect(open('/t/hongshan/orgs', '', 't1', Date, reviewer).reads).toEqual([...session, '/api/t/hongshan/orgs/tree', '/api/t/hongshan/orgs?limit=20']);
  });

  it('without a session nothing is asked', () => {
    const { fetched, links } = open('/t/hongshan/orgs', '', null);
    expect(fetched).toEqual([]);
    expect(links).toEqual([]);
  });
});
