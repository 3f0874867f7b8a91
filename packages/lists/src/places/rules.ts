import type { Ctx, FieldError } from '@ronghe/core';

export interface PlaceOption {
  code: string;
  name: string;
  level: 'street' | 'community';
  parentCode: string | null;
}

export const PARTY_SUFFIX = /(党工委|党委|党总支|党支部|联合党委|联合党支部)$/;

/** A place must lie in this county: division codes start with the county's code. */
export function placeErrors(ctx: Ctx, v: { streetCode?: string | null; communityCode?: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  const county = ctx.tenant.code;
  if (v.streetCode && !v.streetCode.startsWith(county)) errors.push({ path: 'body.streetCode', message: `街道不在${ctx.tenant.name}` });
  if (v.communityCode && !v.communityCode.startsWith(county)) errors.push({ path: 'body.communityCode', message: `社区不在${ctx.tenant.name}` });
  if (v.communityCode && v.streetCode && !v.communityCode.startsWith(v.streetCode)) errors.push({ path: 'body.communityCode', message: '社区不在所填街道内' });
  return errors;
}
