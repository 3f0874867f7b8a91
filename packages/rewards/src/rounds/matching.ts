// 配套 (ADR 0025): a county round matches a published city round's awards to
// the county's own recipients at a ratio, from a matching budget of its own,
// with a stated shortfall rule (allocate/match.ts does the arithmetic and
// writes the explanations). The city's awards are read from the city's
// database — only the lines of this county's recipients.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { AppError, validation, type Ctx } from '@ronghe/core';
import { rewardAllocations, rewardRounds, ROUND_STATUS_LABELS, type CountyMatchingView, type MatchingFrozen, type MatchingSettings, type RewardRound } from '@ronghe/schema';
import { matchCityAwards } from '../allocate/match.ts';
import { loadRound } from './view.ts';
import { cityDb, visitCounties, type RoundsEnv } from './tenants.ts';

/** The ratio in words: 市级奖补每 1 元，县级配套 x 元 (county : city = num : den). */
export function ratioText(m: Pick<MatchingSettings, 'ratioNum' | 'ratioDen'>): string {
  return `市县 ${m.ratioDen}:${m.ratioNum}（市级奖补每 ${m.ratioDen} 元，县级配套 ${m.ratioNum} 元）`;
}

/** A published city round, read from the city's database; anything else is refused naming the field. */
async function publishedCityRound(env: RoundsEnv, id: string): Promise<RewardRound> {
  const round = await cityDb(env).select().from(rewardRounds).where(eq(rewardRounds.id, id)).get();
  if (!round || round.level !== 'city' || round.status !== 'published') throw validation([{ path: 'json.matching.cityRoundId', message: '所选市级轮次不存在或尚未发布' }]);
  return round;
}

/**
 * Settings a round may carry: only a county round matches, and only a
 * published city round of the same subject. Checked when the round is
 * created or changed (422 naming the field).
 */
export async function checkMatching(ctx: Ctx, env: RoundsEnv | undefined, m: MatchingSettings | null | undefined, subject: RewardRound['subject']): Promise<void> {
  if (!m) return;
  if (ctx.tenant.kind === 'city') throw validation([{ path: 'json.matching', message: '市级轮次不设配套；配套由旗县区在本级轮次中设置' }]);
  if (!env) throw new Error('matching needs the city database');
  const city = await publishedCityRound(env, m.cityRoundId);
  if (city.subject !== subject) throw validation([{ path: 'json.matching.cityRoundId', message: `所选市级轮次的奖补对象是${city.subject === 'alliance' ? '党建联合体' : '党支部'}，与本轮不一致` }]);
}

/** The county's 配套 of a round on the city's published awards (null when the round matches nothing). */
export async function computeMatching(ctx: Ctx, env: RoundsEnv | undefined, round: RewardRound): Promise<MatchingFrozen | null> {
  const m = round.matching;
  if (!m) return null;
  if (!env) throw new Error('matching needs the city database');
  const city = await cityDb(env).select().from(rewardRounds).where(eq(rewardRounds.id, m.cityRoundId)).get();
  if (!city || city.level !== 'city' || city.status !== 'published') throw new AppError('conflict', '配套的市级轮次不存在或尚未发布；请在设置中重新选择');
  const lines = await cityDb(env)
    .select({ id: rewardAllocations.recipientId, name: rewardAllocations.recipientName, amountFen: rewardAllocations.amountFen })
    .from(rewardAllocations)
    .where(and(eq(rewardAllocations.roundId, city.id), eq(rewardAllocations.recipientTenant, ctx.tenant.slug), gt(rewardAllocations.amountFen, 0)))
    .orderBy(asc(rewardAllocations.position));
  const r = matchCityAwards({ cityAwards: lines, ratioNum: m.ratioNum, ratioDen: m.ratioDen, countyBudgetFen: m.budgetFen, shortfallRule: m.shortfallRule });
  return {
    cityRoundId: city.id,
    cityRoundName: city.name,
    ruleText: r.ruleText,
    ratioText: ratioText(m),
    budgetFen: m.budgetFen,
    cityTotalFen: r.cityTotalFen,
    wantedTotalFen: r.wantedTotalFen,
    matchedTotalFen: r.matchedTotalFen,
    shortfallTotalFen: r.shortfallTotalFen,
    unusedFen: r.unusedFen,
    notes: r.notes,
    lines: r.lines.map((l) => ({ recipientId: l.id, recipientName: l.name, cityFen: l.cityFen, wantedFen: l.wantedFen, matchedFen: l.matchedFen, shortfallFen: l.shortfallFen, steps: l.steps })),
  };
}

/** What a simulation keeps of the 配套 (publishing must match it too). */
export const matchedAmounts = (m: MatchingFrozen | null) => (m ? Object.fromEntries(m.lines.map((l) => [l.recipientId, l.matchedFen])) : undefined);

/**
 * Each county's 配套 of a city round, as the city sees it: the county rounds
 * that match it, read in each county's database (forEachTenant). A published
 * one shows its frozen matching; a draft only that it is being prepared.
 */
export async function countyMatching({ ctx, env, input }: { ctx: Ctx; env: RoundsEnv; input: { id: string } }): Promise<{ items: CountyMatchingView[] }> {
  const { round } = await loadRound(ctx, input.id);
  if (round.level !== 'city') return { items: [] };
  const visits = await visitCounties(ctx, env, (c) =>
    c.db
      .select()
      .from(rewardRounds)
      .where(sql`json_extract(${rewardRounds.matching}, '$.cityRoundId') = ${round.id}`)
      .orderBy(asc(rewardRounds.id)),
  );
  return {
    items: visits.flatMap(({ county, value }) =>
      value.map((r) => ({
        county: county.slug,
        countyName: county.name,
        roundId: r.id,
        roundName: r.name,
        status: r.status,
        statusLabel: ROUND_STATUS_LABELS[r.status],
        ratioText: ratioText(r.matching!),
        budgetFen: r.matching!.budgetFen,
        matching: r.status === 'published' ? r.matched : null,
      })),
    ),
  };
}
