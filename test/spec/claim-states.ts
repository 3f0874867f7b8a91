import type { ClaimStatus, ProjectStatus } from '@ronghe/schema';
import { PROJECT_STATE_COLUMNS } from './project-states.ts';

/**
 * Claims (认领), written by hand from seed 000 6.4 ("成员党组织…认领服务项目，
 * 党建联合体统筹协调督办落实") and README ("member organizations claim it, the
 * alliance confirms") — not from the code. A member organization claims a
 * project for itself (its liaison or its secretary); the alliance's lead
 * confirms or declines (a decline says why); the claimant may withdraw.
 *
 * Two grids: the claim's own states (one row per action), and for each
 * action on a claim in the state where it applies, the project's status
 * afterwards for each project status it is tried in ('—': refused, 409).
 */
export type ClaimAction = 'confirm' | 'decline' | 'withdraw';
export type ClaimCell = ClaimStatus | '—';
type Who = 'project.manage' | 'project.claim';

export const CLAIM_STATE_COLUMNS = ['pending', 'confirmed', 'declined', 'withdrawn'] as const satisfies readonly ClaimStatus[];

const no = '—';

// The grid is aligned by hand so a reviewer can read it column by column.
export const CLAIM_STATES: Record<ClaimAction, readonly [by: Who, pending: ClaimCell, confirmed: ClaimCell, declined: ClaimCell, withdrawn: ClaimCell]> = {
  //          who                pending      confirmed    declined  withdrawn
  // README: "the alliance confirms" a claim, once.
  confirm:  ['project.manage', 'confirmed', no,          no,       no],
  // …or declines it (with a reason), once.
  decline:  ['project.manage', 'declined',  no,          no,       no],
  // The claimant takes back its offer, pending or confirmed (the second only before work starts, below).
  withdraw: ['project.claim',  'withdrawn', 'withdrawn', no,       no],
};

type P = ProjectStatus | '—';

// The grid is aligned by hand so a reviewer can read it column by column.
export const CLAIM_PROJECT_STATES: Record<
  'claim' | 'confirm pending' | 'decline pending' | 'withdraw pending' | 'withdraw the only confirmed',
  readonly [proposed: P, claimed: P, in_progress: P, completed: P, accepted: P, cancelled: P]
> = {
  //                               proposed    claimed     in_progress    completed  accepted  cancelled
  // Claims are taken while the work is open (seed 000 6.4); a completed, accepted or cancelled project takes none.
  'claim':                       ['proposed', 'claimed',  'in_progress', no,        no,       no],
  // README: "a project moves proposed → claimed as member organizations claim it, the alliance confirms".
  'confirm pending':             ['claimed',  'claimed',  'in_progress', no,        no,       no],
  'decline pending':             ['proposed', 'claimed',  'in_progress', no,        no,       no],
  'withdraw pending':            ['proposed', 'claimed',  'in_progress', no,        no,       no],
  // A confirmed claimant steps back only before work starts; with nobody left confirmed the project is open for
  // claims again. (A proposed project has no confirmed claim: confirming one made it claimed.)
  'withdraw the only confirmed': [no,         'proposed', no,            no,        no,       no],
};

export function claimTarget(action: ClaimAction, state: ClaimStatus): ClaimStatus | null {
  const cell = CLAIM_STATES[action][1 + CLAIM_STATE_COLUMNS.indexOf(state as never)]!;
  return cell === '—' ? null : (cell as ClaimStatus);
}

export function projectAfterClaim(step: keyof typeof CLAIM_PROJECT_STATES, project: ProjectStatus): ProjectStatus | null {
  const cell = CLAIM_PROJECT_STATES[step][PROJECT_STATE_COLUMNS.indexOf(project as never)]!;
  return cell === '—' ? null : (cell as ProjectStatus);
}
