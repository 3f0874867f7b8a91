import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A page's first reads started ahead (docs/adr/0031): the page's own identical GET takes the
// answer over instead of asking again, but never another user's, never after a write, and
// the sidebar's hints wait for the page's reads. The browser's fetch and sessionStorage are
// stood in for; each test loads the module afresh (its early answers are module state).

interface Call {
  url: string;
  method: string;
  auth: string | undefined;
}

let calls: Call[];
let answers: { resolve: (r: Response) => void }[];
const store = new Map<string, string>();

beforeEach(() => {
  vi.resetModules();
  calls = [];
  answers = [];
  store.clear();
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  vi.stubGlobal('fetch', (url: string, init: RequestInit & { headers: Record<string, string> }) => {
    calls.push({ url, method: init.method ?? 'GET', auth: init.headers.authorization });
    return new Promise<Response>((resolve) => answers.push({ resolve }));
  });
});
afterEach(() => vi.unstubAllGlobals());

const answerAll = (body: unknown) => {
  for (const a of answers.splice(0)) a.resolve(new Response(JSON.stringify(body), { status: 200 }));
};
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('reads started ahead of the page', () => {
  it('the page’s identical GET takes the started request over: one request, the page gets its answer', async () => {
    const { get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    prefetch(() => get('/t/hongshan/needs', { limit: 20 }));
    expect(calls).toEqual([{ url: '/api/t/hongshan/needs?limit=20', method: 'GET', auth: 'Bearer t1' }]);
    const page = get<{ items: string[] }>('/t/hongshan/needs', { limit: 20 });
    answerAll({ items: ['n1'] });
    expect(await page).toEqual({ items: ['n1'] });
    expect(calls).toHaveLength(1);
  });

  it('an answer is taken over once: the next identical GET asks the server again', async () => {
    const { get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    prefetch(() => get('/t/hongshan/orgs'));
    const first = get('/t/hongshan/orgs');
    answerAll({ n: 1 });
    await first;
    const second = get('/t/hongshan/orgs');
    expect(calls).toHaveLength(2);
    answerAll({ n: 2 });
    expect(await second).toEqual({ n: 2 });
  });

  it('asked twice ahead (the click, then the navigation), one request is sent', async () => {
    const { get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    prefetch(() => get('/t/hongshan/audit', { limit: 30 }));
    prefetch(() => get('/t/hongshan/audit', { limit: 30 }));
    expect(calls).toHaveLength(1);
  });

  it('a different URL, or another token, is not served a started answer', async () => {
    const { get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    prefetch(() => get('/t/hongshan/people', { limit: 20 }));
    void get('/t/hongshan/people', { limit: 20, q: '王' }).catch(() => undefined);
    tokenStore.set('t2');
    void get('/t/hongshan/people', { limit: 20 }).catch(() => undefined);
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ['/api/t/hongshan/people?limit=20', 'Bearer t1'],
      ['/api/t/hongshan/people?limit=20&q=%E7%8E%8B', 'Bearer t1'],
      ['/api/t/hongshan/people?limit=20', 'Bearer t2'],
    ]);
  });

  it('after a write, a read started before it is not used', async () => {
    const { api, get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    prefetch(() => get('/t/hongshan/needs', { limit: 20 }));
    void api('POST', '/t/hongshan/needs', { json: { title: '新需求' } }).catch(() => undefined);
    void get('/t/hongshan/needs', { limit: 20 }).catch(() => undefined);
    expect(calls.map((c) => c.method)).toEqual(['GET', 'POST', 'GET']);
  });

  it('a preload never sends a write', async () => {
    const { api, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    prefetch(() => api('POST', '/t/hongshan/supervision/run', { json: {} }));
    expect(calls).toEqual([]);
  });
});

describe('hints wait for the page’s reads', () => {
  it('a hint starts only once the page’s read in flight is answered', async () => {
    const { afterPageReads, get, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    const page = get('/t/hongshan/workbench');
    let hinted = false;
    const hint = afterPageReads(() => ((hinted = true), get('/t/hongshan/workbench/counts')));
    await tick();
    await tick();
    expect(hinted).toBe(false);
    expect(calls.map((c) => c.url)).toEqual(['/api/t/hongshan/workbench']);
    answerAll({ figures: {} });
    await page;
    await tick();
    expect(hinted).toBe(true);
    expect(calls.map((c) => c.url)).toEqual(['/api/t/hongshan/workbench', '/api/t/hongshan/workbench/counts']);
    answerAll({ todoCount: 3 });
    expect(await hint).toEqual({ todoCount: 3 });
  });

  it('with nothing in flight a hint starts at once', async () => {
    const { afterPageReads, get, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    void afterPageReads(() => get('/t/hongshan/filings', { state: 'unread', limit: 1 })).catch(() => undefined);
    await tick();
    await tick();
    expect(calls.map((c) => c.url)).toEqual(['/api/t/hongshan/filings?state=unread&limit=1']);
  });
});

describe('a page drawn with its first answer (firstAnswer)', () => {
  // Lets the answer's arrival and the reading of its body run.
  const settle = async () => {
    for (let i = 0; i < 5; i++) await tick();
  };

  it('an answered read is at hand at once, its own steps applied, and nothing more is sent', async () => {
    const { firstAnswer, get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    const tree = () => get<{ items: string[] }>('/t/hongshan/orgs/tree').then((r) => r.items);
    prefetch(tree);
    answerAll({ items: ['红山区委', '铁南街道党工委'] });
    await settle();
    expect(firstAnswer(tree)?.value).toEqual(['红山区委', '铁南街道党工委']);
    expect(calls).toHaveLength(1);
  });

  it('an answer started ahead is read once, whether it is at hand or the page’s GET takes it over', async () => {
    const { get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    prefetch(() => get('/t/hongshan/orgs/tree'));
    const answer = new Response(JSON.stringify({ items: ['红山区委'] }), { status: 200 });
    const text = vi.spyOn(answer, 'text');
    const clone = vi.spyOn(answer, 'clone');
    answers.splice(0)[0]!.resolve(answer);
    expect(await get('/t/hongshan/orgs/tree')).toEqual({ items: ['红山区委'] });
    expect(text).toHaveBeenCalledTimes(1);
    expect(clone).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
  });

  it('an answer is used once: until the page drawn with it is on screen it stays at hand, after that the same read asks the server', async () => {
    const { firstAnswer, get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    const list = () => get<{ items: string[] }>('/t/hongshan/people', { limit: 20 });
    prefetch(list);
    answerAll({ items: ['张三'] });
    await settle();
    const drawn = firstAnswer(list);
    // React threw that draw away and draws the page again: the answer is still there, no second request.
    const again = firstAnswer(list);
    expect(again?.value).toEqual({ items: ['张三'] });
    expect(calls).toHaveLength(1);
    again!.use();
    drawn!.use();
    expect(firstAnswer(list)).toBeUndefined();
    void list().catch(() => undefined);
    expect(calls).toHaveLength(2);
  });

  it('not yet answered: nothing at hand, and the page’s own GET still takes the started request', async () => {
    const { firstAnswer, get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    const list = () => get<{ items: string[] }>('/t/hongshan/audit', { limit: 30 });
    prefetch(list);
    expect(firstAnswer(list)).toBeUndefined();
    const page = list();
    answerAll({ items: ['登录'] });
    expect(await page).toEqual({ items: ['登录'] });
    expect(calls).toHaveLength(1);
  });

  it('a refusal is never at hand: the page’s GET gets the problem to show', async () => {
    const { ApiError, firstAnswer, get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    const summary = () => get('/t/hongshan/funds/summary');
    prefetch(summary);
    for (const a of answers.splice(0)) {
      a.resolve(new Response(JSON.stringify({ title: '无权操作', detail: '当前角色不能查看经费汇总', status: 403, code: 'forbidden' }), { status: 403 }));
    }
    await settle();
    expect(firstAnswer(summary)).toBeUndefined();
    const refused = await summary().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as InstanceType<typeof ApiError>).problem.detail).toBe('当前角色不能查看经费汇总');
    expect(calls).toHaveLength(1);
  });

  it('another user’s answer, or one from before a write, is not at hand', async () => {
    const { api, firstAnswer, get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    const needs = () => get('/t/hongshan/needs', { limit: 20 });
    const orgs = () => get('/t/hongshan/orgs', { limit: 20 });
    prefetch(needs, orgs);
    answerAll({ items: [] });
    await settle();
    tokenStore.set('t2');
    expect(firstAnswer(needs)).toBeUndefined();
    tokenStore.set('t1');
    void api('POST', '/t/hongshan/needs', { json: { title: '新需求' } }).catch(() => undefined);
    expect(firstAnswer(orgs)).toBeUndefined();
  });

  it('looking sends nothing: a read not started ahead, a read that awaits, a write', async () => {
    const { api, firstAnswer, get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    const detail = async () => (await get<{ id: string }>('/t/hongshan/orgs/org_1')).id;
    prefetch(detail);
    answerAll({ id: 'org_1' });
    await settle();
    expect(firstAnswer(() => get('/t/hongshan/alliances', { limit: 20 }))).toBeUndefined();
    expect(firstAnswer(detail)).toBeUndefined();
    expect(firstAnswer(() => api('POST', '/t/hongshan/supervision/run', { json: {} }))).toBeUndefined();
    expect(calls.map((c) => c.url)).toEqual(['/api/t/hongshan/orgs/org_1']);
  });

  it('the startup waits for the started reads to be answered, and no longer than it was told', async () => {
    const { earlyAnswers, get, prefetch, tokenStore } = await import('./client.ts');
    tokenStore.set('t1');
    prefetch(() => get('/t/hongshan/workbench'));
    let done = false;
    void earlyAnswers(60_000).then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    answerAll({ figures: {} });
    await settle();
    expect(done).toBe(true);

    prefetch(() => get('/t/hongshan/people', { limit: 20 }));
    const started = Date.now();
    await earlyAnswers(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
