import type { AllianceAction, AllianceStatus, FilingKind } from '@ronghe/schema';
import { ALLIANCE_ACTION_LABELS, ALLIANCE_STATUS_LABELS } from '@ronghe/schema';

/**
 * The alliance's state machine (seed 000 §7–§8, seed 003 mechanisms 1, 6, 7),
 * as data: which states an action leaves from, where it goes, whose decision
 * it is, what it must carry and which filing (备案) it leaves.
 *
 *   draft → applied → approved | rejected → established → active ⇄ rectifying → dissolved
 *
 * `withdraw` (applied → draft) and `revise` (rejected → draft) let the lead
 * rework an application; an approved alliance that never forms may be dissolved.
 */
export interface Transition {
  from: readonly AllianceStatus[];
  to: AllianceStatus;
  /** The matrix action that authorizes it: the lead's file, or the approving committee's decision. */
  permission: 'alliance.manage' | 'alliance.review';
  /** What the body must carry beyond an optional date. */
  requires: 'reason' | 'reply' | 'foundedOn' | null;
  filing: FilingKind | null;
}

export const TRANSITIONS: Record<AllianceAction, Transition> = {
  apply: { from: ['draft'], to: 'applied', permission: 'alliance.manage', requires: null, filing: null },
  withdraw: { from: ['applied'], to: 'draft', permission: 'alliance.manage', requires: 'reason', filing: null },
  approve: { from: ['applied'], to: 'approved', permission: 'alliance.review', requires: 'reply', filing: 'approval' },
  reject: { from: ['applied'], to: 'rejected', permission: 'alliance.review', requires: 'reply', filing: null },
  revise: { from: ['rejected'], to: 'draft', permission: 'alliance.manage', requires: null, filing: null },
  establish: { from: ['approved'], to: 'established', permission: 'alliance.manage', requires: 'foundedOn', filing: null },
  start: { from: ['established'], to: 'active', permission: 'alliance.manage', requires: null, filing: null },
  rectify: { from: ['active'], to: 'rectifying', permission: 'alliance.review', requires: 'reason', filing: 'rectification' },
  restore: { from: ['rectifying'], to: 'active', permission: 'alliance.review', requires: 'reason', filing: 'rectification' },
  dissolve: { from: ['approved', 'established', 'active', 'rectifying'], to: 'dissolved', permission: 'alliance.review', requires: 'reason', filing: 'dissolution' },
};

export function isLegal(action: AllianceAction, status: AllianceStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The Chinese explanation of an illegal transition: what state it is in and from where the action starts. */
export function illegalTransitionMessage(action: AllianceAction, status: AllianceStatus): string {
  const from = TRANSITIONS[action].from.map((s) => `“${ALLIANCE_STATUS_LABELS[s]}”`).join('或');
  return `联合体当前为“${ALLIANCE_STATUS_LABELS[status]}”状态，不能“${ALLIANCE_ACTION_LABELS[action]}”：该操作只适用于${from}状态`;
}

/** States in which the alliance's own file (members, governance, documents) may still change. */
export const EDITABLE_FILE: readonly AllianceStatus[] = ['draft', 'rejected'];
export const GOVERNANCE_EDITABLE: readonly AllianceStatus[] = ['draft', 'rejected', 'approved', 'established', 'active', 'rectifying'];
export const ADJUSTABLE: readonly AllianceStatus[] = ['active', 'rectifying'];
