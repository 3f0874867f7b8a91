import type { ProjectAction, ProjectStatus } from '@ronghe/schema';

/**
 * The project lifecycle (项目清单), state × action, written by hand from
 * README.md ("The three lists"), seed 000 6.4 and 9.3 and ADR 0009 — not
 * from `PROJECT_TRANSITIONS`.
 *
 *   proposed → claimed → in_progress → completed → accepted (验收)
 *
 * `proposed → claimed` is not an action of its own: confirming a claim does
 * it (see claim-states.ts). One row per action: who may take it, then one
 * cell per state: the state it moves to, or '—' (409 naming the state).
 */
export type ProjectCell = ProjectStatus | '—';
export type ProjectDecider = 'project.manage' | 'project.deliver';

export const PROJECT_STATE_COLUMNS = ['proposed', 'claimed', 'in_progress', 'completed', 'accepted', 'cancelled'] as const satisfies readonly ProjectStatus[];

const no = '—';

// The grid is aligned by hand so a reviewer can read it column by column.
export const PROJECT_STATES: Record<
  ProjectAction,
  readonly [by: ProjectDecider, proposed: ProjectCell, claimed: ProjectCell, in_progress: ProjectCell, completed: ProjectCell, accepted: ProjectCell, cancelled: ProjectCell]
> = {
  //          who                 proposed     claimed        in_progress    completed      accepted  cancelled
  // README: the project moves on "as member organizations claim it, the alliance confirms, milestones progress":
  // work starts once someone is confirmed to carry it — by the claimant (or the alliance).
  start:    ['project.deliver', no,          'in_progress', no,            no,            no,       no],
  // The one carrying it out reports it done.
  complete: ['project.deliver', no,          no,            'completed',   no,            no,       no],
  // README: "the alliance accepts" (验收) a completed project; acceptance fulfils the needs.
  accept:   ['project.manage',  no,          no,            no,            'accepted',    no,       no],
  // 验收 may find the work short and send it back (退回) to the one carrying it out.
  return:   ['project.manage',  no,          no,            no,            'in_progress', no,       no],
  // README: "cancelling releases the quantities" — only while the work is still open; nothing after completion.
  cancel:   ['project.manage',  'cancelled', 'cancelled',   'cancelled',   no,            no,       no],
};

/** The intended target of `action` from `state`, or null when the action does not apply there. */
export function projectTarget(action: ProjectAction, state: ProjectStatus): ProjectStatus | null {
  const cell = PROJECT_STATES[action][1 + PROJECT_STATE_COLUMNS.indexOf(state as never)]!;
  return cell === '—' ? null : (cell as ProjectStatus);
}
