import { ROLE_LABELS } from '@ronghe/schema/enums';

/** A role as people read it (县委组织部管理员 …); an unknown role from an older record reads as itself. */
export const roleLabel = (r: string) => (ROLE_LABELS as Record<string, string>)[r] ?? r;

/** What a person is within their unit, for the header's "铁南街道党工委 · 审核人". */
const SEATS: Record<string, string> = {
  city_admin: '管理员',
  county_admin: '管理员',
  committee_reviewer: '审核人',
  alliance_admin: '书记',
  org_liaison: '联络员',
  member: '党员',
};
export const roleSeat = (r: string) => SEATS[r] ?? roleLabel(r);
