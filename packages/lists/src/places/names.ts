import { runPreparedReads, type Ctx } from '@ronghe/core';
import { PARTY_SUFFIX } from './rules.ts';
import { orgsByDivisionCodeRead, orgsByDivisionCodesOf } from '@ronghe/registry/read';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Names of streets and communities from their division codes. The registry's
 * street and community organizations carry those codes, so the names come from
 * the tenant itself (without the party-body suffix: 铁南街道党工委 → 铁南街道).
 */
export async function placeNames(ctx: Ctx, codes: readonly (string | null)[]): Promise<Map<string, string>> {
  const read = placeNamesRead(ctx, codes);
  if (!read) return new Map();
  const [rows] = await runPreparedReads(ctx.db, [read]);
  return placeNamesOf(rows);
}

/** The read behind `placeNames`, for a caller's batch of prepared reads; null when no code is given. */
export function placeNamesRead(ctx: Ctx, codes: readonly (string | null)[]) {
  const unique = [...new Set(codes.filter((c): c is string => !!c))];
  return unique.length ? orgsByDivisionCodeRead(ctx, unique) : null;
}

/**
 * The place names of the needs `page` selects (a subquery of need ids), as a read for the same batch as the page:
 * `key` names the caller's shape, `values` its values.
 */
export function pagePlaceNamesRead(ctx: Ctx, key: string, page: () => SQL, values: Record<string, unknown>) {
  return orgsByDivisionCodesOf(ctx, key, () => sql`SELECT value FROM needs pn, json_each(json_array(pn.street_code, pn.community_code)) WHERE pn.id IN ${page()}`, values);
}

/** Its rows as names by code: the shallowest organization of a code names it. */
export function placeNamesOf(rows: ReadonlyArray<{ code: string | null; name: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) if (r.code && !out.has(r.code)) out.set(r.code, r.name.replace(PARTY_SUFFIX, ''));
  return out;
}

export function placeLabel(names: Map<string, string>, streetCode: string | null, communityCode: string | null): string | null {
  const parts = [streetCode && names.get(streetCode), communityCode && names.get(communityCode)].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}
