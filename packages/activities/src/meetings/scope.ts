import type { AllianceRef } from '@ronghe/alliance/read';

/** Where an alliance's thing sits, for the role × action matrix (as the lists' scope target). */
export function allianceTarget(a: AllianceRef, memberOrgId?: string) {
  return { allianceId: a.id, leadOrgId: a.leadOrgId, committeePath: a.committeePath, memberOrgId };
}
