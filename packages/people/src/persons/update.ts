import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, pinyinSortKey, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { people, type Person, type PersonUpdateInput, type PersonView } from '@ronghe/schema';
import { findPersonRow } from './rows.ts';
import { assertIdNumberFree, assertManage, kindProblems, loadHomeOrg, throwIfAny } from './rules.ts';
import { snapshot, toView } from './view.ts';

/** Edits a person (optimistic version); moving them to another branch needs the right over both. */
export async function updatePerson({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; expectedVersion: number; patch: PersonUpdateInput };
}): Promise<PersonView> {
  const current = await findPersonRow(ctx, input.id);
  assertManage(ctx, current.homeOrgId ? { id: current.homeOrgId, path: current.homeOrgPath ?? '' } : null);
  if (current.version !== input.expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  if (current.status !== 'active') throw new AppError('conflict', '已转出的人员不能修改');

  const { homeOrgName: _n, homeOrgPath: _p, ...stored } = current;
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as Partial<Person>;
  const next: Person = { ...stored, ...patch, version: current.version + 1, updatedAt: ctx.clock.now() };
  // A volunteer made a party member (or back) carries its standing with it; the check below names what is missing.
  if (input.patch.kind === 'volunteer' && input.patch.partyStanding === undefined) next.partyStanding = null;
  next.sortKey = pinyinSortKey(next.name);
  throwIfAny(kindProblems(next));
  if (next.homeOrgId !== current.homeOrgId) {
    const home = next.homeOrgId ? await loadHomeOrg(ctx, next.homeOrgId) : null;
    assertManage(ctx, home);
  }
  if (next.idNumber !== current.idNumber) await assertIdNumberFree(ctx, next.idNumber, current.id);

  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(people)
        .set({ ...next, id: undefined })
        .where(and(eq(people.id, current.id), eq(people.version, input.expectedVersion))),
      auditGuarded(ctx, { action: 'person.update', entityType: 'person', entityId: current.id, before: snapshot(stored), after: snapshot(next) }),
    ]),
  );
  return toView(await findPersonRow(ctx, current.id), ctx.actor, { list: false });
}
