import { FUND_SOURCE_LABELS, FUND_SOURCES, type FundSource } from '@ronghe/schema';
import type { FundEntryView } from './api.ts';

export const SOURCE_OPTIONS = FUND_SOURCES.map((s) => ({ value: s, label: FUND_SOURCE_LABELS[s] }));

export const sourceLabel = (s: FundSource | null) => (s ? FUND_SOURCE_LABELS[s] : '—');

/** 来源/用途 in words (as the exported ledger says it). */
export function purposeText(e: FundEntryView): string {
  const base = e.kind === 'income' ? `${sourceLabel(e.source)}${e.orgName ? `（${e.orgName}）` : ''}` : e.projectTitle ? `项目：${e.projectTitle}` : '其他支出';
  return e.reversesId ? `冲正 · ${base}` : base;
}
