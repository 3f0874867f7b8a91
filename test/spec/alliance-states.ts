import type { AllianceAction, AllianceStatus } from '@ronghe/schema';

/**
 * The alliance lifecycle, state × action, written by hand from README.md ("The
 * alliance lifecycle"), seed 000 §7–8 and ADR 0007 — not from `TRANSITIONS`.
 *
 *   draft → applied → approved | rejected → established → active ⇄ rectifying → dissolved
 *
 * One row per action: who decides it (the matrix action that authorizes it),
 * then one cell per state the alliance is in: the state it moves to, or '—'
 * when the action does not apply there (409 naming the state).
 */
export type AllianceCell = AllianceStatus | '—';
export type Decider = 'alliance.manage' | 'alliance.review';

export const ALLIANCE_STATE_COLUMNS = ['draft', 'applied', 'approved', 'rejected', 'established', 'active', 'rectifying', 'dissolved'] as const satisfies readonly AllianceStatus[];

const no = '—';

// The grid is aligned by hand so a reviewer can read it column by column.
export const ALLIANCE_STATES: Record<
  AllianceAction,
  readonly [by: Decider, draft: AllianceCell, applied: AllianceCell, approved: AllianceCell, rejected: AllianceCell, established: AllianceCell, active: AllianceCell, rectifying: AllianceCell, dissolved: AllianceCell]
> = {
  //           decided by          draft      applied     approved       rejected  established  active         rectifying  dissolved
  // Seed 000 7.1 申请: the lead organization files a written application with the upper committee.
  apply:     ['alliance.manage', 'applied', no,         no,            no,       no,          no,            no,         no],
  // ADR 0007: the lead may take an application back before the committee decides, to rework it.
  withdraw:  ['alliance.manage', no,        'draft',    no,            no,       no,          no,            no,         no],
  // Seed 000 7.2 批准: the upper committee reviews the application and replies in writing (approval filed).
  approve:   ['alliance.review', no,        'approved', no,            no,       no,          no,            no,         no],
  // Seed 000 7.2: the written reply may refuse.
  reject:    ['alliance.review', no,        'rejected', no,            no,       no,          no,            no,         no],
  // ADR 0007: a refused application goes back to the lead's draft.
  revise:    ['alliance.manage', no,        no,         no,            'draft',  no,          no,            no,         no],
  // Seed 000 7.3 组建: the founding meeting, once approved.
  establish: ['alliance.manage', no,        no,         'established', no,       no,          no,            no,         no],
  // Seed 000 8.1 运行: a founded alliance starts running.
  start:     ['alliance.manage', no,        no,         no,            no,       'active',    no,            no,         no],
  // Seed 000 8.2 考核 → DOMAIN "poor results lead to 规范整顿", decided by the approving committee.
  rectify:   ['alliance.review', no,        no,         no,            no,       no,          'rectifying',  no,         no],
  // README: active ⇄ rectifying — the committee ends the rectification.
  restore:   ['alliance.review', no,        no,         no,            no,       no,          no,            'active',   no],
  // Seed 000 8.3 撤销 by the approving committee: any alliance it approved, formed or not (ADR 0007: an approved
  // alliance that never formed); a draft, an application or a refused one was never approved, a dissolved one is gone.
  dissolve:  ['alliance.review', no,        no,         'dissolved',   no,       'dissolved', 'dissolved',   'dissolved', no],
};

/** The intended target of `action` from `state`, or null when the action does not apply there. */
export function allianceTarget(action: AllianceAction, state: AllianceStatus): AllianceStatus | null {
  const cell = ALLIANCE_STATES[action][1 + ALLIANCE_STATE_COLUMNS.indexOf(state as never)]!;
  return cell === '—' ? null : (cell as AllianceStatus);
}
