import { AppError, newId, validation } from '@ronghe/core';
import type { IndicatorInput, IndicatorScheme, SchemeIndicator } from '@ronghe/schema';

/**
 * The scheme's own rules, beyond each field's shape (checked at the edge):
 * weights are percentages of the 100-point total, so they sum to exactly 100;
 * an indicator is computed by one metric or rated by one group at most once
 * (a second would count the same thing twice).
 */
export function checkIndicators(indicators: readonly IndicatorInput[]): void {
  const sum = indicators.reduce((s, i) => s + i.weight, 0);
  if (sum !== 100) {
    throw validation([{ path: 'body.indicators', message: `各项指标权重之和须为 100%，当前为 ${sum}%` }], `各项指标权重之和须为 100%，当前为 ${sum}%`);
  }
  const seen = new Map<string, number>();
  indicators.forEach((i, n) => {
    const key = i.kind === 'computed' ? `m:${i.metric}` : i.kind === 'rated' ? `g:${i.raterGroup}` : null;
    if (!key) return;
    if (seen.has(key)) {
      throw validation([{ path: `body.indicators.${n}.${i.kind === 'computed' ? 'metric' : 'raterGroup'}`, message: `与第 ${seen.get(key)! + 1} 项指标重复` }]);
    }
    seen.set(key, n);
  });
}

/** Rows of the indicators of a scheme, in the order given. */
export function indicatorRows(schemeId: string, indicators: readonly IndicatorInput[], now: number): SchemeIndicator[] {
  return indicators.map((i, n) => ({
    id: newId('ind', now),
    schemeId,
    position: n + 1,
    name: i.name,
    criteria: i.criteria ?? '',
    kind: i.kind,
    metric: i.kind === 'computed' ? (i.metric ?? null) : null,
    raterGroup: i.kind === 'rated' ? (i.raterGroup ?? null) : null,
    weight: i.weight,
    maxScore: i.maxScore,
  }));
}

/** Only a draft is edited or published as it is; say why otherwise (409). */
export function requireDraft(scheme: IndicatorScheme, what: string): void {
  if (scheme.status === 'frozen') throw new AppError('conflict', `指标体系“${scheme.name}”已被定档的年度考核使用，已冻结，不能${what}；可复制为新的版本后修改`, { extra: { reason: 'frozen' } });
  if (scheme.status === 'published') throw new AppError('conflict', `指标体系“${scheme.name}”已发布，不能${what}；可复制为新的版本后修改`, { extra: { reason: 'published' } });
}
