// Issue 11's activity figures: the county's quota compliance table as a load
// line (GET /t/{tenant}/activities/compliance?year=), and 50 members of one
// participating branch checking in to one activity at the same moment (POST
// /t/{tenant}/my/checkins), with the stored check-ins and events counted after.
import type { LoadResult } from './lib/load.ts';
import { measure, percentile } from './lib/load.ts';
import type { Server } from './lib/servers.ts';

type Load = { requests: number; concurrency: number; warmup: number };

/** The compliance table of the demo year (the year of the seeded activities). */
export async function activitiesBenchmarks(api: Server, tenant: string, token: string, year: number, load: Load): Promise<LoadResult[]> {
  const url = `${api.url}/api/t/${tenant}/activities/compliance?year=${year}`;
  const probe = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!probe.ok) {
    console.warn(`⚠ 活动达标接口不可用（HTTP ${probe.status}），跳过`);
    return [];
  }
  return [await measure(`API 活动达标情况 ${year} 年`, () => fetch(url, { headers: { authorization: `Bearer ${token}` } }), load)];
}

export const CHECKIN_MEMBERS = 50;

export interface CheckinBench {
  activityId: string;
  code: string;
  usernames: string[];
}

const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
const pad = (n: number) => String(n).padStart(2, '0');
const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000);

/**
 * Written straight into the bench databases before the servers start: 50
 * member accounts (control) linked to 50 people of one branch that belongs to
 * a running alliance, and a fresh activity of that alliance open from now for
 * two hours, without a place radius. Accounts and people are reused between
 * runs; the activity is new each run.
 */
export async function prepareCheckinBench(control: D1Database, db: D1Database, tenant: string, password: { hash: string; salt: string; iterations: number }): Promise<CheckinBench | null> {
  const pick = await db
    .prepare(
      `SELECT a.id AS allianceId, m.org_id AS orgId FROM alliances a JOIN alliance_members m ON m.alliance_id = a.id AND m.left_on IS NULL
       JOIN organizations o ON o.id = m.org_id AND o.kind LIKE '%支部%'
       WHERE a.status = 'active' ORDER BY a.id, m.org_id LIMIT 1`,
    )
    .first<{ allianceId: string; orgId: string }>();
  if (!pick) return null;
  const now = Date.now();
  const usernames = Array.from({ length: CHECKIN_MEMBERS }, (_, i) => `${tenant}_benchck${pad(i)}`);
  const users = usernames.map((u, i) => ({ id: `usr_benchck${tenant}${pad(i)}`, username: u, person: `psn_benchck${tenant}${pad(i)}`, i }));
  await control.batch([
    ...users.map((u) =>
      control
        .prepare(
          `INSERT OR IGNORE INTO users (id, username, display_name, sort_key, phone, password_hash, password_salt, password_iterations, failed_attempts, password_changed_at, status, version, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, 0, ?8, 'active', 1, ?8, ?8)`,
        )
        .bind(u.id, u.username, `签到基准党员${u.i}`, `qiandaojizhun${pad(u.i)}`, password.hash, password.salt, password.iterations, now),
    ),
    ...users.map((u) =>
      control
        .prepare(`INSERT OR IGNORE INTO role_grants (id, user_id, tenant, role, scope_org_id, created_at) VALUES (?1, ?2, ?3, 'member', ?4, ?5)`)
        .bind(`grt_benchck${tenant}${pad(u.i)}`, u.id, tenant, pick.orgId, now),
    ),
  ]);
  await db.batch(
    users.map((u) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO people (id, name, sort_key, kind, party_standing, home_org_id, in_service, skills, user_id, status, version, created_at, updated_at)
           VALUES (?1, ?2, ?3, 'party_member', '正式', ?4, 0, '[]', ?5, 'active', 1, ?6, ?6)`,
        )
        .bind(u.person, `签到基准党员${u.i}`, `qiandaojizhun${pad(u.i)}`, pick.orgId, u.id, now),
    ),
  );
  const start = now - 10 * 60_000;
  const end = now + 2 * 3_600_000;
  const s = shanghai(start);
  const e = shanghai(end);
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)];
  const activityId = `act_benchck${now}`;
  await db
    .prepare(
      `INSERT INTO activities (id, alliance_id, kind, title, activity_date, start_time, end_time, starts_at, ends_at, place, organizer_org_id,
         participant_org_ids, status, code, attendance, version, created_by, created_at, updated_at)
       VALUES (?1, ?2, 'joint_study', '签到基准活动', ?3, ?4, ?5, ?6, ?7, '党群服务中心', ?8, ?9, 'planned', ?10, 0, 1, 'bench', ?11, ?11)`,
    )
    .bind(activityId, pick.allianceId, s.toISOString().slice(0, 10), s.toISOString().slice(11, 16), e.toISOString().slice(11, 16), start, end, pick.orgId, JSON.stringify([pick.orgId]), code, now)
    .run();
  return { activityId, code, usernames };
}

/** Signs the 50 in (not timed), then fires their check-ins at once: wall time and p95 of the 50. */
export async function checkinBenchmark(api: Server, tenant: string, bench: CheckinBench, password: string): Promise<{ wallMs: number; p50: number; p95: number; errors: number; firstError?: string }> {
  const tokens: string[] = [];
  for (let i = 0; i < bench.usernames.length; i += 5) {
    const batch = await Promise.all(
      bench.usernames.slice(i, i + 5).map(async (username) => {
        const res = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
        if (!res.ok) throw new Error(`签到基准账号 ${username} 登录失败：HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
        return ((await res.json()) as { token: string }).token;
      }),
    );
    tokens.push(...batch);
  }
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  await Promise.all(
    tokens.map(async (token) => {
      const t = performance.now();
      const res = await fetch(`${api.url}/api/t/${tenant}/my/checkins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ code: bench.code }),
      });
      const body = await res.text();
      latencies.push(performance.now() - t);
      if (!res.ok) {
        errors++;
        firstError ??= `HTTP ${res.status} ${body.slice(0, 300)}`;
      }
    }),
  );
  const wallMs = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return { wallMs, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors, firstError };
}

/** What the 50 check-ins left in the database: rows, events, and the activity's attendance count. */
export async function checkinsStored(db: D1Database, activityId: string): Promise<{ checkins: number; events: number; attendance: number }> {
  const [c, ev, a] = await db.batch<{ n: number }>([
    db.prepare('SELECT count(*) AS n FROM activity_checkins WHERE activity_id = ?').bind(activityId),
    db.prepare(`SELECT count(*) AS n FROM outbox WHERE type = 'activity.attendance_recorded' AND json_extract(data, '$.activityId') = ?`).bind(activityId),
    db.prepare('SELECT attendance AS n FROM activities WHERE id = ?').bind(activityId),
  ]);
  return { checkins: c!.results[0]!.n, events: ev!.results[0]!.n, attendance: a!.results[0]!.n };
}
