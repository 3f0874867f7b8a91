import { Hono } from 'hono';

type Env = { Bindings: { DB: D1Database } };

const COLUMNS =
  'id, parent_id, name, kind, domain, division_code, is_external, external_region, secretary_name, secretary_phone, ' +
  'liaison_name, liaison_phone, member_count, quality_status, weak_flag, status, depth, version, created_at, updated_at';

const app = new Hono<Env>();

app.get('/healthz', (c) => c.json({ ok: true }));

// The page and its total in one batch (one round trip), as the API answers: the same rows in the same
// order (pinyin sort key, ADR 0018), the same search (name, secretary, division code; ADR 0014), and
// the total the API must return, counted with the same WHERE. `?bare=1` keeps the original
// floor: one statement, ordered by name, no total (`pnpm bench --bare-reference`).
app.get('/orgs', async (c) => {
  const q = c.req.query('q');
  const domain = c.req.query('domain');
  const where = ["status = 'active'"];
  const params: string[] = [];
  const bare = c.req.query('bare') === '1';
  if (q) {
    params.push(bare ? `%${q}%` : q);
    const p = `?${params.length}`;
    where.push(bare ? `name LIKE ${p}` : `(instr(lower(name), lower(${p})) > 0 OR instr(lower(secretary_name), lower(${p})) > 0 OR instr(lower(division_code), lower(${p})) > 0)`);
  }
  if (domain) {
    where.push(`domain = ?${params.length + 1}`);
    params.push(domain);
  }
  const db = c.env.DB;
  if (bare) {
    const { results } = await db.prepare(`SELECT ${COLUMNS} FROM organizations WHERE ${where.join(' AND ')} ORDER BY name, id LIMIT 20`)
      .bind(...params)
      .all();
    return c.json({ items: results });
  }
  const [page, total] = await db.batch([
    db.prepare(`SELECT ${COLUMNS} FROM organizations WHERE ${where.join(' AND ')} ORDER BY sort_key, id LIMIT 21`).bind(...params),
    db.prepare(`SELECT count(*) AS n FROM organizations WHERE ${where.join(' AND ')}`).bind(...params),
  ]);
  return c.json({ items: page!.results.slice(0, 20), total: (total!.results[0] as { n: number }).n });
});

// The alliance list: the page with the lead's and committee's names and the member count, and (unless
// `?bare=1`) its total counted with the same WHERE, in one batch, as the API's page.
const ALLIANCE_HEAD =
  'SELECT a.*, l.name AS lead_org_name, c.name AS committee_org_name, ' +
  '(SELECT count(*) FROM alliance_members m WHERE m.alliance_id = a.id AND m.left_on IS NULL) AS member_count ' +
  'FROM alliances a JOIN organizations l ON l.id = a.lead_org_id JOIN organizations c ON c.id = a.committee_org_id';

app.get('/alliances', async (c) => {
  const where: string[] = [];
  const params: string[] = [];
  for (const [key, column] of [
    ['status', 'a.status'],
    ['type', 'a.type'],
  ] as const) {
    const v = c.req.query(key);
    if (v) {
      params.push(v);
      where.push(`${column} = ?${params.length}`);
    }
  }
  const db = c.env.DB;
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  if (c.req.query('bare') === '1') {
    const { results } = await db.prepare(`${ALLIANCE_HEAD}${filter} ORDER BY a.name, a.id LIMIT 20`)
      .bind(...params)
      .all();
    return c.json({ items: results });
  }
  const [page, total] = await db.batch([
    db.prepare(`${ALLIANCE_HEAD}${filter} ORDER BY a.sort_key, a.id LIMIT 21`).bind(...params),
    db.prepare(`SELECT count(*) AS n FROM alliances a JOIN organizations l ON l.id = a.lead_org_id${filter}`).bind(...params),
  ]);
  return c.json({ items: page!.results.slice(0, 20), total: (total!.results[0] as { n: number }).n });
});

// The detail: the same six reads as the API, in one batch (one round trip), without checks or permissions.
app.get('/alliances/:id', async (c) => {
  const id = c.req.param('id');
  const db = c.env.DB;
  const [head, members, seats, documents, adjustments, events] = await db.batch([
    db.prepare(`${ALLIANCE_HEAD} WHERE a.id = ?1`).bind(id),
    db
      .prepare(
        'SELECT m.*, o.name AS org_name, o.domain AS org_domain, o.is_external, o.external_region, o.secretary_name FROM alliance_members m ' +
          "JOIN organizations o ON o.id = m.org_id WHERE m.alliance_id = ?1 ORDER BY m.left_on IS NOT NULL, m.role = 'lead' DESC, m.created_at, m.id",
      )
      .bind(id),
    db.prepare('SELECT s.*, o.name AS org_name FROM alliance_governance_seats s LEFT JOIN organizations o ON o.id = s.org_id WHERE s.alliance_id = ?1 ORDER BY s.sort_order').bind(id),
    db
      .prepare(
        'SELECT id, kind, title, doc_date, status, signer_name, signer_org_id, year, content_hash, version, created_at, updated_at FROM alliance_documents WHERE alliance_id = ?1 ORDER BY created_at, id',
      )
      .bind(id),
    db.prepare('SELECT * FROM alliance_adjustments WHERE alliance_id = ?1 ORDER BY proposed_at DESC, id DESC').bind(id),
    db.prepare('SELECT * FROM alliance_events WHERE alliance_id = ?1 ORDER BY id').bind(id),
  ]);
  const a = head!.results[0];
  if (!a) return c.json({ error: 'not found' }, 404);
  return c.json({ ...a, members: members!.results, governance: seats!.results, documents: documents!.results, adjustments: adjustments!.results, timeline: events!.results });
});

export default app;
