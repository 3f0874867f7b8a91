import { shanghaiDate, type Ctx } from '@ronghe/core';
import { allAllianceRefsQuery } from '@ronghe/alliance/read';
import type { QuotaComplianceQuery, QuotaPlanView, QuotaStanding } from '@ronghe/schema';
import { RUNNING } from '../activities/shared.ts';
import { STANDING_ORDER } from './compliance-rules.ts';
import { planViews } from './standings.ts';

/** Every running alliance's quota standing for a year (behind first), for the county's table and its export. */
export async function allComplianceViews(ctx: Ctx, year: number | undefined): Promise<{ year: number; asOf: string; views: QuotaPlanView[] }> {
  const today = shanghaiDate(ctx.clock.now());
  const y = year ?? Number(today.slice(0, 4));
  const refs = (await allAllianceRefsQuery(ctx)).filter((a) => RUNNING.includes(a.status));
  const views = await planViews(ctx, refs, y, today);
  views.sort((a, b) => STANDING_ORDER.indexOf(a.standing) - STANDING_ORDER.indexOf(b.standing) || a.allianceName.localeCompare(b.allianceName, 'zh-CN'));
  return { year: y, asOf: today, views };
}

/** The county table of quota compliance: counts by standing, a filter and a page. */
export async function listCompliance({ ctx, input }: { ctx: Ctx; input: QuotaComplianceQuery }) {
  const { year, asOf, views } = await allComplianceViews(ctx, input.year);
  const counts: Record<QuotaStanding, number> = { met: 0, open: 0, at_risk: 0, behind: 0 };
  for (const v of views) counts[v.standing]++;
  const filtered = input.standing ? views.filter((v) => v.standing === input.standing) : views;
  const limit = input.limit ?? 20;
  const page = input.page ?? 1;
  return { year, asOf, counts, items: filtered.slice((page - 1) * limit, page * limit), total: filtered.length, page, limit };
}
