import { AppError, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import type { OrgListQuery } from '@ronghe/schema';
import { allOrgRows } from './list.ts';
import { writeOrgSheet } from './sheet.ts';

/** The filtered registry as .xlsx; phones stay masked where the actor may not see them. */
export async function exportOrgs({ ctx, input }: { ctx: Ctx; input: Omit<OrgListQuery, 'cursor' | 'limit'> }): Promise<Uint8Array<ArrayBuffer>> {
  if (!allows(ctx.actor, 'org.export', {})) throw new AppError('forbidden', '当前角色无权导出党组织');
  const rows = await allOrgRows(ctx, input);
  return writeOrgSheet(rows, { maskPhones: (r) => !allows(ctx.actor, 'org.read_pii', { orgId: r.id, orgPath: r.path }) });
}
