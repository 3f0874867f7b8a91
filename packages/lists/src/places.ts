import { sql } from 'drizzle-orm';
import type { Ctx, FieldError } from '@ronghe/core';
import { organizations } from '@ronghe/schema';

export interface PlaceOption {
  code: string;
  name: string;
  level: 'street' | 'community';
  parentCode: string | null;
}

export const PARTY_SUFFIX = /(党工委|党委|党总支|党支部|联合党委|联合党支部)$/;

/**
 * The county's streets/townships and communities/villages, for place pickers:
 * read from the registry's organizations that carry a 9- or 12-digit division code.
 */
export async function listPlaces({ ctx }: { ctx: Ctx }): Promise<PlaceOption[]> {
  const rows = await ctx.db
    .select({ code: organizations.divisionCode, name: organizations.name })
    .from(organizations)
    .where(sql`length(${organizations.divisionCode}) IN (9, 12) AND ${organizations.status} = 'active'`)
    .orderBy(organizations.divisionCode, organizations.depth);
  const out = new Map<string, PlaceOption>();
  for (const r of rows) {
    if (!r.code || out.has(r.code)) continue;
    const street = r.code.length === 9;
    out.set(r.code, { code: r.code, name: r.name.replace(PARTY_SUFFIX, ''), level: street ? 'street' : 'community', parentCode: street ? null : r.code.slice(0, 9) });
  }
  return [...out.values()];
}

/** A place must lie in this county: division codes start with the county's code. */
export function placeErrors(ctx: Ctx, v: { streetCode?: string | null; communityCode?: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  const county = ctx.tenant.code;
  if (v.streetCode && !v.streetCode.startsWith(county)) errors.push({ path: 'body.streetCode', message: `街道不在${ctx.tenant.name}` });
  if (v.communityCode && !v.communityCode.startsWith(county)) errors.push({ path: 'body.communityCode', message: `社区不在${ctx.tenant.name}` });
  if (v.communityCode && v.streetCode && !v.communityCode.startsWith(v.streetCode)) errors.push({ path: 'body.communityCode', message: '社区不在所填街道内' });
  return errors;
}
