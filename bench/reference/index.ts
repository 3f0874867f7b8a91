import { Hono } from 'hono';

type Env = { Bindings: { DB: D1Database } };

const COLUMNS =
  'id, parent_id, name, kind, domain, division_code, is_external, external_region, secretary_name, secretary_phone, ' +
  'liaison_name, liaison_phone, member_count, quality_status, weak_flag, status, depth, version, created_at, updated_at';

const app = new Hono<Env>();

app.get('/healthz', (c) => c.json({ ok: true }));

// One statement per request: the floor the management API's list route is measured against.
app.get('/orgs', async (c) => {
  const q = c.req.query('q');
  const domain = c.req.query('domain');
  const where = ["status = 'active'"];
  const params: string[] = [];
  if (q) {
    where.push(`name LIKE ?${params.length + 1}`);
    params.push(`%${q}%`);
  }
  if (domain) {
    where.push(`domain = ?${params.length + 1}`);
    params.push(domain);
  }
  const { results } = await c.env.DB.prepare(`SELECT ${COLUMNS} FROM organizations WHERE ${where.join(' AND ')} ORDER BY name, id LIMIT 20`)
    .bind(...params)
    .all();
  return c.json({ items: results });
});

export default app;
