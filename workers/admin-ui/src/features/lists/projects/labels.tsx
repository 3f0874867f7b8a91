import {
  CLAIM_STATUS_LABELS,
  FUNDING_SOURCES,
  PROJECT_ACTION_LABELS,
  PROJECT_ACTIONS,
  PROJECT_BOARD_STATUSES,
  PROJECT_NOTE_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  WARNING_LABELS,
} from '@ronghe/schema/enums';
import type { AllocationState, ClaimStatus, ProjectAction, ProjectNoteKind, ProjectStatus, WarningLevel } from '@ronghe/schema';
import { antIsland } from '../../../lib/ant-island.tsx';
import { StatusDot } from '../../../light/Badge.tsx';
import { Space } from '../../../light/Space.tsx';
import { Tag } from '../../../light/Tag.tsx';

// The labels draw without antd (src/light/): the board, the list and 督办预警 are light pages. Only a
// warning's reason, on hover, is antd's Tooltip, an island that arrives once the page is on screen.
const ReasonTip = antIsland(() => import('./ReasonTip.tsx').then((m) => m.ReasonTip));

export { CLAIM_STATUS_LABELS, FUNDING_SOURCES, PROJECT_ACTION_LABELS, PROJECT_ACTIONS, PROJECT_NOTE_KIND_LABELS, PROJECT_STATUS_LABELS, WARNING_LABELS };
export type { ProjectAction, ProjectStatus, WarningLevel };

/**
 * The board's columns, in the order work moves (cancelled projects only behind the status filter,
 * which narrows the board to that one column). Here, not in first-reads.ts: the statuses' module
 * is large and the preload, in the first load, does not need them.
 */
export const boardColumns = (status: string | undefined): readonly ProjectStatus[] => (status ? [status as ProjectStatus] : PROJECT_BOARD_STATUSES);

export const STATUS_OPTIONS = PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }));
export const WARNING_OPTIONS = (['red', 'yellow', 'green'] as const).map((w) => ({ value: w, label: WARNING_LABELS[w] }));

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  proposed: 'default',
  claimed: 'cyan',
  in_progress: 'processing',
  completed: 'geekblue',
  accepted: 'success',
  cancelled: 'default',
};

export const WARNING_COLORS: Record<WarningLevel, string> = { red: '#cf1322', yellow: '#faad14', green: '#52c41a', none: '#d9d9d9' };

export const CLAIM_COLORS: Record<ClaimStatus, string> = { pending: 'processing', confirmed: 'success', declined: 'error', withdrawn: 'default' };

export const ALLOCATION_STATE_LABELS: Record<AllocationState, string> = {
  committed: '已对接',
  in_delivery: '实施中',
  fulfilled: '已交付',
  released: '已释放',
};
export const ALLOCATION_COLORS: Record<AllocationState, string> = { committed: 'blue', in_delivery: 'processing', fulfilled: 'success', released: 'default' };

export const NOTE_COLORS: Record<ProjectNoteKind, string> = { supervise: 'red', reply: 'blue', warning: 'orange', escalation: 'volcano', event: 'gray' };

/** Actions that end or set back a project: their buttons are red. */
export const DANGEROUS: ReadonlySet<ProjectAction> = new Set(['return', 'cancel']);

export function StatusTag({ status, testId }: { status: ProjectStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {PROJECT_STATUS_LABELS[status]}
    </Tag>
  );
}

/** A warning's dot in its colour; the ref, the handlers and the class reach the span, so a Tooltip around it works. */
export function WarningBadge({ level, ...rest }: Omit<Parameters<typeof StatusDot>[0], 'color' | 'status'> & { level: WarningLevel }) {
  return <StatusDot color={WARNING_COLORS[level]} {...rest} />;
}

/** The 红黄绿灯 of 督办: a coloured dot and its word, the reason on hover. */
export function WarningLight({ level, reason, testId }: { level: WarningLevel; reason?: string | null; testId?: string }) {
  if (level === 'none') return null;
  const light = <WarningBadge level={level} text={WARNING_LABELS[level]} data-testid={testId} data-level={level} />;
  return reason ? (
    <ReasonTip title={reason} placeholder={light}>
      {light}
    </ReasonTip>
  ) : (
    light
  );
}

export function OverdueTag() {
  return (
    <Tag color="error" style={{ marginInlineEnd: 0 }}>
      逾期
    </Tag>
  );
}

/** A due date (完成期限, 节点期限), with 逾期 beside it once passed. */
export function DueDate({ date, overdue }: { date: string | null; overdue: boolean }) {
  return (
    <Space size={4}>
      {date ?? '—'}
      {overdue && <OverdueTag />}
    </Space>
  );
}

/** Progress as a number even at 100% (antd would show a tick): people read how far the work is. */
export const pctText = (pct?: number) => `${pct ?? 0}%`;
