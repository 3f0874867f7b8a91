import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { inList, type Ctx } from '@ronghe/core';
import { organizations, type TodoItemView } from '@ronghe/schema';

// 工作台 (issue 9 §3): what the registry contributes — where organizations sit
// in the 隶属 tree (to narrow a reviewer's to-dos to its committee's subtree),
// and the liaison's own organization record still missing its contacts.

/**
 * Of `candidateIds`, those that are one of `rootIds` or lie beneath one
 * (the `subtree` / `alliance_committee` scopes of the role matrix). Both lists
 * travel as one bound parameter each, whatever their length.
 */
export async function orgsWithin(ctx: Ctx, candidateIds: readonly string[], rootIds: readonly string[]): Promise<string[]> {
  if (candidateIds.length === 0 || rootIds.length === 0) return [];
  const rows = await ctx.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        inList(organizations.id, candidateIds),
        // instr, not LIKE: D1 refuses LIKE patterns over 50 bytes.
        sql`EXISTS (SELECT 1 FROM json_each(${JSON.stringify(rootIds)}) r WHERE instr(${organizations.path}, '/' || r.value || '/') > 0)`,
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The liaison edits its own organization's contacts (README demo accounts):
 * an active organization without a secretary or a liaison on record is a to-do.
 */
export async function liaisonOrgTodos(ctx: Ctx, orgIds: readonly string[]): Promise<TodoItemView[]> {
  if (orgIds.length === 0) return [];
  const rows = await ctx.db
    .select({ id: organizations.id, name: organizations.name, secretaryName: organizations.secretaryName, liaisonName: organizations.liaisonName, liaisonPhone: organizations.liaisonPhone })
    .from(organizations)
    .where(and(inList(organizations.id, orgIds), eq(organizations.status, 'active'), or(isNull(organizations.secretaryName), isNull(organizations.liaisonName), isNull(organizations.liaisonPhone))))
    .orderBy(asc(organizations.sortKey), asc(organizations.id));
  const t = `/t/${ctx.tenant.slug}`;
  return [
    {
      kind: 'org.contacts_missing',
      role: 'org_liaison',
      title: '本单位党组织信息待完善（书记、联络员）',
      count: rows.length,
      link: `${t}/orgs`,
      items: rows.slice(0, 10).map((o) => {
        const missing = [!o.secretaryName && '书记', !o.liaisonName && '联络员', !o.liaisonPhone && '联络员电话'].filter(Boolean);
        // The organization opens in the list's drawer, where its 编辑 is (?open=, lib/useOpenParam.ts).
        return { id: o.id, label: o.name, link: `${t}/orgs?open=${o.id}`, note: `缺少${missing.join('、')}` };
      }),
    },
  ];
}
