import { ROLE_LABELS } from '@ronghe/schema/enums';
import type { Role, Tenant } from '../../../api/types.ts';

// The same grant rules the server enforces (packages/identity/src/accounts.ts),
// checked here so the administrator sees them before saving.

export const roleLabel = (r: Role) => ROLE_LABELS[r] ?? r;

/** Roles a tenant's administrator may hand out there. */
export function grantableRoles(tenant: Tenant): Role[] {
  return tenant.kind === 'city'
    ? ['city_admin', 'member']
    : ['county_admin', 'committee_reviewer', 'alliance_admin', 'org_liaison', 'member'];
}

interface Scope {
  /** The form label of the organization field. */
  label: string;
  /** The message when it is left empty (the server's words). */
  required?: string;
  /** Only organizations in these domains qualify. */
  domains?: readonly string[];
  help?: string;
}

/** Which organization a role is bound to; roles absent here apply to the whole tenant. */
export const ROLE_SCOPE: Partial<Record<Role, Scope>> = {
  committee_reviewer: {
    label: '所属街道党工委/苏木乡镇党委',
    required: '审核人须指定所属街道党工委或苏木乡镇党委',
    domains: ['街道', '苏木乡镇'],
    help: '只能选择“街道”或“苏木乡镇”领域的党组织，审核其下级组织',
  },
  alliance_admin: { label: '牵头党组织', required: '联合体管理员须指定牵头党组织' },
  org_liaison: { label: '所在成员单位', required: '联络员须指定所在成员单位', help: '联络员只能维护这一个党组织的信息' },
  member: { label: '所在党组织（可不选）' },
};

export const ROLE_COLORS: Partial<Record<Role, string>> = {
  city_admin: 'red',
  county_admin: 'red',
  committee_reviewer: 'volcano',
  alliance_admin: 'orange',
  org_liaison: 'blue',
  member: 'default',
};
