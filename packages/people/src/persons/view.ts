import { maskPhone, type Actor } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import type { Person, PersonView } from '@ronghe/schema';
import { personTarget, type PersonRow } from './rows.ts';

/** 身份证号 masked: the region's first six and the check character stay, the birth date and sequence go. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  return `${id.slice(0, 6)}${'*'.repeat(Math.max(id.length - 7, 0))}${id.slice(-1)}`;
}

/**
 * The API shape of a person. Lists never carry the identity number at all; a
 * detail carries it (and the full phone) only for a role allowed
 * `person.read_pii` over the person's home organization.
 */
export function toView(row: PersonRow, actor: Actor, opts: { list: boolean }): PersonView {
  const target = personTarget(row);
  const full = !opts.list && allows(actor, 'person.read_pii', target);
  const canManage = allows(actor, 'person.manage', target);
  const canLink = allows(actor, 'user.manage', {});
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    partyStanding: row.partyStanding,
    homeOrgId: row.homeOrgId,
    homeOrgName: row.homeOrgName,
    inService: row.inService,
    workUnit: row.workUnit,
    skills: row.skills,
    phone: full ? row.phone : maskPhone(row.phone),
    idNumber: opts.list ? null : full ? row.idNumber : maskIdNumber(row.idNumber),
    hasAccount: row.userId != null,
    userId: canLink ? row.userId : null,
    status: row.status,
    leftOn: row.leftOn,
    leftReason: row.leftReason,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    piiMasked: !full,
    can: { update: row.status === 'active' && canManage, leave: row.status === 'active' && canManage, linkAccount: canLink },
  };
}

/**
 * The audit snapshot of a person: the stored row with personal data masked
 * (the audit log is read more widely than the registry; collect the minimum)
 * and without the derived sort key.
 */
export function snapshot(row: Person): Record<string, unknown> {
  const { sortKey: _sortKey, ...rest } = row;
  return { ...rest, phone: maskPhone(row.phone), idNumber: maskIdNumber(row.idNumber) };
}
