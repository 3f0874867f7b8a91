import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { shanghaiDate } from '@ronghe/core';
import type { EventEnvelope } from '@ronghe/events';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEdgeApp } from '../../workers/edge/src/index.ts';
import { EVENTS_QUEUE, handleQueue } from '../../workers/edge/src/events.ts';
import { makeAlliance, type MadeAlliance } from '../support/alliance-factories.ts';
import { makeOrg, makeUser, type TestUser } from '../support/factories.ts';
import { makeProject, type MadeProject } from '../support/list-factories.ts';
import { bindings } from '../support/worker.ts';

// 工作台 消息 through the real path (issue 9 §3, ADR 0012): a write request
// commits its change with its outbox row, the request relays it onto the
// queue, the worker's queue handler runs the consumers the edge composes, and
// the people concerned — not the actor — find one message each in their inbox;
// a redelivered event writes nothing twice.
const T = 'ningcheng';
const db = () => bindings[findTenant(T)!.binding]!;
const app = createEdgeApp();

/** The events queue as the request's relay sees it: what was sent, in order. */
const sent: EventEnvelope[] = [];
const queue = {
  async send(body: EventEnvelope) {
    sent.push(body);
  },
  async sendBatch(msgs: Iterable<{ body: EventEnvelope }>) {
    for (const m of msgs) sent.push(m.body);
  },
} as unknown as Queue;
const workerEnv = () => ({ ...(env as unknown as Record<string, unknown>), EVENTS: queue });

async function request(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`http://x${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }),
    workerEnv(),
    ctx,
  );
  // The relay runs in waitUntil, after the response.
  await waitOnExecutionContext(ctx);
  return res;
}

/** Delivers what the relay sent to the queue handler, as the queue would (default consumers). */
async function deliver(events: EventEnvelope[], attempts = 1) {
  const batch = createMessageBatch<EventEnvelope>(
    EVENTS_QUEUE,
    events.map((body, i) => ({ id: `msg-${attempts}-${i}-${body.id}`, timestamp: new Date(), attempts, body })),
  );
  await handleQueue(batch, workerEnv());
  return getQueueResult(batch, createExecutionContext());
}

interface Row {
  recipient_id: string;
  title: string;
  link: string;
}
const messagesOf = async (eventId: string) =>
  (await db().prepare('SELECT recipient_id, title, link FROM notifications WHERE event_id = ? ORDER BY recipient_id').bind(eventId).all<Row>()).results;
const byRecipient = (xs: Array<{ recipient_id: string; title: string }>) => [...xs].sort((a, b) => a.recipient_id.localeCompare(b.recipient_id));
const unread = async (u: TestUser) => {
  const res = await request('GET', `/api/t/${T}/workbench`, u.token);
  expect(res.status).toBe(200);
  return ((await res.json()) as { unread: number }).unread;
};

let committee: Awaited<ReturnType<typeof makeOrg>>;
let reviewer: TestUser;
let leadAdmin: TestUser;
let county: TestUser;
let county2: TestUser;
let bystander: TestUser;

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  county = await makeUser([{ tenant: T, role: 'county_admin' }]);
  county2 = await makeUser([{ tenant: T, role: 'county_admin' }]);
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }]);
  // A reviewer of another committee: told of nothing here.
  bystander = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: (await makeOrg(T, { kind: '党工委', domain: '街道' })).id }]);
});

describe('消息 from real events', () => {
  let a: MadeAlliance;
  let approved: EventEnvelope;

  it('the committee approves an application: the lead is told, the county gets a filing to sign, the reviewer is not told of its own act', async () => {
    const lead = await makeOrg(T, { parent: committee, domain: '社区' });
    a = await makeAlliance(T, { lead, committee, status: 'applied' });
    leadAdmin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
    sent.length = 0;

    const res = await request('POST', `/api/t/${T}/alliances/${a.alliance.id}/approve`, reviewer.token, { replyText: '经研究，同意组建该党建联合体。' }, { 'if-match': `"v${a.alliance.version}"` });
    expect(res.status, await res.clone().text()).toBe(200);
    approved = sent.find((e) => e.type === 'alliance.approved' && e.aggregate.id === a.alliance.id)!;
    expect(approved, 'the request relayed its event').toBeTruthy();

    const result = await deliver([...sent]);
    expect(result.explicitAcks).toHaveLength(sent.length);
    expect(result.retryMessages).toEqual([]);
    const name = a.alliance.name;
    expect(byRecipient((await messagesOf(approved.id)).map(({ recipient_id, title }) => ({ recipient_id, title })))).toEqual(
      byRecipient([
        { recipient_id: leadAdmin.id, title: `联合体已批准：${name}` },
        { recipient_id: county.id, title: `新的备案待签收：${name}` },
        { recipient_id: county2.id, title: `新的备案待签收：${name}` },
      ]),
    );
    const link = Object.fromEntries((await messagesOf(approved.id)).map((r) => [r.recipient_id, r.link]));
    expect([link[leadAdmin.id], link[county.id]]).toEqual([`/t/${T}/alliances/${a.alliance.id}`, `/t/${T}/filings?state=unread`]);
  });

  it('a redelivered event writes nothing twice', async () => {
    const before = (await db().prepare('SELECT count(*) AS n FROM notifications').first<{ n: number }>())!.n;
    const result = await deliver([approved, approved], 2);
    expect(result.explicitAcks).toHaveLength(2);
    expect((await db().prepare('SELECT count(*) AS n FROM notifications').first<{ n: number }>())!.n).toBe(before);
    const marks = await db().prepare("SELECT count(*) AS n FROM consumed_events WHERE consumer = 'workbench.notifications' AND event_id = ?").bind(approved.id).first<{ n: number }>();
    expect(marks!.n).toBe(1);
  });

  it('the 工作台 counts the unread message for each person told, and none for the others', async () => {
    expect(await unread(leadAdmin)).toBe(1);
    expect(await unread(county2)).toBe(1);
    expect(await unread(reviewer)).toBe(0);
    expect(await unread(bystander)).toBe(0);
  });
});

describe('督办: a project turning red', () => {
  let p: MadeProject;
  let lead2Admin: TestUser;

  it('the county runs the job: the alliance and the other county administrators hear of the red warning, the committee of the escalation', async () => {
    const lead = await makeOrg(T, { parent: committee, domain: '社区' });
    const a = await makeAlliance(T, { lead, committee, status: 'active' });
    lead2Admin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
    const day = (n: number) => shanghaiDate(Date.now() + n * 86_400_000);
    // Ten days past its due date and not finished: red, escalated on this run.
    p = await makeProject(T, a, 'in_progress', { dueOn: day(-10), startOn: day(-60) }, { milestonePct: [100, 50] });
    sent.length = 0;

    const res = await request('POST', `/api/t/${T}/supervision/run`, county.token, {});
    expect(res.status, await res.clone().text()).toBe(200);
    const warnings = sent.filter((e) => e.type === 'project.warning_raised' && e.aggregate.id === p.project.id);
    expect(warnings.map((e) => e.data)).toEqual([{ projectId: p.project.id, from: 'green', to: 'red', escalated: true }]);

    await deliver([...sent]);
    const title = p.project.title;
    // The county administrator who ran the job is not told; the other one is.
    expect(byRecipient((await messagesOf(warnings[0]!.id)).map(({ recipient_id, title }) => ({ recipient_id, title })))).toEqual(
      byRecipient([
        { recipient_id: lead2Admin.id, title: `项目出现红色预警：${title}` },
        { recipient_id: county2.id, title: `项目出现红色预警：${title}` },
        { recipient_id: reviewer.id, title: `逾期项目已上报督办：${title}` },
      ]),
    );
  });

  it('a second run the same day raises nothing again', async () => {
    sent.length = 0;
    expect((await request('POST', `/api/t/${T}/supervision/run`, county.token, {})).status).toBe(200);
    expect(sent.filter((e) => e.type === 'project.warning_raised' && e.aggregate.id === p.project.id)).toEqual([]);
    expect(sent.map((e) => e.type)).toContain('supervision.ran');
  });
});
