import type { AdjustmentStatus, AllianceStatus } from '@ronghe/schema';
import { ALLIANCE_STATE_COLUMNS } from './alliance-states.ts';

/**
 * Adjustments (调整: a member joins or leaves, the type or the lead changes),
 * written by hand from seed 000 8.3 ("调整、撤销由批准其设立的党(工)委研究决定，
 * 并报…备案"), README ("only the approving committee's reviewer … decides
 * adjustments") and ADR 0007 — not from the code.
 *
 * Two grids: the adjustment's own states (one row per decision), and the
 * alliance states in which an adjustment may be proposed or decided.
 */
export type AdjustmentDecision = 'approve' | 'reject';
export type AdjustmentCell = AdjustmentStatus | '—';

export const ADJUSTMENT_STATE_COLUMNS = ['proposed', 'approved', 'rejected'] as const satisfies readonly AdjustmentStatus[];

const no = '—';
const ok = '✓';

// The grid is aligned by hand so a reviewer can read it column by column.
export const ADJUSTMENT_STATES: Record<AdjustmentDecision, readonly [by: 'alliance.review', proposed: AdjustmentCell, approved: AdjustmentCell, rejected: AdjustmentCell]> = {
  //         decided by          proposed     approved  rejected
  // Seed 000 8.3: the approving committee decides a proposal once; a decided one is closed (409).
  approve: ['alliance.review', 'approved',  no,       no],
  reject:  ['alliance.review', 'rejected',  no,       no],
};

export type AlliancePhaseCell = typeof ok | typeof no;

// The grid is aligned by hand so a reviewer can read it column by column.
export const ADJUSTMENT_ALLIANCE_STATES: Record<
  'propose' | 'decide',
  readonly [by: 'alliance.adjust' | 'alliance.review', draft: AlliancePhaseCell, applied: AlliancePhaseCell, approved: AlliancePhaseCell, rejected: AlliancePhaseCell, established: AlliancePhaseCell, active: AlliancePhaseCell, rectifying: AlliancePhaseCell, dissolved: AlliancePhaseCell]
> = {
  //         who                 draft  applied  approved  rejected  established  active  rectifying  dissolved
  // Seed 000 8.3 动态调整 is for a running alliance (also while it is being rectified); before that the lead
  // edits its own file (draft/refused), in between the approved file is frozen; a dissolved alliance is gone.
  propose: ['alliance.adjust', no,    no,      no,       no,       no,          ok,     ok,         no],
  // The same holds when the committee decides: an alliance dissolved meanwhile cannot be adjusted.
  decide:  ['alliance.review', no,    no,      no,       no,       no,          ok,     ok,         no],
};

export function adjustmentTarget(decision: AdjustmentDecision, state: AdjustmentStatus): AdjustmentStatus | null {
  const cell = ADJUSTMENT_STATES[decision][1 + ADJUSTMENT_STATE_COLUMNS.indexOf(state as never)]!;
  return cell === '—' ? null : (cell as AdjustmentStatus);
}

export function adjustableIn(step: 'propose' | 'decide', alliance: AllianceStatus): boolean {
  return ADJUSTMENT_ALLIANCE_STATES[step][1 + ALLIANCE_STATE_COLUMNS.indexOf(alliance as never)] === ok;
}
