import type { ProjectStatus, WarningLevel } from '@ronghe/schema';
import { OPEN_PROJECT } from './state-machine.ts';

// 督办 rules, pure: the supervision job, every write and the tests call the
// same function. Dates are Asia/Shanghai calendar dates (YYYY-MM-DD).

/** Days after the scheduled share of time at which a late milestone turns a project red. */
export const MILESTONE_RED_AFTER_DAYS = 7;
/** A project due within this many days and not finished is at risk. */
export const DUE_SOON_DAYS = 7;
/** Progress this many percentage points behind the elapsed share of the schedule is at risk. */
export const BEHIND_SCHEDULE_POINTS = 30;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function isOpenProject(status: ProjectStatus): boolean {
  return OPEN_PROJECT.includes(status);
}

/** `overdue` is computed on read: past its deadline and still being carried out. */
export function isOverdue(p: { status: ProjectStatus; dueOn: string }, today: string): boolean {
  return isOpenProject(p.status) && p.dueOn < today;
}

export function isMilestoneOverdue(m: { dueOn: string | null; progressPct: number }, today: string): boolean {
  return !!m.dueOn && m.dueOn < today && m.progressPct < 100;
}

export interface WarningFacts {
  status: ProjectStatus;
  dueOn: string;
  /** The start the schedule counts from: actual start, else planned start, else the day it was created. */
  startOn: string | null;
  progressBp: number;
  milestones: ReadonlyArray<{ title: string; dueOn: string | null; progressPct: number }>;
}

export interface Warning {
  level: WarningLevel;
  reason: string | null;
  /** What the escalation names: the deadline passed and by how many days. */
  late: { what: string; dueOn: string; days: number } | null;
}

/**
 * red: past the deadline, or a milestone late by more than 7 days;
 * yellow: due within 7 days and not finished, or a milestone late, or
 * progress more than 30 points behind the elapsed share of the schedule;
 * green otherwise; none once completed, accepted or cancelled.
 */
export function computeWarning(p: WarningFacts, today: string): Warning {
  if (!isOpenProject(p.status)) return { level: 'none', reason: null, late: null };
  const pct = Math.floor(p.progressBp / 100);
  if (p.dueOn < today) {
    return { level: 'red', reason: `已超过完成期限（${p.dueOn}）仍未完成`, late: { what: '项目', dueOn: p.dueOn, days: daysBetween(p.dueOn, today) } };
  }
  // The latest milestone first; ties by plan order.
  const late = p.milestones
    .filter((m) => isMilestoneOverdue(m, today))
    .map((m) => ({ m, days: daysBetween(m.dueOn!, today) }))
    .sort((a, b) => b.days - a.days)[0];
  if (late && late.days > MILESTONE_RED_AFTER_DAYS) {
    return {
      level: 'red',
      reason: `节点“${late.m.title}”超过计划日期（${late.m.dueOn}）${MILESTONE_RED_AFTER_DAYS} 天以上仍未完成`,
      late: { what: `节点“${late.m.title}”`, dueOn: late.m.dueOn!, days: late.days },
    };
  }
  const left = daysBetween(today, p.dueOn);
  if (left <= DUE_SOON_DAYS && p.progressBp < 10_000) {
    return { level: 'yellow', reason: `将于 ${p.dueOn} 到期（${DUE_SOON_DAYS} 天内），进度 ${pct}%`, late: null };
  }
  if (late) return { level: 'yellow', reason: `节点“${late.m.title}”已超过计划日期（${late.m.dueOn}）`, late: null };
  if (p.startOn && p.startOn < p.dueOn && p.startOn <= today) {
    const elapsed = Math.min(100, (daysBetween(p.startOn, today) / daysBetween(p.startOn, p.dueOn)) * 100);
    if (elapsed - p.progressBp / 100 > BEHIND_SCHEDULE_POINTS) {
      return { level: 'yellow', reason: `进度落后于时间进度 ${BEHIND_SCHEDULE_POINTS} 个百分点以上`, late: null };
    }
  }
  return { level: 'green', reason: null, late: null };
}

/** Weighted milestone progress in basis points (Decidim accountability): Σ weight·pct / Σ weight × 100. */
export function rollUpProgress(milestones: ReadonlyArray<{ weight: number; progressPct: number }>): number {
  const total = milestones.reduce((s, m) => s + m.weight, 0);
  if (!total) return 0;
  return Math.floor((milestones.reduce((s, m) => s + m.weight * m.progressPct, 0) * 100) / total);
}
