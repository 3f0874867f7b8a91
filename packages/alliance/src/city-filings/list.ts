import { and, asc, desc, eq, or, lt, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, keysetPage, PAGE_SIZE_DEFAULT, validation, type TenantDb } from '@ronghe/core';
import { cityFilings, FILING_KIND_LABELS, type CityFiling, type CityFilingListQuery, type CityFilingView, type TodoItemView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { TODO_SAMPLE } from '../todos.ts';

export function cityView(f: Pick<CityFiling, Exclude<keyof CityFiling, 'version' | 'copiedAt'>>): CityFilingView {
  return {
    tenant: f.tenant,
    tenantName: findTenant(f.tenant)?.name ?? f.tenant,
    id: f.id,
    kind: f.kind,
    kindLabel: FILING_KIND_LABELS[f.kind],
    allianceId: f.allianceId,
    allianceName: f.allianceName,
    committeeName: f.committeeName,
    title: f.title,
    summary: f.summary,
    filedOn: f.filedOn,
    filedAt: f.filedAt,
    countyState: f.countyState,
    cityState: f.cityState,
    cityAckAt: f.cityAckAt,
    cityAckBy: f.cityAckBy,
  };
}

/**
 * 市委组织部备案收件箱: every county's filings, newest first, from the copy in
 * the control database — one query whatever the number of counties (ADR 0024).
 * `unread` counts the filings the city has not signed under the same filters
 * (the menu's badge asks with none).
 */
export async function listCityFilings({ control, input }: { control: TenantDb; input: CityFilingListQuery }) {
  if (input.tenant && findTenant(input.tenant)?.kind !== 'county') throw validation([{ path: 'query.tenant', message: '旗县区不存在' }]);
  const where: SQL[] = [];
  if (input.tenant) where.push(eq(cityFilings.tenant, input.tenant));
  if (input.kind) where.push(eq(cityFilings.kind, input.kind));
  if (input.state) where.push(eq(cityFilings.cityState, input.state));
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where];
  if (input.cursor) {
    const [at, tenant, id] = decodeCursor(input.cursor, 3);
    pageWhere.push(
      or(
        lt(cityFilings.filedAt, Number(at)),
        and(eq(cityFilings.filedAt, Number(at)), sql`(${cityFilings.tenant}, ${cityFilings.id}) < (${String(tenant)}, ${String(id)})`),
      )!,
    );
  }
  const [rows, totals] = await control.batch([
    control
      .select()
      .from(cityFilings)
      .where(and(...pageWhere))
      .orderBy(desc(cityFilings.filedAt), desc(cityFilings.tenant), desc(cityFilings.id))
      .limit(limit + 1),
    control
      .select({ total: sql<number>`count(*)`.mapWith(Number), unread: sql<number>`coalesce(sum(${cityFilings.cityState} = 'unread'), 0)`.mapWith(Number) })
      .from(cityFilings)
      .where(and(...where)),
  ]);
  const { page, nextCursor } = keysetPage(rows, limit, (r) => [r.filedAt, r.tenant, r.id]);
  return { items: page.map(cityView), total: totals[0]?.total ?? 0, unread: totals[0]?.unread ?? 0, nextCursor };
}

/**
 * The 市委组织部's 工作台 card: filings the city has not signed, oldest first, from the same copy in the
 * control database (one batch: the sample and the count). `city` is the city tenant's slug, for the link.
 */
export async function cityFilingTodos(control: TenantDb, city: string): Promise<TodoItemView[]> {
  const unread = eq(cityFilings.cityState, 'unread');
  const [rows, totals] = await control.batch([
    control
      .select({ tenant: cityFilings.tenant, id: cityFilings.id, allianceName: cityFilings.allianceName, title: cityFilings.title, filedOn: cityFilings.filedOn })
      .from(cityFilings)
      .where(unread)
      .orderBy(asc(cityFilings.filedAt), asc(cityFilings.tenant), asc(cityFilings.id))
      .limit(TODO_SAMPLE),
    control.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cityFilings).where(unread),
  ]);
  const link = `/t/${city}/city-filings?state=unread`;
  const count = totals[0]?.n ?? 0;
  return [
    {
      kind: 'filing.city_unread',
      role: 'city_admin',
      title: '全市备案待签收',
      count,
      link,
      items: rows.map((f) => ({ id: `${f.tenant}/${f.id}`, label: `${findTenant(f.tenant)?.name ?? f.tenant}·${f.allianceName}：${f.title}`, link, note: `${f.filedOn} 备案` })),
    },
  ];
}
