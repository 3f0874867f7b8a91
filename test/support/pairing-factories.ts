import { makePerson } from './people-factories.ts';
import { newId, openDb } from '@ronghe/core';
import { memberReports, orgPairings, reportRecords, type MemberReport, type OrgPairing, type Person } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

// 双报到 factories (issue 11, lane pairing): rows written straight into a
// county's database, each with its own data, as the other factories do.

let seq = 0;

function dbOf(tenant: string) {
  const def = findTenant(tenant);
  if (!def) throw new Error(`unknown tenant ${tenant}`);
  return openDb(bindings[def.binding]!);
}

/** A person of the registry: by default an active in-service party member (在职党员) with a phone. */
export async function makePairingPerson(tenant: string, fields: Partial<Person> = {}): Promise<Person> {
  return makePerson(tenant, { name: `报到党员${++seq}`, inService: true, workUnit: '旗直单位', ...fields });
}

export async function makePairing(tenant: string, orgId: string, communityOrgId: string, fields: Partial<OrgPairing> = {}): Promise<OrgPairing> {
  const now = Date.now();
  const row: OrgPairing = {
    id: newId('opr', now),
    orgId,
    communityOrgId,
    pairedOn: '2025-03-01',
    agreement: '共建协议：每季度到社区开展一次志愿服务。',
    contactName: '张联系',
    contactPhone: '13947601234',
    status: 'active',
    endedOn: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await dbOf(tenant).insert(orgPairings).values(row);
  return row;
}

export async function makeMemberReport(tenant: string, personId: string, communityOrgId: string, fields: Partial<MemberReport> = {}): Promise<MemberReport> {
  const now = Date.now();
  const row: MemberReport = { id: newId('mrp', now), personId, communityOrgId, reportedOn: '2025-01-10', status: 'active', endedOn: null, version: 1, createdAt: now, updatedAt: now, ...fields };
  await dbOf(tenant).insert(memberReports).values(row);
  return row;
}

export async function makeReportRecord(tenant: string, personId: string, communityOrgId: string, servedOn: string, minutes: number): Promise<void> {
  const now = Date.now();
  await dbOf(tenant)
    .insert(reportRecords)
    .values({ id: newId('rrc', now), personId, communityOrgId, servedOn, year: Number(servedOn.slice(0, 4)), content: '社区志愿服务', minutes, recordedBy: 'usr_factory', createdAt: now });
}
