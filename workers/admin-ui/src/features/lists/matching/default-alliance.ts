import type { AllianceStatus } from '@ronghe/schema/enums';

/**
 * Which of a lead organization's alliances its secretary's 需求对接 opens on: the one at work. Needs are
 * matched for an alliance that runs (运行中, or 规范整顿 while it mends); one still being set up or
 * applied for has none, and opening on it (the newest, as the list comes) showed an empty page beside a
 * sidebar counting dozens of needs. A dissolved or refused alliance is never chosen.
 */
const PREFERENCE: readonly AllianceStatus[] = ['active', 'rectifying', 'established', 'approved', 'applied', 'draft'];

export function allianceToOpen<A extends { id: string; leadOrgId: string; status: AllianceStatus }>(alliances: readonly A[], leadOrgId: string): A | undefined {
  const led = alliances.filter((a) => a.leadOrgId === leadOrgId);
  for (const status of PREFERENCE) {
    const found = led.find((a) => a.status === status);
    if (found) return found;
  }
  return undefined;
}
