import { newId, openDb, pinyinSortKey } from '@ronghe/core';
import { meetingDecisions, meetings, orgLifeRecords, people, type Organization, type Person } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

// Factories of branch organizational life and joint meetings (issue 11). They
// write rows directly, as the other factories do, so a test starts from the
// state it needs without going through the routes under test.

function dbOf(tenant: string) {
  const def = findTenant(tenant);
  if (!def) throw new Error(`unknown tenant ${tenant}`);
  return openDb(bindings[def.binding]!);
}

let seq = 0;

/** A party member of the registry whose home is `homeOrgId` (no account, no personal data). */
export async function makePerson(tenant: string, fields: Partial<Person> & { homeOrgId: string | null }): Promise<Person> {
  const now = Date.now();
  const name = fields.name ?? `测试党员${++seq}`;
  const row: Person = {
    id: newId('psn', now),
    name,
    sortKey: pinyinSortKey(name),
    kind: 'party_member',
    partyStanding: '正式',
    inService: false,
    workUnit: null,
    skills: [],
    phone: null,
    idNumber: null,
    userId: null,
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await dbOf(tenant).insert(people).values(row);
  return row;
}

export interface MadeOrgLife {
  /** A 支委会 record of the fixture's branch. */
  recordId: string;
  /** A joint meeting of the fixture's first alliance, with one open decision owned by the branch. */
  meetingId: string;
  decisionId: string;
}

/** The organizational-life and meeting rows every route fixture carries (one batch). */
export async function makeOrgLifeFixture(tenant: string, org: Organization, allianceId: string): Promise<MadeOrgLife> {
  const db = dbOf(tenant);
  const now = Date.now();
  const recordId = newId('olr', now);
  const meetingId = newId('mtg', now);
  const decisionId = newId('mdc', now);
  await db.batch([
    db.insert(orgLifeRecords).values({ id: recordId, orgId: org.id, kind: 'committee', heldOn: '2025-05-06', topic: '研究五月工作', minutes: '会议记录', attendeeIds: [], expectedCount: 0, presentCount: 0, createdBy: 'usr_fixture', createdAt: now }),
    db.insert(meetings).values({ id: meetingId, allianceId, heldOn: '2025-05-08', agenda: '二季度联席会议', minutes: '纪要', attendeeOrgIds: [org.id], attendeePersonIds: [], createdBy: 'usr_fixture', createdAt: now }),
    db.insert(meetingDecisions).values({ id: decisionId, meetingId, allianceId, content: '共建社区食堂', ownerOrgId: org.id, dueOn: '2099-12-31', createdAt: now }),
  ]);
  return { recordId, meetingId, decisionId };
}
