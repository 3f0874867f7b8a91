import type { Ctx } from '@ronghe/core';
import { divisionOrgs } from '@ronghe/registry/read';
import { type PlaceOption, PARTY_SUFFIX } from './rules.ts';

/**
 * The county's streets/townships and communities/villages, for place pickers:
 * read from the registry's organizations that carry a 9- or 12-digit division code.
 */
export async function listPlaces({ ctx }: { ctx: Ctx }): Promise<PlaceOption[]> {
  const rows = await divisionOrgs(ctx);
  const out = new Map<string, PlaceOption>();
  for (const r of rows) {
    if (!r.code || out.has(r.code)) continue;
    const street = r.code.length === 9;
    out.set(r.code, { code: r.code, name: r.name.replace(PARTY_SUFFIX, ''), level: street ? 'street' : 'community', parentCode: street ? null : r.code.slice(0, 9) });
  }
  return [...out.values()];
}
