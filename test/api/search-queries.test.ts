import { describe, expect, it } from 'vitest';
import { makeApiKey, makeFixture, makeOrg, makeUser } from '../support/factories.ts';
import { makeAlliance } from '../support/alliance-factories.ts';
import { makeNeed, makeProject, makeResource } from '../support/list-factories.ts';
import { mountedOperations, type Operation } from '../support/mounted-routes.ts';
import { ROUTE_CASES } from '../support/route-cases.ts';
import { strictCall, type Usage } from '../support/strict-d1.ts';
import { bindings, worker } from '../support/worker.ts';
import { findTenant } from '@ronghe/tenancy';
import { NAME_INDEXES } from '@ronghe/core';

// Every search a person can type, on every route that takes one (ADR 0014).
// D1 refuses a LIKE pattern over 50 bytes, which the local D1 does not, so
// the requests run on a D1 held to Cloudflare's limits (test/support/strict-d1.ts).

interface DocParam {
  in: string;
  name: string;
  schema?: { maxLength?: number };
}
type Doc = { paths: Record<string, Record<string, { parameters?: DocParam[] }>> };
// The management document and /v1's own (ADR 0030), paths of both.
const docs = await Promise.all(['/openapi.json', '/v1/openapi.json'].map(async (p) => (await (await worker.fetch(new Request(`http://x${p}`))).json()) as Doc));
const doc: Doc = { paths: Object.assign({}, ...docs.map((d) => d.paths)) };
const qParam = (o: Operation) => doc.paths[o.path]?.[o.method.toLowerCase()]?.parameters?.find((p) => p.in === 'query' && p.name === 'q');

const coverage = await mountedOperations();
const searchOps = coverage.ops.filter((o) => o.method === 'GET' && qParam(o) !== undefined);

// GET routes declaring `q` today: the five lists, their five exports and the
// public API's organizations and alliances. A route that stops declaring it
// must fail here, not shrink the suite.
const MIN_SEARCH_OPS = 12;

/** Characters to build queries from: each query is `n` code points cycled from one of these. */
const ALPHABETS: Record<string, string> = {
  chinese: '中共赤峰市松山区振兴街道永业社区委员会',
  ascii: 'Party branch No.7 ',
  percent: '%',
  underscore: '_',
  'double quote': '"',
  'single quote': "'",
  backslash: '\\',
  emoji: '🚩😀👍🏽',
  'fts operators': 'AND NEAR( * " : - ^ OR NOT {name} ) + ',
  mixed: '50%_\\"\'中😀*(',
};
const LENGTHS = [1, 2, 3, 4, 16, 17, 49, 50, 51, 100, 200];

const cycle = (alphabet: string, n: number) => {
  const chars = [...alphabet];
  return Array.from({ length: n }, (_, i) => chars[i % chars.length]).join('');
};

interface Problem {
  code: string;
  errors?: Array<{ path: string; message: string }>;
}

const T = 'songshan';
const world = (async () => {
  const f = await makeFixture(T);
  const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  return { f, token: admin.token };
})();

describe('every route that takes a search query', () => {
  it(`is found among the mounted routes (at least ${MIN_SEARCH_OPS})`, () => {
    expect(searchOps.length, searchOps.map((o) => o.key).join('\n')).toBeGreaterThanOrEqual(MIN_SEARCH_OPS);
    for (const o of searchOps) expect(ROUTE_CASES[o.key], `${o.key} has no route case`).toBeDefined();
  });

  for (const op of searchOps) {
    it(`${op.key}: queries of 1 to 200 characters never fail the server; over-long ones are refused, naming q`, async () => {
      const { f, token } = await world;
      const max = qParam(op)!.schema?.maxLength;
      const req = await ROUTE_CASES[op.key]!.build(f);
      const seen: string[] = [];
      for (const [name, alphabet] of Object.entries(ALPHABETS)) {
        // A fresh API key per alphabet: the whole sweep with one key is a burst the per-key rate limit refuses (ADR 0015).
        const headers = op.scope === 'apikey' ? { ...req.headers, authorization: `Bearer ${(await makeApiKey(T)).key}` } : req.headers;
        for (const n of LENGTHS) {
          const q = cycle(alphabet, n);
          const url = new URL(`http://x${req.path}`);
          url.searchParams.set('q', q);
          const { res, usage } = await strictCall('GET', url.pathname + url.search, { token: op.scope === 'apikey' ? undefined : token, headers });
          const label = `${name} × ${n}: ${JSON.stringify(q.slice(0, 40))}`;
          expect(usage.violations, label).toEqual([]);
          expect(res.status, label).toBeLessThan(500);
          // maxLength counts characters (code points: an emoji is one), after trimming.
          if (max === undefined || [...q.trim()].length <= max) {
            expect(res.status, label).toBe(200);
          } else {
            expect(res.status, label).toBe(422);
            const p = (await res.json()) as Problem;
            expect(p.code, label).toBe('validation_failed');
            expect(p.errors?.map((e) => e.path), label).toContain('query.q');
          }
          seen.push(label);
        }
      }
      expect(seen).toHaveLength(Object.keys(ALPHABETS).length * LENGTHS.length);
    });
  }
});

async function listed(path: string, token: string): Promise<{ status: number; items: Array<Record<string, unknown>>; total: number; nextCursor: string | null; usage: Usage }> {
  const { res, usage } = await strictCall('GET', path, { token });
  const body = (await res.json()) as { items: Array<Record<string, unknown>>; total: number; nextCursor: string | null };
  return { status: res.status, items: body.items ?? [], total: body.total, nextCursor: body.nextCursor, usage };
}
const enc = encodeURIComponent;

describe('searching by name', () => {
  // The formal name of 永业社区党委 (松山区振兴街道, seed 003): the query of the
  // report that found the 500 is its first 18 characters.
  const YONGYE = '中共赤峰市松山区振兴街道永业社区委员会';
  const REPORTED = '中共赤峰市松山区振兴街道永业社区委员';

  const setup = (async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const street = await makeOrg(T, { name: '中共赤峰市松山区振兴街道工作委员会', kind: '党工委', domain: '街道' });
    const yongye = await makeOrg(T, { parent: street, name: YONGYE, kind: '党委' });
    const percent = await makeOrg(T, { parent: street, name: '百分百%满意服务队党支部', secretaryName: '赵书记' });
    const underscore = await makeOrg(T, { parent: street, name: '网格_一支部', secretaryName: '赵书记' });
    return { token: admin.token, street, yongye, percent, underscore };
  })();

  it('finds 永业社区 by the 18-character query that used to answer 500, on D1 as Cloudflare runs it', async () => {
    const { token, yongye } = await setup;
    const r = await listed(`/api/t/${T}/orgs?q=${enc(REPORTED)}`, token);
    expect(r.usage.violations).toEqual([]);
    expect(r.status).toBe(200);
    expect(r.items.map((o) => o.id)).toEqual([yongye.id]);
    expect(r.total).toBe(1);
  });

  it('finds names by one and by two characters (too short for the trigram index)', async () => {
    const { token, yongye } = await setup;
    for (const q of ['永', '永业', '委员会']) {
      const r = await listed(`/api/t/${T}/orgs?q=${enc(q)}&status=all`, token);
      expect(r.status, q).toBe(200);
      expect(r.items.map((o) => o.id), q).toContain(yongye.id);
      for (const o of r.items) expect(String(o.name) + String(o.secretaryName) + String(o.divisionCode ?? ''), q).toContain(q);
    }
  });

  it('finds ASCII letters in either case, as LIKE did, at every length', async () => {
    const { token, street } = await setup;
    const org = await makeOrg(T, { parent: street, name: 'IT服务Alpha联合支部' });
    for (const q of ['a', 'AL', 'alpha', 'ALPHA联合']) {
      const r = await listed(`/api/t/${T}/orgs?q=${enc(q)}`, token);
      expect(r.items.map((o) => o.id), q).toContain(org.id);
    }
  });

  it('takes % and _ literally: % finds only names holding a %, _ only names holding a _', async () => {
    const { token, percent, underscore } = await setup;
    const pct = await listed(`/api/t/${T}/orgs?q=${enc('%')}`, token);
    expect(pct.items.map((o) => o.id)).toEqual([percent.id]);
    const und = await listed(`/api/t/${T}/orgs?q=${enc('_')}`, token);
    expect(und.items.map((o) => o.id)).toEqual([underscore.id]);
    // As LIKE patterns, 百_满 would match 百%满 and 分%满 would match 分百%满: here neither is in any name.
    for (const q of ['百_满', '分%满']) expect((await listed(`/api/t/${T}/orgs?q=${enc(q)}`, token)).items, q).toEqual([]);
    expect((await listed(`/api/t/${T}/orgs?q=${enc('百%满')}`, token)).items.map((o) => o.id)).toEqual([percent.id]);
  });

  it('keeps keyset paging and filters under a long query', async () => {
    const { token, street } = await setup;
    const stem = '红山区哈达街道长青社区第';
    const made = [];
    for (const n of ['一', '二', '三']) made.push(await makeOrg(T, { parent: street, name: `${stem}${n}网格党支部` }));
    await makeOrg(T, { parent: street, name: `${stem}四网格党支部`, status: 'inactive' });
    // Names sort by pinyin (ADR 0018): 二 (èr) < 三 (sān) < 一 (yī).
    const expected = [made[1]!, made[2]!, made[0]!].map((o) => o.id);
    const first = await listed(`/api/t/${T}/orgs?q=${enc(stem + '网')}&limit=2`, token);
    expect(first.total).toBe(0);
    const p1 = await listed(`/api/t/${T}/orgs?q=${enc(stem)}&limit=2`, token);
    expect(p1.total).toBe(3);
    expect(p1.nextCursor).not.toBeNull();
    const p2 = await listed(`/api/t/${T}/orgs?q=${enc(stem)}&limit=2&cursor=${enc(p1.nextCursor!)}`, token);
    expect([...p1.items, ...p2.items].map((o) => o.id)).toEqual(expected);
    expect(p2.nextCursor).toBeNull();
    const all = await listed(`/api/t/${T}/orgs?q=${enc(stem)}&status=all`, token);
    expect(all.total).toBe(4);
  });

  it('follows a rename at once: the old name is no longer found, the new one is', async () => {
    const { token, street } = await setup;
    const org = await makeOrg(T, { parent: street, name: '松山区向阳街道旧名称社区党支部' });
    const res = await strictCall('PATCH', `/api/t/${T}/orgs/${org.id}`, {
      token,
      headers: { 'if-match': `"v${org.version}"` },
      body: { name: '松山区向阳街道新名称社区党支部' },
    });
    expect(res.res.status).toBe(200);
    expect((await listed(`/api/t/${T}/orgs?q=${enc('向阳街道旧名称社区')}`, token)).items).toEqual([]);
    expect((await listed(`/api/t/${T}/orgs?q=${enc('向阳街道新名称社区')}`, token)).items.map((o) => o.id)).toEqual([org.id]);
  });

  it('finds an alliance by a long name, and by its lead organization’s long name', async () => {
    const { token, street, yongye } = await setup;
    const a = await makeAlliance(T, { lead: yongye, committee: street, status: 'active', name: '永业社区“中心社区”党建联合体（振兴街道）' });
    const byName = await listed(`/api/t/${T}/alliances?q=${enc('永业社区“中心社区”党建联合体（振兴')}`, token);
    expect(byName.usage.violations).toEqual([]);
    expect(byName.items.map((x) => x.id)).toEqual([a.alliance.id]);
    const byLead = await listed(`/api/t/${T}/alliances?q=${enc(REPORTED)}`, token);
    expect(byLead.items.map((x) => x.id)).toEqual([a.alliance.id]);
    const short = await listed(`/api/t/${T}/alliances?q=${enc('振兴')}`, token);
    expect(short.items.map((x) => x.id)).toContain(a.alliance.id);
  });

  it('finds needs, resources and projects by a long title and by a long phrase of their description', async () => {
    const { token, street, yongye } = await setup;
    const a = await makeAlliance(T, { lead: yongye, committee: street, status: 'active' });
    const need = await makeNeed(T, a, { title: '永业社区老旧小区加装电梯及无障碍通道改造需求', description: '小区共有六栋楼，居民多为退休职工，上下楼困难，希望联合体协调资金与施工力量' });
    const res = await makeResource(T, a, { title: '振兴街道退休职工志愿服务队上门维修水电暖服务', description: '每周六上午提供免费上门检修，覆盖永业、金御华城两个社区的独居老人家庭' });
    const proj = await makeProject(T, a, 'in_progress', { title: '永业社区老旧小区加装电梯联合攻坚项目第一期' });
    const cases: Array<[string, string, string]> = [
      ['needs', '老旧小区加装电梯及无障碍通道改造', need.id],
      ['needs', '居民多为退休职工，上下楼困难，希望联合体', need.id],
      ['resources', '退休职工志愿服务队上门维修水电暖', res.id],
      ['resources', '覆盖永业、金御华城两个社区的独居老人', res.id],
      ['projects', '老旧小区加装电梯联合攻坚项目第一', proj.project.id],
    ];
    for (const [list, q, id] of cases) {
      const r = await listed(`/api/t/${T}/${list}?q=${enc(q)}`, token);
      expect(r.usage.violations, q).toEqual([]);
      expect(r.items.map((x) => x.id), q).toEqual([id]);
    }
  });

  it('keeps the five name indexes in step with their tables through inserts, renames and deletes', async () => {
    const { token, street } = await setup;
    const d1 = bindings[findTenant(T)!.binding]!;
    const gone = await makeOrg(T, { parent: street, name: '松山区即将撤销的临时党支部' });
    await d1.prepare('UPDATE organizations SET name = ? WHERE id = ?').bind('松山区改名后撤销的临时党支部', gone.id).run();
    await d1.prepare('DELETE FROM organizations WHERE id = ?').bind(gone.id).run();
    expect((await listed(`/api/t/${T}/orgs?q=${enc('撤销的临时党支部')}&status=all`, token)).items).toEqual([]);
    // FTS5's integrity-check with rank 1 compares an external-content index with its table row by row.
    for (const index of Object.values(NAME_INDEXES)) {
      await expect(d1.prepare(`INSERT INTO ${index} (${index}, rank) VALUES ('integrity-check', 1)`).run(), index).resolves.toMatchObject({ success: true });
    }
    // …and fails when they disagree: a row written behind the triggers' back.
    await d1.prepare("INSERT INTO organizations_fts (rowid, name) VALUES (999999999, '不存在的党组织')").run();
    await expect(d1.prepare("INSERT INTO organizations_fts (organizations_fts, rank) VALUES ('integrity-check', 1)").run()).rejects.toThrow();
    await d1.prepare("INSERT INTO organizations_fts (organizations_fts, rowid, name) VALUES ('delete', 999999999, '不存在的党组织')").run();
  });
});
