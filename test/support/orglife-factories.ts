import { newId, openDb } from '@ronghe/core';
import { meetingDecisions, meetings, orgLifeRecords, type Organization } from '@ronghe/schema';
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

// One factory for people (the people lane's); re-exported for the org-life tests that import it from here.
import { makePerson } from './people-factories.ts';
export { makePerson };

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
