import { WARNING_LABELS, type DecisionStatus, type WarningLevel } from '@ronghe/schema';
import { daysBetween, DUE_SOON_DAYS } from '@ronghe/lists/read';

// A joint meeting's decision is supervised the way projects are (督办): the same
// warning levels and labels (red 逾期, yellow 预警, green 正常, none once done)
// and the same "due soon" window. Decisions have no progress or milestones, so
// the warning is computed on read from the deadline and today rather than by
// the projects' daily job (which recomputes stored project columns): nothing
// stored goes stale, and the 工作台 and the lists read the same function.
// An overdue decision is escalated to the alliance's approving committee: its
// reviewer sees it in the decisions list (escalated = true) and the 工作台.

export interface DecisionWarning {
  level: WarningLevel;
  reason: string | null;
  escalated: boolean;
}

export function decisionWarning(d: { status: DecisionStatus; dueOn: string }, today: string): DecisionWarning {
  if (d.status === 'done') return { level: 'none', reason: null, escalated: false };
  if (d.dueOn < today) {
    return { level: 'red', reason: `已超过办结期限（${d.dueOn}）${daysBetween(d.dueOn, today)} 天仍未办结，已提请批准联合体的上级党(工)委督办`, escalated: true };
  }
  if (daysBetween(today, d.dueOn) <= DUE_SOON_DAYS) return { level: 'yellow', reason: `将于 ${d.dueOn} 到期（${DUE_SOON_DAYS} 天内）`, escalated: false };
  return { level: 'green', reason: null, escalated: false };
}

/** The status shown: `overdue` is an open decision past its deadline. */
export function decisionStatusOf(d: { status: DecisionStatus; dueOn: string }, today: string): DecisionStatus | 'overdue' {
  return d.status === 'open' && d.dueOn < today ? 'overdue' : d.status;
}

export const DECISION_WARNING_LABELS = WARNING_LABELS;
