import { auditInsert, newId, pinyinSortKey, writeBatch, type Ctx } from '@ronghe/core';
import { people, type Person, type PersonCreateInput, type PersonView } from '@ronghe/schema';
import { findPersonRow } from './rows.ts';
import { assertIdNumberFree, assertManage, kindProblems, loadHomeOrg, throwIfAny } from './rules.ts';
import { snapshot, toView } from './view.ts';

/** Registers a person under a home organization the actor manages (a volunteer without one: the county only). */
export async function createPerson({ ctx, input }: { ctx: Ctx; input: PersonCreateInput }): Promise<PersonView> {
  const state = { kind: input.kind, partyStanding: input.partyStanding ?? null, homeOrgId: input.homeOrgId ?? null };
  throwIfAny(kindProblems(state));
  const home = state.homeOrgId ? await loadHomeOrg(ctx, state.homeOrgId) : null;
  assertManage(ctx, home);
  await assertIdNumberFree(ctx, input.idNumber);

  const now = ctx.clock.now();
  const row: Person = {
    id: newId('psn', now),
    name: input.name,
    sortKey: pinyinSortKey(input.name),
    kind: input.kind,
    partyStanding: state.partyStanding,
    homeOrgId: state.homeOrgId,
    inService: input.inService ?? false,
    workUnit: input.workUnit ?? null,
    skills: input.skills ?? [],
    phone: input.phone ?? null,
    idNumber: input.idNumber ?? null,
    userId: null,
    status: 'active',
    leftOn: null,
    leftReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await writeBatch(ctx.db, [
    ctx.db.insert(people).values(row),
    auditInsert(ctx, { action: 'person.create', entityType: 'person', entityId: row.id, after: snapshot(row) }),
  ]);
  return toView(await findPersonRow(ctx, row.id), ctx.actor, { list: false });
}
