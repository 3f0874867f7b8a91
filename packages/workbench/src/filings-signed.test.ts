import { newId, ulid } from '@ronghe/core';
import { applyOnce, EVENT_BY_TYPE, parseEvent, type EventEnvelope } from '@ronghe/events';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, makeFiling, signFiling, type MadeAlliance } from '../../../test/support/alliance-factories.ts';
import { makeOrg } from '../../../test/support/factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { filingsSignedConsumer } from './filings-signed.ts';

// Issue 10 §3 "Filings can be read": once the county has signed what an
// alliance filed, the bell's 新的备案待签收 about that alliance goes read for
// every county administrator; other messages are left as they are.
const T = 'kalaqin';
const db = () => bindings[findTenant(T)!.binding]!;
const env = bindings as unknown as Record<string, unknown>;
const FILINGS_LINK = `/t/${T}/filings?state=unread`;

let a: MadeAlliance;
let secondFilingId = '';
// Message ids as the notifications consumer makes them (notify.ts).
const ntf = () => `ntf_${ulid(Date.now()).toLowerCase()}`;
const msg = { countyA: ntf(), countyB: ntf(), project: ntf(), otherAlliance: ntf() };

function signed(filingId: string): EventEnvelope {
  const def = EVENT_BY_TYPE.get('filing.acknowledged')!;
  return parseEvent({
    id: newId('evt'),
    type: 'filing.acknowledged',
    version: def.version,
    tenant: T,
    aggregate: { type: def.aggregate, id: filingId },
    actor: { userId: 'usr_county_signer', role: 'county_admin' },
    at: 1_780_000_000_000,
    requestId: 'req_filings_signed_test',
    data: { filingId, from: 'unread', to: 'acknowledged' },
  });
}

const sign = (filingId: string) => signFiling(T, filingId);
const readAt = async (id: string) => (await db().prepare('SELECT read_at AS r FROM notifications WHERE id = ?').bind(id).first<{ r: number | null }>())!.r;

beforeAll(async () => {
  const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  const lead = await makeOrg(T, { parent: committee });
  a = await makeAlliance(T, { lead, committee, status: 'active' });
  // A second filing of the same alliance (say its adjustment), still unsigned.
  secondFilingId = (await makeFiling(T, a.alliance)).id;
  const insert = (id: string, recipient: string, link: string, objectType: string, objectId: string) =>
    db()
      .prepare(
        `INSERT INTO notifications (id, recipient_id, event_id, kind, title, link, object_type, object_id, created_at, read_at)
         VALUES (?, ?, ?, 'alliance.approved', '新的备案待签收', ?, ?, ?, 1, NULL)`,
      )
      .bind(id, recipient, newId('evt'), link, objectType, objectId)
      .run();
  await insert(msg.countyA, 'usr_county_a', FILINGS_LINK, 'alliance', a.alliance.id);
  await insert(msg.countyB, 'usr_county_b', FILINGS_LINK, 'alliance', a.alliance.id);
  // The lead's own message about the same alliance, and a filing message about another alliance.
  await insert(msg.project, 'usr_lead', `/t/${T}/alliances/${a.alliance.id}`, 'alliance', a.alliance.id);
  await insert(msg.otherAlliance, 'usr_county_a', FILINGS_LINK, 'alliance', 'aln_another');
});

describe('a signed filing clears the bell', () => {
  it('keeps the message while another filing of the alliance awaits signing', async () => {
    await sign(a.filingId);
    expect(await applyOnce(filingsSignedConsumer, signed(a.filingId), db(), env, Date.now())).toBe('done');
    expect(await readAt(msg.countyA)).toBeNull();
    expect(await readAt(msg.countyB)).toBeNull();
  });

  it('reads every county administrator’s message once nothing is left to sign, and nothing else', async () => {
    await sign(secondFilingId);
    const e = signed(secondFilingId);
    expect(await applyOnce(filingsSignedConsumer, e, db(), env, Date.now())).toBe('done');
    expect(await readAt(msg.countyA)).toBe(e.at);
    expect(await readAt(msg.countyB)).toBe(e.at);
    expect(await readAt(msg.project)).toBeNull();
    expect(await readAt(msg.otherAlliance)).toBeNull();
    // The same event again changes nothing and is recognised.
    expect(await applyOnce(filingsSignedConsumer, e, db(), env, Date.now())).toBe('already');
  });

  it('a filing that no longer exists reads nothing', async () => {
    expect(await applyOnce(filingsSignedConsumer, signed('fil_missing'), db(), env, Date.now())).toBe('done');
    expect(await readAt(msg.otherAlliance)).toBeNull();
  });
});
