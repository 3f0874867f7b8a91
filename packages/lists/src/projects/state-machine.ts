import { PROJECT_ACTION_LABELS, PROJECT_STATUS_LABELS, type ProjectAction, type ProjectStatus } from '@ronghe/schema';

/**
 * The project's state machine (项目清单, seed 000 6.4 and 9.3), as data:
 *
 *   proposed → claimed → in_progress → completed → accepted (验收)
 *                              ↑______ return ______|
 *   proposed | claimed | in_progress → cancelled
 *
 * `proposed → claimed` is not an action of its own: confirming the first
 * claim moves the project (see claims.ts). The HTTP operations
 * (`POST …/projects/{id}/{action}`), the `can` flags of the detail view and
 * the exhaustive test all read this one table.
 */
export interface ProjectTransition {
  from: readonly ProjectStatus[];
  to: ProjectStatus;
  /**
   * The matrix action that authorizes it. `project.deliver` is the alliance's
   * or a confirmed claimant's (the rules add the claimant check);
   * `project.manage` is the alliance's (统筹协调).
   */
  permission: 'project.manage' | 'project.deliver';
  /** What the allocations of the project move to, with the linked needs' and resources' quantities. */
  allocations: 'in_delivery' | 'fulfilled' | 'released' | null;
}

export const PROJECT_TRANSITIONS: Record<ProjectAction, ProjectTransition> = {
  start: { from: ['claimed'], to: 'in_progress', permission: 'project.deliver', allocations: 'in_delivery' },
  complete: { from: ['in_progress'], to: 'completed', permission: 'project.deliver', allocations: null },
  accept: { from: ['completed'], to: 'accepted', permission: 'project.manage', allocations: 'fulfilled' },
  return: { from: ['completed'], to: 'in_progress', permission: 'project.manage', allocations: null },
  cancel: { from: ['proposed', 'claimed', 'in_progress'], to: 'cancelled', permission: 'project.manage', allocations: 'released' },
};

/** States in which the project is still being carried out: claims, plans, progress and warnings apply. */
export const OPEN_PROJECT: readonly ProjectStatus[] = ['proposed', 'claimed', 'in_progress'];
/** States after which nothing changes any more. */
export const FINAL_PROJECT: readonly ProjectStatus[] = ['accepted', 'cancelled'];

export function isLegalProjectStep(action: ProjectAction, status: ProjectStatus): boolean {
  return PROJECT_TRANSITIONS[action].from.includes(status);
}

/** The Chinese explanation of an illegal step: the state it is in and from where the action starts. */
export function illegalProjectStepMessage(action: ProjectAction, status: ProjectStatus): string {
  const from = PROJECT_TRANSITIONS[action].from.map((s) => `“${PROJECT_STATUS_LABELS[s]}”`).join('或');
  return `项目当前为“${PROJECT_STATUS_LABELS[status]}”状态，不能“${PROJECT_ACTION_LABELS[action]}”：该操作只适用于${from}状态`;
}
